package dev.irqlab.kernel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code refcount_t}: a reference count that reports misuse instead of wrapping. Incrementing
 * from zero reports "addition on 0; use-after-free", decrementing below zero reports
 * "underflow; use-after-free"; either way the count saturates and stays put, as the kernel's
 * does.
 */
public final class Refcount {
  /** Where a misused count is parked ({@code REFCOUNT_SATURATED}). */
  public static final int SATURATED = Integer.MIN_VALUE / 2;

  private final Kernel kernel;
  private final String what;
  private final AtomicInteger count;

  /** {@code refcount_set(r, initial)}; {@code what} names the counted object in reports. */
  public Refcount(Kernel kernel, String what, int initial) {
    this.kernel = kernel;
    this.what = what;
    this.count = new AtomicInteger(initial);
  }

  /** {@code refcount_read()}. */
  public int read() {
    return count.get();
  }

  /** {@code refcount_inc()}. */
  public void inc() {
    int old = count.getAndUpdate(v -> v == 0 || v == SATURATED ? SATURATED : v + 1);
    if (old == 0) {
      report("addition on 0; use-after-free.");
    }
  }

  /** {@code refcount_inc_not_zero()}: false (and no change) when the count is zero. */
  public boolean incNotZero() {
    while (true) {
      int v = count.get();
      if (v == 0) {
        return false;
      }
      if (v == SATURATED || count.compareAndSet(v, v + 1)) {
        return true;
      }
    }
  }

  /** {@code refcount_dec_and_test()}: true when this put dropped the last reference. */
  public boolean decAndTest() {
    int old = count.getAndUpdate(v -> v <= 0 ? SATURATED : v - 1);
    if (old <= 0) {
      report("underflow; use-after-free.");
      return false;
    }
    return old == 1;
  }

  private void report(String problem) {
    Site site = kernel.caller(c -> c.equals(Refcount.class.getName()));
    kernel.log(
        EventKind.REFCOUNT,
        LogLevel.WARNING,
        "refcount_t: " + problem,
        site,
        List.of(String.format(Locale.ROOT, "the reference count of %s", what)));
  }
}
