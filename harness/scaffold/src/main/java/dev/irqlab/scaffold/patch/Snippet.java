package dev.irqlab.scaffold.patch;

import java.util.List;

/**
 * Whole lines of a source file.
 *
 * @param begin the number of the first line (1-based); for no lines, the line after the one
 *     they would follow
 * @param lines the lines, without line ends
 */
record Snippet(int begin, List<String> lines) {
  Snippet {
    lines = List.copyOf(lines);
  }

  /** Lines {@code begin} to {@code end} (1-based, inclusive) of {@code file}. */
  static Snippet of(List<String> file, int begin, int end) {
    return new Snippet(begin, file.subList(begin - 1, Math.min(end, file.size())));
  }

  /** No lines, placed after line {@code line} (0: at the top of the file). */
  static Snippet after(int line) {
    return new Snippet(line + 1, List.of());
  }

  /** The number of the last line; {@code begin - 1} when there is none. */
  int end() {
    return begin + lines.size() - 1;
  }
}
