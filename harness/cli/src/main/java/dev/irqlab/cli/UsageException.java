package dev.irqlab.cli;

/** A command used wrongly: printed as one line, {@code irqlab: <message>}, with exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
