package dev.irqlab.conformance.report;

import java.util.ArrayList;
import java.util.List;

/** Plain-text layout for output that pastes into a mail: wrapping and indenting. */
public final class Text {
  /** The width of everything irqlab prints as text. */
  public static final int WIDTH = 80;

  private Text() {}

  /** Wraps {@code text} at spaces so no line is longer than {@code width} (unless a word is). */
  public static String wrap(String text, int width) {
    return String.join("\n", wrapLines(text, width));
  }

  /** {@link #wrap}, as lines; an empty text gives no line. */
  public static List<String> wrapLines(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : words(text, width)) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * {@code text} after {@code head} on the first line, the next lines indented by {@code indent}
   * spaces, every line at most {@link #WIDTH} wide (a wider word is cut, but for a URL).
   */
  public static List<String> hanging(String head, String text, int indent) {
    return hanging(head, text, indent, WIDTH);
  }

  /** {@link #hanging(String, String, int)} within {@code width} columns. */
  public static List<String> hanging(String head, String text, int indent, int width) {
    List<String> out = new ArrayList<>();
    String pad = " ".repeat(indent);
    StringBuilder line = new StringBuilder(head.length() < indent ? head + " ".repeat(indent - head.length()) : head);
    int bare = line.length();
    for (String word : words(text, width - indent)) {
      if (word.isEmpty()) {
        continue;
      }
      boolean spaced = line.length() > 0 && line.charAt(line.length() - 1) != ' ';
      if (line.length() > bare && line.length() + (spaced ? 1 : 0) + word.length() > width) {
        out.add(line.toString().stripTrailing());
        line.setLength(0);
        line.append(pad);
        bare = line.length();
        spaced = false;
      }
      if (spaced) {
        line.append(' ');
      }
      line.append(word);
    }
    out.add(line.toString().stripTrailing());
    return out;
  }

  /**
   * The words of {@code text}, a word wider than {@code width} cut into pieces that fit; a URL
   * stays whole, so that it can still be followed.
   */
  private static List<String> words(String text, int width) {
    List<String> out = new ArrayList<>();
    int max = Math.max(1, width);
    for (String word : text.strip().split("\\s+")) {
      String w = word;
      while (w.length() > max && !w.startsWith("http://") && !w.startsWith("https://")) {
        out.add(w.substring(0, max));
        w = w.substring(max);
      }
      out.add(w);
    }
    return out;
  }

  /** Prefixes every line with {@code spaces} spaces. */
  public static String indent(String text, int spaces) {
    String pad = " ".repeat(spaces);
    return pad + text.replace("\n", "\n" + pad);
  }

  /** One line: newlines and tabs become spaces. */
  public static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
  }
}
