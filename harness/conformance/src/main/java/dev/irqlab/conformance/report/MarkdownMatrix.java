package dev.irqlab.conformance.report;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The matrix as GitHub-flavoured markdown: one table of clauses by revisions (a bold row opens
 * each category), the legend, the revisions with their counts, and the unexpected cells.
 */
public final class MarkdownMatrix {
  private MarkdownMatrix() {}

  public static String render(Matrix m) {
    List<String> out = new ArrayList<>();
    out.add("## irqlab conformance matrix");
    out.add("");
    out.add(capitalised(Views.headline(m)) + ".");
    out.add("");
    matrix(m, out);
    out.add("");
    Views.MEANING.forEach((g, meaning) -> out.add("- `" + g.mark() + "`: " + escape(meaning)));
    if (Views.anyMissing(m)) {
      out.add("- `-`: no such cell: the revision was not graded on the clause");
    }
    out.add("");
    out.add("| Revision | Status | Date | Parent | Drivers | Cells |");
    out.add("|---|---|---|---|---|---|");
    for (Column c : m.columns()) {
      Column.RevisionSummary r = c.revision();
      out.add(row(List.of("`" + r.id() + "`", r.status(), r.date(), r.parent() == null ? "-" : "`" + r.parent() + "`",
          r.era(), Views.counts(c))));
    }
    if (Views.unexpected(m) > 0) {
      out.add("");
      out.add("Unexpected:");
      out.add("");
      for (Column col : m.columns()) {
        for (Cell c : col.unexpected()) {
          out.add("- `" + col.revision().id() + "` " + c.clause() + " **" + c.grade().mark() + "**: " + escape(Views.why(c)));
        }
      }
    }
    out.add("");
    out.add(escape(Views.verdict(m)));
    return String.join("\n", out) + "\n";
  }

  private static void matrix(Matrix m, List<String> out) {
    List<String> head = new ArrayList<>();
    head.add("Clause");
    m.columns().forEach(c -> head.add("`" + c.revision().id() + "`"));
    head.add("Statement");
    out.add(row(head));
    out.add("|" + "---|".repeat(head.size()));
    for (Map.Entry<String, List<Matrix.ClauseInfo>> group : Views.byCategory(m).entrySet()) {
      List<String> title = new ArrayList<>();
      title.add("**" + escape(group.getKey()) + "**");
      m.columns().forEach(c -> title.add(""));
      title.add("");
      out.add(row(title));
      for (Matrix.ClauseInfo clause : group.getValue()) {
        List<String> cells = new ArrayList<>();
        cells.add(clause.id());
        for (Column c : m.columns()) {
          Cell cell = Views.cell(c, clause.id());
          cells.add(cell == null ? "-" : cell.grade().unexpected() ? "**" + cell.grade().mark() + "**" : cell.grade().mark());
        }
        cells.add(escape(Text.oneLine(clause.statement())));
        out.add(row(cells));
      }
    }
  }

  private static String row(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  /** Text safe in a table cell: no pipe, no markup, no HTML. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char ch : Text.oneLine(s).toCharArray()) {
      if ("\\`*_[]<>|#".indexOf(ch) >= 0) {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.toString();
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
