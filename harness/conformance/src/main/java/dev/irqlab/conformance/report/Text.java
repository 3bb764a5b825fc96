package dev.irqlab.conformance.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text layout for output that pastes into a mail: wrapping, folding and indenting within
 * {@link #WIDTH} columns. Lines break at spaces, and never inside a word: a word wider than the
 * room it has (a place such as {@code Class.method(File.java:206)}) may break only after an
 * opening parenthesis, a comma or a semicolon, so that a name, a path or a line number stays
 * whole; a URL never breaks.
 */
public final class Text {
  /** The width of everything irqlab prints as text. */
  public static final int WIDTH = 80;

  /** How much deeper than its line a folded line's continuation is indented. */
  public static final int FOLD = 4;

  private Text() {}

  /** Wraps {@code text} at spaces so no line is longer than {@code width} (unless a word is). */
  public static String wrap(String text, int width) {
    return String.join("\n", wrapLines(text, width));
  }

  /** {@link #wrap}, as lines; an empty text gives no line. */
  public static List<String> wrapLines(String text, int width) {
    List<String> lines = fill("", "", text, width);
    return lines.size() == 1 && lines.get(0).isEmpty() ? List.of() : lines;
  }

  /**
   * {@code text} after {@code head} on the first line, the next lines indented by {@code indent}
   * spaces, every line at most {@link #WIDTH} wide.
   */
  public static List<String> hanging(String head, String text, int indent) {
    return hanging(head, text, indent, WIDTH);
  }

  /** {@link #hanging(String, String, int)} within {@code width} columns. */
  public static List<String> hanging(String head, String text, int indent, int width) {
    String first = head.length() < indent ? head + " ".repeat(indent - head.length()) : head;
    return fill(first, " ".repeat(indent), text, width);
  }

  /**
   * One line of output (a line of a trace, say) within {@code width} columns: the line itself
   * when it fits, else folded, each continuation indented {@link #FOLD} columns deeper than the
   * line. It folds after a semicolon where it can ({@code state: producers -; consumers -;}
   * keeps each part whole), else at spaces. Spacing inside a line that fits is kept.
   */
  public static List<String> fold(String line, int width) {
    if (line.length() <= width) {
      return List.of(line);
    }
    String lead = line.substring(0, line.length() - line.stripLeading().length());
    String next = lead + " ".repeat(FOLD);
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder(lead);
    for (String part : line.strip().split("(?<=;) +")) {
      boolean bare = current.toString().isBlank();
      String candidate = bare ? current + part : current + " " + part;
      if (candidate.length() <= width) {
        current.setLength(0);
        current.append(candidate);
        continue;
      }
      if (!bare) {
        out.add(current.toString());
        current.setLength(0);
        current.append(next);
      }
      if (current.length() + part.length() <= width) {
        current.append(part);
        continue;
      }
      List<String> filled = fill(current.toString(), next, part, width);
      out.addAll(filled.subList(0, filled.size() - 1));
      current.setLength(0);
      current.append(filled.get(filled.size() - 1));
    }
    out.add(current.toString());
    return out;
  }

  /** {@link #fold(String, int)} of every line. */
  public static List<String> fold(List<String> lines, int width) {
    List<String> out = new ArrayList<>();
    lines.forEach(l -> out.addAll(fold(l, width)));
    return out;
  }

  /**
   * The lines of a unified diff within {@code width} columns: a file or hunk header as it is, a
   * line of the texts compared folded after its mark ({@code ' '}, {@code '+'}, {@code '-'}),
   * each continuation under the same mark, so that it still reads as the side it belongs to.
   */
  public static List<String> foldDiff(List<String> diff, int width) {
    List<String> out = new ArrayList<>();
    for (String l : diff) {
      boolean body = !l.isEmpty() && " +-".indexOf(l.charAt(0)) >= 0 && !l.startsWith("--- ") && !l.startsWith("+++ ");
      if (!body || l.length() <= width) {
        out.add(l);
        continue;
      }
      String mark = l.substring(0, 1);
      fold(l.substring(1), width - 1).forEach(f -> out.add(mark + f));
    }
    return out;
  }

  /**
   * {@code url} on a line of its own, indented by {@code indent} when it fits, else as far in
   * as it can be and still fit (a URL is never broken).
   */
  public static String url(String url, int indent) {
    return " ".repeat(Math.max(0, Math.min(indent, WIDTH - url.length()))) + url;
  }

  /** A piece of a word, or a whole word; {@code glued} when it continues the piece before it. */
  private record Piece(String text, boolean glued) {}

  /**
   * Fills lines with the words of {@code text}: the first line starts with {@code first}, the
   * next with {@code next}; a word goes to the next line when it would pass {@code width}.
   */
  private static List<String> fill(String first, String next, String text, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    int bare = line.length();
    for (Piece p : pieces(text, width - next.length())) {
      boolean spaced = !p.glued() && line.length() > 0 && line.charAt(line.length() - 1) != ' ';
      boolean filled = line.length() > bare || (bare > 0 && !line.toString().isBlank());
      if (filled && line.length() + (spaced ? 1 : 0) + p.text().length() > width) {
        out.add(line.toString().stripTrailing());
        line.setLength(0);
        line.append(next);
        bare = line.length();
        spaced = false;
      }
      if (spaced) {
        line.append(' ');
      }
      line.append(p.text());
    }
    out.add(line.toString().stripTrailing());
    return out;
  }

  /**
   * The words of {@code text}; a word wider than {@code room} in pieces, each ending just after
   * an opening parenthesis, a comma or a semicolon, so that no name, path or number is cut. A
   * URL, or a word with no such place, stays whole.
   */
  private static List<Piece> pieces(String text, int room) {
    List<Piece> out = new ArrayList<>();
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (word.length() <= room || word.startsWith("http://") || word.startsWith("https://")) {
        out.add(new Piece(word, false));
        continue;
      }
      int start = 0;
      for (int i = 0; i < word.length() - 1; i++) {
        char c = word.charAt(i);
        if (c == '(' || c == ',' || c == ';') {
          out.add(new Piece(word.substring(start, i + 1), start > 0));
          start = i + 1;
        }
      }
      out.add(new Piece(word.substring(start), start > 0));
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
