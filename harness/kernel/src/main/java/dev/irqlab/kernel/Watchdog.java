package dev.irqlab.kernel;

import java.util.List;
import java.util.Locale;

/**
 * The soft-lockup detector: a walk that does not end is reported and cut short.
 *
 * <p>A loop that may run away (a list walk over a corrupted list) takes a {@link Walk} and
 * calls {@link Walk#step()} once per step. Past {@link KernelConfig#walkLimit()} steps the
 * watchdog logs {@code watchdog: BUG: soft lockup} and throws {@link Oops}. Counting steps
 * instead of seconds keeps the verdict deterministic.
 */
public final class Watchdog {
  private final Kernel kernel;
  private final long limit;

  Watchdog(Kernel kernel, long limit) {
    this.kernel = kernel;
    this.limit = limit;
  }

  /** Starts watching one walk; {@code what} names it in the report. */
  public Walk walk(String what) {
    return new Walk(what);
  }

  /**
   * The soft lockup of a walk that foreign code counts itself (a C revision's list walk): logs
   * the report a {@link Walk} past the limit logs, and returns the oops that ends the task.
   */
  public Oops lockup(String what, long steps) {
    Task task = kernel.current();
    return kernel.oops(
        EventKind.SOFT_LOCKUP,
        String.format(Locale.ROOT, "watchdog: BUG: soft lockup - CPU#0 stuck for 26s! [%s:%d]", task.comm(), task.pid()),
        List.of(String.format(Locale.ROOT, "%s did not end after %d steps", what, steps)));
  }

  /** The limit of a walk's steps. */
  public long limit() {
    return limit;
  }

  /** One watched loop. */
  public final class Walk {
    private final String what;
    private final long max = limit;
    private long steps;

    private Walk(String what) {
      this.what = what;
    }

    /** Counts a step; ends the task with a soft lockup report past the limit. */
    public void step() {
      if (++steps > max) {
        lockup();
      }
    }

    private void lockup() {
      throw Watchdog.this.lockup(what, max);
    }

    /** Steps taken so far. */
    public long steps() {
      return steps;
    }
  }
}
