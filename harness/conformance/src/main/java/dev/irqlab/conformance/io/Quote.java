package dev.irqlab.conformance.io;

/** The user's text as a one-line message quotes it. */
public final class Quote {
  /** The longest piece of the user's text a message quotes whole. */
  public static final int MAX = 40;

  private Quote() {}

  /**
   * {@code text} in single quotes as a message shows it: a character that would not show (a
   * control or format character, a space other than ' ', a lone surrogate) as a Java escape of
   * its code (a zero-width space as backslash, u, 200b), a backslash doubled, and the part past
   * {@value #MAX} characters as {@code ...}.
   */
  public static String of(String text) {
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    int i = 0;
    for (; i < text.length() && shown < MAX; shown++) {
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

  /** {@code text} with every character that would not show escaped as {@link #of} escapes it, unquoted and whole. */
  public static String visible(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (shows(c)) {
        out.appendCodePoint(c);
      } else {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
      }
    });
    return out.toString();
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
