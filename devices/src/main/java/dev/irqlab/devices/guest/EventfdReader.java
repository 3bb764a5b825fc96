package dev.irqlab.devices.guest;

/**
 * The owner of an eventfd wait-queue entry that takes the eventfd's signals in the kernel
 * without injecting them into a VM (vfio's virqfd): a signal of that eventfd is expected to
 * reach {@link #target()}, by {@link Path#VIRQFD}, instead of user space.
 */
public interface EventfdReader {
  /** Where this reader counts the signals it takes. */
  Target.Reader target();
}
