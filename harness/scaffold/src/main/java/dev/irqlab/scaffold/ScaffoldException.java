package dev.irqlab.scaffold;

/**
 * A request the tools over revision sources refuse: an unknown revision, a missing folder, a
 * source file that does not parse. The message is one line, naming the file (and line) at fault.
 */
public class ScaffoldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScaffoldException(String message) {
    super(message, null, false, false);
  }
}
