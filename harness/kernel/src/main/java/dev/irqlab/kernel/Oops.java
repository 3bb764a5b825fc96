package dev.irqlab.kernel;

/**
 * The task died: an oops, a BUG, a deadlock the emulated kernel refused to enter, or a soft
 * lockup it cut short.
 *
 * <p>The report is already in the kernel log when this is thrown; the exception unwinds the
 * Java stack the way the kernel kills the task. Whoever runs a revision catches it and shows
 * {@link #event()}.
 */
public final class Oops extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient KernelEvent event;

  Oops(KernelEvent event) {
    super(event.message());
    this.event = event;
  }

  Oops(KernelEvent event, Throwable cause) {
    super(event.message(), cause);
    this.event = event;
  }

  /** The report that ended the task. */
  public KernelEvent event() {
    return event;
  }
}
