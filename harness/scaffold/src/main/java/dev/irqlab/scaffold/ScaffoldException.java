package dev.irqlab.scaffold;

/**
 * A scaffold that cannot be made as asked: an id that is taken or malformed, an unknown parent,
 * a module list or source the tool cannot read. The message is one line that names the file
 * (and line) at fault and what was expected; nothing has been written when it is thrown.
 */
public final class ScaffoldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScaffoldException(String message) {
    super(message, null, false, false);
  }
}
