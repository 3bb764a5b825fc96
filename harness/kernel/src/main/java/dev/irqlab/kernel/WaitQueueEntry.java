package dev.irqlab.kernel;

/**
 * {@code wait_queue_entry_t}: a waiter on an {@link EventfdCtx}, with its wake function (KVM's
 * {@code irqfd_wakeup}, for example).
 */
public final class WaitQueueEntry {
  /** {@code wait_queue_func_t}. */
  @FunctionalInterface
  public interface WakeFunction {
    /**
     * Called on every wake-up of the queue.
     *
     * @param key the poll mask ({@link EventfdCtx#EPOLLIN}, {@link EventfdCtx#EPOLLHUP})
     * @return nonzero when the wake-up was consumed: an exclusive waiter returning nonzero ends
     *     the wake-up walk; negative also ends it
     */
    int wake(WaitQueueEntry wait, int key);
  }

  private final WakeFunction func;
  private final Object owner;
  boolean exclusive;
  boolean priority;
  boolean queued;

  /** {@code init_waitqueue_func_entry(&wait, func)}; {@code owner} is for reports. */
  public WaitQueueEntry(WakeFunction func, Object owner) {
    this.func = func;
    this.owner = owner;
  }

  WakeFunction func() {
    return func;
  }

  public Object owner() {
    return owner;
  }

  public boolean isExclusive() {
    return exclusive;
  }

  public boolean isPriority() {
    return priority;
  }

  /** True while the entry is on a queue. */
  public boolean isQueued() {
    return queued;
  }
}
