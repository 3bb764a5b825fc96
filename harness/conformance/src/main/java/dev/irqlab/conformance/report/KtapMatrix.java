package dev.irqlab.conformance.report;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix in KTAP version 1, the kernel's test output format
 * (https://docs.kernel.org/dev-tools/ktap.html): one test per revision, each with one subtest
 * per clause, indented by two spaces with its own version line and plan.
 *
 * <ul>
 *   <li>pass: {@code ok N CLAUSE};
 *   <li>n/a: {@code ok N CLAUSE # SKIP <what the revision lacks>};
 *   <li>known deviation: {@code ok N CLAUSE # XFAIL <the declared reason>}. KTAP accepts SKIP,
 *       TODO, XFAIL, TIMEOUT and ERROR; it discourages TODO in the kernel and lists it as not
 *       recognized, while XFAIL ("a test is expected to fail") is what kselftest prints, as
 *       {@code ok} ({@code ksft_test_result_xfail}), for a failure that is expected;
 *   <li>FAIL and STALE: {@code not ok N CLAUSE}, after a diagnostic line that says why;
 * </ul>
 *
 * <p>A revision is {@code not ok} when any of its cells is. Descriptions never contain
 * {@code #}; diagnostic data is one line. The last line is kselftest's {@code # Totals:} count.
 * kunit.py, the kernel's KUnit tool, counts an XFAIL as a pass, so there a known deviation does
 * not fail the run.
 */
public final class KtapMatrix {
  private KtapMatrix() {}

  public static String render(Matrix m) {
    List<String> out = new ArrayList<>();
    out.add("KTAP version 1");
    out.add("# irqlab conformance matrix (" + m.schema() + "): " + Views.headline(m));
    out.add("1.." + m.columns().size());
    for (int i = 0; i < m.columns().size(); i++) {
      Column col = m.columns().get(i);
      out.add("  KTAP version 1");
      out.add("  # Subtest: " + name(col.revision().id()));
      out.add("  # drivers: " + col.revision().era() + "; " + Views.counts(col));
      out.add("  1.." + m.clauses().size());
      for (int j = 0; j < m.clauses().size(); j++) {
        String clause = m.clauses().get(j).id();
        out.addAll(result(j + 1, clause, Views.cell(col, clause)));
      }
      out.add((col.unexpected().isEmpty() ? "ok " : "not ok ") + (i + 1) + " " + name(col.revision().id()));
    }
    out.add(totals(m));
    return String.join("\n", out) + "\n";
  }

  /**
   * kselftest's closing count ({@code ksft_print_cnts}), over every cell: pass, FAIL and STALE as
   * fail, known deviations as xfail, n/a (and a clause the report did not grade) as skip.
   */
  static String totals(Matrix m) {
    int pass = 0;
    int fail = 0;
    int xfail = 0;
    int skip = 0;
    for (Column col : m.columns()) {
      for (Matrix.ClauseInfo clause : m.clauses()) {
        Cell cell = Views.cell(col, clause.id());
        switch (cell == null ? dev.irqlab.conformance.Grade.NA : cell.grade()) {
          case PASS -> pass++;
          case KNOWN -> xfail++;
          case NA -> skip++;
          default -> fail++;
        }
      }
    }
    return String.format(java.util.Locale.ROOT, "# Totals: pass:%d fail:%d xfail:%d xpass:0 skip:%d error:0", pass, fail, xfail, skip);
  }

  private static List<String> result(int n, String clause, Cell cell) {
    String name = name(clause);
    if (cell == null) {
      return List.of("  ok " + n + " " + name + " # SKIP not graded in this report");
    }
    switch (cell.grade()) {
      case PASS:
        return List.of("  ok " + n + " " + name);
      case NA:
        return List.of("  ok " + n + " " + name + " # SKIP " + Text.oneLine(cell.detail()));
      case KNOWN:
        String why = cell.deviation() == null ? cell.detail() : cell.deviation().why();
        return List.of("  ok " + n + " " + name + " # XFAIL " + Text.oneLine(why));
      default:
        return List.of("  # " + name + ": " + cell.grade().mark() + ": " + Views.why(cell), "  not ok " + n + " " + name);
    }
  }

  /** A test description: KTAP allows any words but {@code #}. */
  private static String name(String s) {
    return Text.oneLine(s).replace('#', '_');
  }
}
