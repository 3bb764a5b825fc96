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
      String what;
      if (before == null) {
        what = "(the first column: nothing to compare it with)";
      } else {
        what = changes(before, column, m);
        if (previous != null && previous.info().series().patch() != p.info().series().patch() - 1) {
          what = "since " + previous.info().series().position() + ": " + what;
        }
      }
      out.addAll(Text.hanging(head, what, head.length()));
      before = column;
      previous = p;
    }
    return out;
  }

  /** {@code drivers v6.16 -> v6.17, REG-09 pass -> known}, or {@code no change}. */
  static String changes(Column a, Column b, Matrix m) {
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
    return out.isEmpty() ? "no change" : String.join(", ", out);
  }

  private static String mark(Column c, String clause) {
    return c.cell(clause).map(Cell::grade).map(g -> g.mark().strip()).orElse("-");
  }
}
