package dev.irqlab.conformance.io;

/**
 * A mistake in a file the user gave, at a place in it: its message is one line for the user,
 * {@code FILE:LINE:COLUMN: what}, or {@code FILE: what} for the file as a whole.
 */
public abstract class PlacedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  /** A mistake at {@code line} and {@code column} (from 1), or of the whole file when they are 0. */
  protected PlacedException(String file, int line, int column, String what) {
    super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + what, null, false, false);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  /** The line of the mistake, from 1; 0 when it is the file's as a whole. */
  public int line() {
    return line;
  }

  /** The column of the mistake, from 1; 0 when it is the file's as a whole. */
  public int column() {
    return column;
  }
}
