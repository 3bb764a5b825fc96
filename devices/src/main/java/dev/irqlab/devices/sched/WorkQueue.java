package dev.irqlab.devices.sched;

import dev.irqlab.kernel.Kernel;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A workqueue ({@code system_wq}, {@code irqfd_cleanup_wq}): queued work runs in process
 * context, in queue order, when the queue is flushed.
 *
 * <p>The kernel runs work on its worker threads at some later time. Here it runs at fixed points
 * so runs are deterministic: when a function flushes the queue ({@code flush_workqueue}, {@code
 * flush_work}), and when a system call returns to user space or a device interrupt has been
 * handled ({@code Host} flushes then).
 *
 * <p>Safe to use from many tasks: the queue is locked while work is queued or taken, and each
 * work runs outside the lock, on the task that flushes.
 */
public final class WorkQueue {
  private final Kernel kernel;
  private final String name;
  private final Deque<Work> queue = new ArrayDeque<>();

  public WorkQueue(Kernel kernel, String name) {
    this.kernel = kernel;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** {@code queue_work()}: false when the work was already pending. Safe in atomic context. */
  public synchronized boolean queue(Work work) {
    if (work.pending) {
      return false;
    }
    work.pending = true;
    queue.addLast(work);
    return true;
  }

  /** {@code flush_workqueue()}: runs every queued work, and the work they queue, until none is left. */
  public void flush() {
    kernel.mightSleep();
    Work next;
    while ((next = take()) != null) {
      next.run();
    }
  }

  /** {@code flush_work()}: runs {@code work} now if it is pending. */
  public void flush(Work work) {
    kernel.mightSleep();
    boolean taken;
    synchronized (this) {
      taken = work.pending && queue.remove(work);
      if (taken) {
        work.pending = false;
      }
    }
    if (taken) {
      work.run();
    }
  }

  /** {@code cancel_work_sync()}: drops {@code work} if pending; true when it was. */
  public synchronized boolean cancel(Work work) {
    boolean was = work.pending && queue.remove(work);
    work.pending = false;
    return was;
  }

  /** Works queued and not yet run. */
  public synchronized int pending() {
    return queue.size();
  }

  /** The first queued work, no longer pending, or null. */
  private synchronized Work take() {
    Work work = queue.pollFirst();
    if (work != null) {
      work.pending = false;
    }
    return work;
  }
}
