package dev.irqlab.conformance.io;

/**
 * A file that cannot be read as text: its message is one line for the user, {@code FILE: no
 * such file} or, for a byte that is not UTF-8, {@code FILE:LINE:COLUMN: ...}.
 */
public final class TextFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  /** A problem at {@code line} and {@code column} (from 1), or of the whole file when they are 0. */
  public TextFileException(String file, int line, int column, String what) {
    super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + what, null, false, false);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  /** The line of the problem, from 1; 0 when it is the file's as a whole. */
  public int line() {
    return line;
  }

  /** The column of the problem, from 1; 0 when it is the file's as a whole. */
  public int column() {
    return column;
  }
}
