package dev.irqlab.conformance;

/**
 * A scenario that cannot run as written: where (file, line, column) and what was expected. Its
 * message is one line, ready for the user: {@code demo.irq:4:10: unknown name 'efd9': expected
 * an eventfd declared above}.
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The longest piece of the user's text a message quotes whole. */
  static final int QUOTE_MAX = 40;

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

  /**
   * {@code text} in single quotes as a message shows it: a character that would not show (a
   * control or format character, a space other than ' ', a lone surrogate) as a Java escape of
   * its code (a zero-width space as backslash, u, 200b), a backslash doubled, and the part past
   * {@value #QUOTE_MAX} characters as {@code ...}.
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    int i = 0;
    for (; i < text.length() && shown < QUOTE_MAX; shown++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\\') {
        out.append("\\\\");
      } else if (shows(c)) {
        out.appendCodePoint(c);
      } else {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
      }
    }
    return out.append(i < text.length() ? "...'" : "'").toString();
  }

  private static boolean shows(int c) {
    if (c == ' ') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
      default -> true;
    };
  }
}
