package dev.irqlab.kernel;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * {@code /proc/lock_stat} for one {@link Mutex}: acquisitions, contentions, and histograms of
 * wait time (from asking for the lock to holding it) and hold time, in nanoseconds.
 *
 * <p>An acquisition that found the mutex free waited 0 ns and reads no clock; a contended one
 * is timed from asking to holding, optimistic spinning included, as {@code perf lock contention}
 * times it. The kernel's own lock_stat counts less for a mutex: {@code lock_contended()} runs
 * only once optimistic spinning has failed and the task joins the wait list, so there a waiter
 * that got the mutex by spinning is no contention and its spin no wait time.
 *
 * <p>Both times of an acquisition are recorded when it is released, by the task that holds the
 * mutex, so recording never contends; only the contention counter is touched by waiters, through
 * a {@link LongAdder}. A snapshot taken while the mutex is held does not yet count that
 * acquisition.
 */
public final class LockStat {
  private final String name;
  private final LongAdder contentions = new LongAdder();
  private final Histogram waitTime = new Histogram(3);
  private final Histogram holdTime = new Histogram(3);
  private long acquisitions;

  LockStat(String name) {
    this.name = name;
  }

  void contended() {
    contentions.increment();
  }

  synchronized void record(long waitNanos, long holdNanos) {
    acquisitions++;
    waitTime.recordValue(Math.max(0, waitNanos));
    holdTime.recordValue(Math.max(0, holdNanos));
  }

  /** A consistent copy of the counters and histograms as they are now. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(name, acquisitions, contentions.sum(), waitTime.copy(), holdTime.copy());
  }

  /** Clears everything, as writing 0 to /proc/lock_stat does. */
  public synchronized void reset() {
    acquisitions = 0;
    contentions.reset();
    waitTime.reset();
    holdTime.reset();
  }

  /**
   * The figures of one lock at one moment.
   *
   * @param name the lock's name
   * @param acquisitions how often it was taken
   * @param contentions how often a taker found it held and had to wait
   * @param waitTime nanoseconds from asking to holding, one value per acquisition
   * @param holdTime nanoseconds from holding to releasing, one value per release
   */
  public record Snapshot(String name, long acquisitions, long contentions, Histogram waitTime, Histogram holdTime) {}
}
