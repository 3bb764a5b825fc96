package dev.irqlab.devices;

import dev.irqlab.devices.guest.Target;
import dev.irqlab.kernel.EventfdCtx;
import java.util.List;

/**
 * A driver bound to one {@link Host}, as a driver binds to a bus: the host keeps one instance
 * per driver class ({@link Host#driver}), made on first use, and asks each bound driver what
 * only that driver knows. The host imports none of them; they import the host.
 *
 * <p>KVM ({@code dev.irqlab.devices.kvm.KvmModule}), vhost-vDPA's character devices and the
 * process table are drivers; a new caller is a new driver, not an edit of the host.
 */
public interface HostDriver {

  /**
   * Whether something of this driver waits on {@code eventfd} (an irqfd bound to it), so that a
   * signal of it does not reach user space. None, by default.
   */
  default boolean consumes(EventfdCtx eventfd) {
    return false;
  }

  /** Where a signal of {@code eventfd} should arrive through this driver (an irqfd's routes). None, by default. */
  default List<Target> expectedTargets(EventfdCtx eventfd) {
    return List.of();
  }

  /** The host shuts down (every process exits). Nothing, by default. */
  default void shutdown() {}
}
