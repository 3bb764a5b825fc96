package dev.irqlab.cli;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.report.Text;
import dev.irqlab.spi.LoadedRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each patch of a series changes in a matrix of the series ({@code matrix --series}): for
 * each patch, the drivers and the cells that differ from the column before it.
 */
final class SeriesSteps {
  private SeriesSteps() {}

  /** The series' heading, what the columns are, and one entry per patch, within 80 columns. */
  static List<String> lines(PatchSeries s, Matrix m) {
    List<String> out = new ArrayList<>();
    String count = s.of() + (s.of() == 1 ? " patch" : " patches") + (s.whole() ? "" : ", " + s.patches().size() + " here");
    out.addAll(Text.hanging("Series " + s.name() + ", " + count + ":", s.cover(), 4));
    out.addAll(Text.wrapLines("The columns: " + s.base().map(b -> b.id() + " (patch 1 applies to it), then the patches.")
        .orElse("the patches.") + " What each patch changes from the column before it:", Text.WIDTH));
    int width = s.patches().stream().mapToInt(p -> p.id().length()).max().orElse(0);
    Column before = s.base().flatMap(b -> m.column(b.id())).orElse(null);
    LoadedRevision previous = null;
    for (LoadedRevision p : s.patches()) {
      Column column = m.column(p.id()).orElseThrow();
      String head = String.format(Locale.ROOT, "  %s %-" + width + "s  ", s.position(p), p.id());
      List<String> what;
      if (before == null) {
        what = List.of("(the first column: nothing to compare it with)");
      } else {
        what = new ArrayList<>(changes(before, column, m));
        if (previous != null && previous.info().series().patch() != p.info().series().patch() - 1) {
          what.set(0, "since " + previous.info().series().position() + ": " + what.get(0));
        }
      }
      out.addAll(pack(head, what));
      before = column;
      previous = p;
    }
    return out;
  }

  /**
   * {@code items} after {@code head}, separated by commas, as many on a line as fit in 80 columns,
   * the next lines indented as far as {@code head}: an item is never broken.
   */
  static List<String> pack(String head, List<String> items) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder(head);
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i) + (i + 1 < items.size() ? "," : "");
      boolean first = line.length() == head.length();
      if (!first && line.length() + 1 + item.length() > Text.WIDTH) {
        out.add(line.toString());
        line.setLength(0);
        line.append(" ".repeat(head.length()));
      } else if (!first) {
        line.append(' ');
      }
      line.append(item);
    }
    out.add(line.toString());
    return out;
  }

  /** {@code drivers v6.16 -> v6.17} and {@code REG-09 pass -> known}, or {@code no change}, each an item. */
  static List<String> changes(Column a, Column b, Matrix m) {
    List<String> out = new ArrayList<>();
    if (!a.revision().era().equals(b.revision().era())) {
      out.add("drivers " + a.revision().era() + " -> " + b.revision().era());
    }
    for (Matrix.ClauseInfo k : m.clauses()) {
      String x = mark(a, k.id());
      String y = mark(b, k.id());
      if (!x.equals(y)) {
        out.add(k.id() + " " + x + " -> " + y);
      }
    }
    return out.isEmpty() ? List.of("no change") : out;
  }

  private static String mark(Column c, String clause) {
    return c.cell(clause).map(Cell::grade).map(g -> g.mark().strip()).orElse("-");
  }
}
