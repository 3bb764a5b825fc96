package dev.irqlab.kernel;

/** What kind of structured event the emulated kernel logged. */
public enum EventKind {
  /** A printk line at some {@link LogLevel}. */
  PRINTK(false),
  /** {@code WARN()}, {@code WARN_ON()}, {@code WARN_ON_ONCE()}: a splat, execution goes on. */
  WARNING(true),
  /** {@code BUG()} or an oops (NULL dereference, page fault): the task dies. */
  BUG(true),
  /** A lockdep report: recursive locking, bad unlock, lock held on return, assert failures. */
  LOCKDEP(true),
  /** A KASAN report: use-after-free, double-free or an invalid free. */
  KASAN(true),
  /** A kmemleak report: an object still allocated after teardown. */
  KMEMLEAK(true),
  /** A CONFIG_DEBUG_LIST report: list_add or list_del corruption. */
  LIST_CORRUPTION(true),
  /** A refcount_t saturation report (underflow, addition on 0). */
  REFCOUNT(true),
  /** {@code might_sleep()} in atomic context: "sleeping function called from invalid context". */
  SLEEP_IN_ATOMIC(true),
  /** The watchdog's soft lockup: a walk that did not end. */
  SOFT_LOCKUP(true);

  private final boolean report;

  EventKind(boolean report) {
    this.report = report;
  }

  /** True for the sanitizer and warning reports, false for plain printk lines. */
  public boolean isReport() {
    return report;
  }
}
