package dev.irqlab.scaffold;

/**
 * A request the tools over revision sources refuse: an unknown revision, a taken or malformed
 * id, a missing folder, a module list or source file that cannot be read or parsed. The message
 * is one line that names the file (and line) at fault and what was expected; nothing has been
 * written when it is thrown.
 */
public class ScaffoldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScaffoldException(String message) {
    super(message, null, false, false);
  }
}
