package dev.irqlab.devices.sched;

/**
 * {@code struct work_struct}: a function to run later in process context, queued at most once
 * at a time.
 */
public final class Work {
  private final String name;
  private final Runnable fn;
  boolean pending;

  /** {@code INIT_WORK(&work, fn)}; {@code name} is for reports ({@code irqfd_shutdown}). */
  public Work(String name, Runnable fn) {
    this.name = name;
    this.fn = fn;
  }

  public String name() {
    return name;
  }

  /** True while the work is queued and has not started. */
  public boolean isPending() {
    return pending;
  }

  void run() {
    fn.run();
  }

  @Override
  public String toString() {
    return name;
  }
}
