package dev.irqlab.conformance.io;

/**
 * A file that cannot be read as text: its message is one line for the user, {@code FILE: no
 * such file} or, for a byte that is not UTF-8, {@code FILE:LINE:COLUMN: ...}.
 */
public final class TextFileException extends PlacedException {
  private static final long serialVersionUID = 1L;

  /** A problem at {@code line} and {@code column} (from 1), or of the whole file when they are 0. */
  public TextFileException(String file, int line, int column, String what) {
    super(file, line, column, what);
  }
}
