package dev.irqlab.cli;

import java.util.ArrayList;
import java.util.List;

/** Plain-text layout for output that pastes into a mail: wrapping and indenting. */
final class Text {
  private Text() {}

  /** Wraps {@code text} at spaces so no line is longer than {@code width} (unless a word is). */
  static String wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
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
    return String.join("\n", lines);
  }

  /** Prefixes every line with {@code spaces} spaces. */
  static String indent(String text, int spaces) {
    String pad = " ".repeat(spaces);
    return pad + text.replace("\n", "\n" + pad);
  }
}
