package dev.irqlab.scaffold;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Changes to one source file, each at the exact characters of the nodes javaparser found: the
 * rest of the file, comments and blanks included, stays byte for byte as it was.
 *
 * <p>This does what javaparser's {@code LexicalPreservingPrinter} is for, without it: in
 * javaparser 3.28.2 that printer fails under a Turkish default locale (it derives getter names
 * with the default locale's case rules: javaparser/javaparser#3018, fixed by #5121 after that
 * release), and this tool's output must not depend on the locale. Once a javaparser release
 * with the fix is out, the printer can take this class's place.
 */
final class SourceEdits {
  private record Edit(int start, int end, String text, int order) {}

  private final String file;
  private final String source;
  private final int[] lineStarts;
  private final List<Edit> edits = new ArrayList<>();

  SourceEdits(String file, String source) {
    this.file = file;
    this.source = source;
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  String file() {
    return file;
  }

  /** The offset in the source of a javaparser position (lines and columns from 1). */
  int offset(Position p) {
    return lineStarts[p.line - 1] + p.column - 1;
  }

  /** The offset just after {@code node}. */
  int end(Node node) {
    return offset(range(node).end) + 1;
  }

  /** The offset of the first character of {@code node}. */
  int start(Node node) {
    return offset(range(node).begin);
  }

  /** The source text of {@code node}. */
  String text(Node node) {
    return source.substring(start(node), end(node));
  }

  /** The line end the source uses: {@code \r\n} or {@code \n}. */
  String lineEnd() {
    return source.contains("\r\n") ? "\r\n" : "\n";
  }

  /** The text of the line {@code node} starts on, without its line end. */
  String lineOf(Node node) {
    int line = range(node).begin.line;
    int end = line < lineStarts.length ? lineStarts[line] : source.length();
    return source.substring(lineStarts[line - 1], end).replaceAll("[\r\n]+$", "");
  }

  /** Replaces the characters {@code [start, end)}. */
  void replace(int start, int end, String text) {
    edits.add(new Edit(start, end, text, edits.size()));
  }

  /** Replaces the whole of {@code node}. */
  void replace(Node node, String text) {
    replace(start(node), end(node), text);
  }

  /** Inserts {@code text} right after {@code node}. */
  void insertAfter(Node node, String text) {
    replace(end(node), end(node), text);
  }

  /** The source with every edit made; edits that overlap are a bug of the caller. */
  String apply() {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).thenComparingInt(Edit::order));
    StringBuilder out = new StringBuilder(source.length() + 64);
    int at = 0;
    for (Edit e : sorted) {
      if (e.start() < at) {
        throw new IllegalStateException(file + ": overlapping edits at offset " + e.start());
      }
      out.append(source, at, e.start()).append(e.text());
      at = e.end();
    }
    return out.append(source, at, source.length()).toString();
  }

  private Range range(Node node) {
    return node.getRange().orElseThrow(() -> new IllegalStateException(file + ": a node without a position"));
  }
}
