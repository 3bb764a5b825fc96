package dev.irqlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct eventfd_ctx}: a kref-counted counter with a wait queue. Its address is what
 * the IRQ bypass manager matches producers and consumers by.
 *
 * <p>The creator holds the first reference (the eventfd file's); drivers take their own with
 * {@link #get()} ({@code eventfd_ctx_fdget}) and drop them with {@link #put()}; the last put
 * frees the context, after which touching it is a use-after-free. {@link #signal()} counts and
 * wakes the waiters; {@link #release()} is the file's last close: waiters see {@code EPOLLHUP},
 * then the file's reference is put.
 */
public final class EventfdCtx extends KObject {
  /** Poll bit: readable. */
  public static final int EPOLLIN = 0x001;
  /** Poll bit: hang-up. */
  public static final int EPOLLHUP = 0x010;

  private final Refcount kref;
  private long count;
  private long signals;
  private final List<WaitQueueEntry> waiters = new ArrayList<>();

  private EventfdCtx(Kernel kernel) {
    super(kernel, "struct eventfd_ctx", 64);
    this.kref = new Refcount(kernel, "eventfd_ctx", 1);
  }

  /**
   * {@code eventfd_ctx} creation, as {@code eventfd(2)} does it: one reference, owned by the
   * caller (the file). Null when the allocation fails.
   */
  public static EventfdCtx create(Kernel kernel) {
    return kernel.memory().kzalloc("eventfd_ctx", Gfp.KERNEL, () -> new EventfdCtx(kernel));
  }

  /** {@code eventfd_ctx_get()}: another reference; returns this. */
  public EventfdCtx get() {
    touch();
    kref.inc();
    return this;
  }

  /** {@code eventfd_ctx_put()}: drops a reference; the last one frees the context. */
  public void put() {
    touch();
    if (kref.decAndTest()) {
      kernel().memory().kfree(this);
    }
  }

  /** References held now. */
  public int refcount() {
    return kref.read();
  }

  /**
   * {@code eventfd_signal(ctx)}: adds one to the counter and wakes the waiters with {@code
   * EPOLLIN}.
   */
  public void signal() {
    touch();
    List<WaitQueueEntry> snapshot;
    synchronized (this) {
      count++;
      signals++;
      snapshot = List.copyOf(waiters);
    }
    wakeUp(snapshot, EPOLLIN);
  }

  /** The counter a read would return now. */
  public synchronized long count() {
    touch();
    return count;
  }

  /** How often the context was signalled since creation (reads do not lower it). */
  public synchronized long signals() {
    touch();
    return signals;
  }

  /** {@code eventfd_ctx_do_read()}: returns the counter and resets it to 0. */
  public synchronized long read() {
    touch();
    long value = count;
    count = 0;
    return value;
  }

  /** The poll mask: {@link #EPOLLIN} while the counter is not zero. */
  public synchronized int poll() {
    touch();
    return count > 0 ? EPOLLIN : 0;
  }

  /**
   * {@code add_wait_queue()}: a plain, non-exclusive waiter, placed as {@code
   * __add_wait_queue()} places it: after the priority waiters, before the other plain ones (so
   * plain waiters are woken newest first).
   */
  public synchronized void addWaitQueue(WaitQueueEntry wait) {
    touch();
    wait.exclusive = false;
    wait.priority = false;
    enqueue(afterPriorityWaiters(), wait);
  }

  /**
   * {@code add_wait_queue_priority()} (from v5.11): an exclusive priority waiter, after the
   * priority waiters already queued and before every plain one. It sees events before the plain
   * waiters and, when it consumes one, hides it from them.
   */
  public synchronized void addWaitQueuePriority(WaitQueueEntry wait) {
    touch();
    wait.exclusive = true;
    wait.priority = true;
    enqueue(afterPriorityWaiters(), wait);
  }

  /**
   * {@code add_wait_queue_priority_exclusive()} (6.17): an exclusive priority waiter at the very
   * head, or {@code -EBUSY} when the first waiter is already a priority one.
   */
  public synchronized int addWaitQueuePriorityExclusive(WaitQueueEntry wait) {
    touch();
    wait.exclusive = true;
    wait.priority = true;
    if (!waiters.isEmpty() && waiters.get(0).priority) {
      return -Errno.EBUSY;
    }
    enqueue(0, wait);
    return 0;
  }

  private int afterPriorityWaiters() {
    int i = 0;
    while (i < waiters.size() && waiters.get(i).priority) {
      i++;
    }
    return i;
  }

  private void enqueue(int index, WaitQueueEntry wait) {
    wait.queued = true;
    waiters.add(index, wait);
  }

  /** {@code remove_wait_queue()}. */
  public synchronized void removeWaitQueue(WaitQueueEntry wait) {
    touch();
    waiters.remove(wait);
    wait.queued = false;
  }

  /** The waiters, in wake-up order. */
  public synchronized List<WaitQueueEntry> waiters() {
    return List.copyOf(waiters);
  }

  /**
   * The eventfd file's last close ({@code eventfd_release}): wakes the waiters with {@code
   * EPOLLHUP}, then drops the file's reference.
   */
  public void release() {
    touch();
    List<WaitQueueEntry> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(waiters);
    }
    wakeUp(snapshot, EPOLLHUP);
    put();
  }

  /**
   * {@code __wake_up_common} with one exclusive wake-up, under the queue's spinlock: the wake
   * functions run in atomic context, as they do in the kernel.
   */
  private void wakeUp(List<WaitQueueEntry> snapshot, int key) {
    try (Kernel.Scope wqhLock = kernel().enterAtomic()) {
      wakeUpLocked(snapshot, key);
    }
  }

  private static void wakeUpLocked(List<WaitQueueEntry> snapshot, int key) {
    for (WaitQueueEntry wait : snapshot) {
      if (!wait.queued) {
        continue;
      }
      int ret = wait.func().wake(wait, key);
      if (ret < 0 || (ret != 0 && wait.exclusive)) {
        break;
      }
    }
  }
}
