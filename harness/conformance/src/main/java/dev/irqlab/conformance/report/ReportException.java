package dev.irqlab.conformance.report;

/**
 * A report that cannot be read or written: its message is one line for the user, naming the
 * file, where in it (line and column, when known) and what was expected.
 */
public final class ReportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
