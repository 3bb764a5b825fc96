package dev.irqlab.conformance;

/**
 * A scenario that cannot run as written: where (file, line, column) and what was expected. Its
 * message is one line, ready for the user: {@code demo.irq:4:10: unknown name 'efd9': expected
 * an eventfd declared above}.
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  public ScenarioException(String file, int line, int column, String message) {
    super(file + ":" + line + ":" + column + ": " + message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
