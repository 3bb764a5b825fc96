package dev.irqlab.crev;

/**
 * A {@code c:} revision that cannot be used: a missing tree or file, a ref git does not know, no
 * C compiler, a source that does not compile against the shim. The message is for the user.
 */
public final class CRevisionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public CRevisionException(String message) {
    super(message);
  }

  public CRevisionException(String message, Throwable cause) {
    super(message, cause);
  }
}
