package dev.irqlab.conformance.report;

import static dev.irqlab.conformance.report.HtmlMatrix.esc;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Trace;
import dev.irqlab.spi.Link;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of the HTML page that says why: every cell that is not a pass, as a {@code <details>}
 * element whose summary is the reason (so a keyboard or a screen reader reaches it, not only a
 * mouse over the cell's tooltip), with the declared deviation and its source, and for a cell not
 * as declared the traces of the scenarios it was graded on.
 */
final class HtmlCells {
  private HtmlCells() {}

  /** The anchor of the reason of the cell of {@code clause} in column {@code column}: {@code why-H-ERR-02}. */
  static String whyId(int column, String clause) {
    return "why-" + Views.key(column) + "-" + esc(clause);
  }

  /** Why a cell is what it is, in one line: the declared reason of a known deviation, else {@link Views#why}. */
  static String reason(Cell c) {
    if (c.grade() == Grade.KNOWN && c.deviation() != null) {
      return Text.oneLine(c.deviation().why()) + (c.detail().isEmpty() ? "" : " (" + Text.oneLine(c.detail()) + ")");
    }
    return Views.why(c);
  }

  static void reasons(Matrix m, StringBuilder out) {
    out.append("<h2 id=\"reasons\">Cells that are not a pass</h2>\n");
    for (int i = 0; i < m.columns().size(); i++) {
      Column col = m.columns().get(i);
      for (Cell c : col.cells()) {
        if (c.grade() != Grade.PASS) {
          reason(m, i, c, out);
        }
      }
    }
  }

  private static void reason(Matrix m, int column, Cell c, StringBuilder out) {
    Column col = m.columns().get(column);
    out.append("<details id=\"").append(whyId(column, c.clause())).append("\"><summary><code>").append(esc(col.revision().id()))
        .append("</code> ").append(HtmlMatrix.clauseId(c.clause())).append(' ').append(HtmlMatrix.mark(c.grade())).append(": ")
        .append(esc(reason(c))).append("</summary>\n");
    Cell.DeclaredDeviation d = c.deviation();
    if (d != null) {
      out.append("<p>Declared: ").append(esc(d.why())).append(" (").append(HtmlMatrix.link(new Link(d.label(), d.url()))).append(")</p>\n");
      if (!d.symptoms().isEmpty()) {
        out.append("<ul>\n");
        d.symptoms().forEach(s -> out.append("<li>shows as ").append(esc(s)).append("</li>\n"));
        out.append("</ul>\n");
      }
    }
    if (c.grade().unexpected()) {
      traces(m, column, c, out);
    }
    out.append("<p><a href=\"#").append(HtmlMatrix.cellId(column, c.clause())).append("\">The cell in the matrix</a></p>\n</details>\n");
  }

  /**
   * The traces of the scenarios the clause reads, or, for a clause that reads them all (a global
   * invariant), of those the cell's detail or its declared symptoms name.
   */
  private static void traces(Matrix m, int column, Cell c, StringBuilder out) {
    Column col = m.columns().get(column);
    List<Trace> traces = scenarios(m, c).stream().flatMap(s -> col.trace(s).stream()).toList();
    if (traces.isEmpty()) {
      out.append("<p>No trace: the clause reads every scenario, and neither the cell nor its declaration names one.</p>\n");
      return;
    }
    for (Trace t : traces) {
      out.append("<details id=\"trace-").append(Views.key(column)).append('-').append(esc(c.clause())).append('-')
          .append(esc(t.scenario())).append("\"><summary>Trace of <code>").append(esc(t.scenario())).append("</code></summary>\n<pre>")
          .append(esc(String.join("\n", t.lines()))).append("</pre>\n</details>\n");
    }
  }

  private static Set<String> scenarios(Matrix m, Cell c) {
    List<String> named = m.clause(c.clause()).map(Matrix.ClauseInfo::scenarios).orElse(List.of());
    if (!named.isEmpty()) {
      return new LinkedHashSet<>(named);
    }
    Set<String> words = new LinkedHashSet<>();
    String said = c.detail() + (c.deviation() == null ? "" : "\n" + String.join("\n", c.deviation().symptoms()));
    Arrays.stream(said.split("[^a-z0-9.-]+")).map(w -> w.replaceAll("\\.+$", "")).forEach(words::add);
    Set<String> out = new LinkedHashSet<>();
    m.scenarios().stream().map(Matrix.ScenarioInfo::id).filter(words::contains).forEach(out::add);
    return out;
  }
}
