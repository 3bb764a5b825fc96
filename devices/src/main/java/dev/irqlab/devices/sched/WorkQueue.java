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
  public boolean queue(Work work) {
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
    while (!queue.isEmpty()) {
      runOne(queue.pollFirst());
    }
  }

  /** {@code flush_work()}: runs {@code work} now if it is pending. */
  public void flush(Work work) {
    kernel.mightSleep();
    if (work.pending && queue.remove(work)) {
      runOne(work);
    }
  }

  /** {@code cancel_work_sync()}: drops {@code work} if pending; true when it was. */
  public boolean cancel(Work work) {
    boolean was = work.pending && queue.remove(work);
    work.pending = false;
    return was;
  }

  /** Works queued and not yet run. */
  public int pending() {
    return queue.size();
  }

  private static void runOne(Work work) {
    work.pending = false;
    work.run();
  }
}
