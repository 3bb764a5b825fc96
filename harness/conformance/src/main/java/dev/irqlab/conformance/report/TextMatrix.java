package dev.irqlab.conformance.report;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.spi.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The matrix as plain text that pastes into a mail: no line wider than 80 columns. Revisions
 * are columns under short keys (A, B, ...) that a legend maps to their ids; clauses are rows,
 * grouped by category; the statements, the counts per revision and every unexpected cell with
 * its detail follow. More revisions than fit side by side make more than one table.
 */
public final class TextMatrix {
  private static final int CELL = 6;

  private TextMatrix() {}

  public static String render(Matrix m) {
    List<String> out = new ArrayList<>();
    out.add("irqlab matrix: " + Views.headline(m));
    out.add("");
    revisions(m, out);
    int idWidth = m.clauses().stream().mapToInt(c -> c.id().length()).max().orElse(6);
    int lead = 2 + idWidth + 2;
    int perTable = Math.max(1, (Text.WIDTH - lead) / CELL);
    for (int from = 0; from < Math.max(1, m.columns().size()); from += perTable) {
      out.add("");
      table(m, from, Math.min(m.columns().size(), from + perTable), idWidth, out);
    }
    out.add("");
    legend(m, out);
    out.add("");
    statements(m, out);
    out.add("");
    totals(m, out);
    out.addAll(unexpected(m));
    out.add("");
    out.add(Views.verdict(m));
    return String.join("\n", out) + "\n";
  }

  private static void revisions(Matrix m, List<String> out) {
    int idWidth = Math.max(8, m.columns().stream().mapToInt(c -> c.revision().id().length()).max().orElse(8));
    out.add(String.format(Locale.ROOT, "    %-" + idWidth + "s  %-10s  %-10s  %s", "revision", "status", "date", "drivers"));
    for (int i = 0; i < m.columns().size(); i++) {
      Column.RevisionSummary r = m.columns().get(i).revision();
      out.add(String.format(Locale.ROOT, "%-2s  %-" + idWidth + "s  %-10s  %-10s  %s", Views.key(i), r.id(), r.status(), r.date(), r.era()));
      if (RevisionInfo.isMadeId(r.id())) {
        // a revision made from its id (c:PATH@REF): its title says which files it is
        out.addAll(Text.hanging("      ", r.title(), 6));
      }
    }
  }

  private static void table(Matrix m, int from, int to, int idWidth, List<String> out) {
    StringBuilder head = new StringBuilder(" ".repeat(2 + idWidth + 2));
    for (int i = from; i < to; i++) {
      head.append(pad(Views.key(i), i + 1 < to));
    }
    out.add(head.toString().stripTrailing());
    for (Map.Entry<String, List<Matrix.ClauseInfo>> group : Views.byCategory(m).entrySet()) {
      out.add(group.getKey());
      for (Matrix.ClauseInfo c : group.getValue()) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + idWidth + "s  ", c.id()));
        for (int i = from; i < to; i++) {
          Cell cell = Views.cell(m.columns().get(i), c.id());
          row.append(pad(cell == null ? "-" : cell.grade().mark(), i + 1 < to));
        }
        out.add(row.toString().stripTrailing());
      }
    }
  }

  private static String pad(String s, boolean more) {
    return more ? String.format(Locale.ROOT, "%-" + CELL + "s", s) : s;
  }

  private static void legend(Matrix m, List<String> out) {
    Views.MEANING.forEach((g, meaning) -> out.addAll(Text.hanging(String.format(Locale.ROOT, "%-7s", g.mark()), meaning, 7)));
    if (Views.anyMissing(m)) {
      out.add("-      no such cell: the revision was not graded on the clause");
    }
  }

  private static void statements(Matrix m, List<String> out) {
    int idWidth = m.clauses().stream().mapToInt(c -> c.id().length()).max().orElse(6);
    out.add("Clauses:");
    for (Matrix.ClauseInfo c : m.clauses()) {
      out.addAll(Text.hanging("  " + c.id(), Text.oneLine(c.statement()), 2 + idWidth + 2));
    }
  }

  private static void totals(Matrix m, List<String> out) {
    out.add("Per revision:");
    int idWidth = m.columns().stream().mapToInt(c -> c.revision().id().length()).max().orElse(8);
    for (int i = 0; i < m.columns().size(); i++) {
      Column c = m.columns().get(i);
      out.add(String.format(Locale.ROOT, "  %-2s  %-" + idWidth + "s  %s", Views.key(i), c.revision().id(), Views.counts(c)));
    }
  }

  /**
   * A blank line, {@code Unexpected:} and every cell not as declared with why, in a line or a
   * few; no line when every cell is as declared.
   */
  public static List<String> unexpected(Matrix m) {
    List<String> out = new ArrayList<>();
    if (Views.unexpected(m) == 0) {
      return out;
    }
    out.add("");
    out.add("Unexpected:");
    for (Column col : m.columns()) {
      for (Cell c : col.unexpected()) {
        String head = "  " + col.revision().id() + " " + c.clause() + " " + c.grade().mark() + ":";
        out.addAll(Text.hanging(head, Views.why(c), 6));
      }
    }
    return out;
  }
}
