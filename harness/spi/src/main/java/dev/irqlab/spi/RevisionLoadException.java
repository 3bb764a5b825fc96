package dev.irqlab.spi;

/** The revisions on the class path do not form a history: duplicate ids, a missing parent, a cycle. */
public final class RevisionLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RevisionLoadException(String message) {
    super(message);
  }

  public RevisionLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
