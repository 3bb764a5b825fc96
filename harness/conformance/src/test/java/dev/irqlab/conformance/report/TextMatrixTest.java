package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextMatrixTest {
  private final String text = TextMatrix.render(Fixtures.matrix());
  private final List<String> lines = text.lines().toList();

  static void fitsEightyColumns(String text) {
    text.lines().forEach(l -> assertTrue(l.length() <= 80, "longer than 80 columns (" + l.length() + "): " + l));
  }

  @Test
  void everyLineFitsEightyColumns() {
    fitsEightyColumns(text);
  }

  @Test
  void aLegendMapsEachColumnKeyToItsRevision() {
    assertTrue(lines.contains("A   rfc-2015         superseded  2023-08-02  rfc-2015"), text);
    assertTrue(lines.contains("C   xarray-v2-2023   rejected    2023-08-02  v6.5"), text);
    assertTrue(lines.contains("D   cleanup-v1-2025  superseded  2023-08-02  v6.16"), text);
  }

  @Test
  void clausesAreRowsUnderTheirCategoryWithOneMarkPerRevision() {
    int header = lines.indexOf("           A     B     C     D");
    assertTrue(header > 0, text);
    assertEquals(List.of("registration", "  REG-01   pass  pass  pass  FAIL", "error paths",
        "  ERR-02   n/a   pass  known pass", "locking", "  LOCK-01  pass  pass  pass  STALE", "object lifetime",
        "  LIFE-03  pass  pass  pass  pass"), lines.subList(header + 1, header + 9));
  }

  @Test
  void theLegendExplainsEveryMark() {
    for (String mark : List.of("pass ", "n/a ", "known ", "FAIL ", "STALE ")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(mark)), "no legend for " + mark + "\n" + text);
    }
  }

  @Test
  void theStatementsFollowWrappedUnderTheirId() {
    int at = lines.indexOf("Clauses:");
    assertEquals("  ERR-02   A registration whose connect fails leaves nothing registered.", lines.get(at + 2));
    assertTrue(lines.get(at + 3).startsWith("  LOCK-01  No lock is held"), text);
    assertTrue(lines.get(at + 4).startsWith("           "), "a wrapped statement is indented: " + lines.get(at + 4));
  }

  @Test
  void eachRevisionHasItsCountsAndEveryUnexpectedCellItsDetail() {
    assertTrue(lines.contains("  A   rfc-2015         3 pass, 0 known, 1 n/a, 0 unexpected"), text);
    assertTrue(lines.contains("  C   xarray-v2-2023   3 pass, 1 known, 0 n/a, 0 unexpected"), text);
    assertTrue(lines.contains("  D   cleanup-v1-2025  2 pass, 0 known, 0 n/a, 2 unexpected"), text);
    int at = lines.indexOf("Unexpected:");
    assertTrue(lines.get(at + 1).startsWith("  cleanup-v1-2025 REG-01 FAIL: irq_bypass_register_producer returned"), text);
    assertTrue(text.contains("  cleanup-v1-2025 LOCK-01 STALE: declares \"Holds the mutex on return.\", but the\n"
        + "      clause holds"), text);
    assertEquals("2 cells not as declared: './irqlab explain CLAUSE' tells why.", lines.get(lines.size() - 1));
  }

  @Test
  void aMatrixAsDeclaredSaysSoAndListsNothingUnexpected() {
    String ok = TextMatrix.render(Fixtures.asDeclared());
    assertFalse(ok.contains("Unexpected:"), ok);
    assertTrue(ok.endsWith("All 8 cells as declared.\n"), ok);
  }

  @Test
  void moreRevisionsThanFitSideBySideMakeMoreTables() {
    Matrix m = Fixtures.matrix();
    List<Column> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Column c = m.columns().get(i % 4);
      Column.RevisionSummary r = c.revision();
      many.add(new Column(new Column.RevisionSummary(r.id() + "-patch-" + i, r.title(), r.status(), r.parent(), r.date(),
          r.era(), r.defaultEra(), r.source(), r.lacks()), c.cells(), c.traces()));
    }
    String wide = TextMatrix.render(new Matrix(m.schema(), m.clauses(), m.scenarios(), many));
    fitsEightyColumns(wide);
    List<String> heads = wide.lines().filter(l -> l.matches(" +[A-Z]{1,2}( +[A-Z]{1,2})+")).toList();
    assertEquals(3, heads.size(), "three tables:\n" + wide);
    assertTrue(heads.get(2).endsWith("AC    AD"), heads.get(2));
    assertTrue(wide.contains("AD  v6.16-patch-29"), wide);
  }

  @Test
  void theOutputDoesNotDependOnTheDefaultLocale() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG"));
      assertEquals(text, TextMatrix.render(Fixtures.matrix()));
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }
}
