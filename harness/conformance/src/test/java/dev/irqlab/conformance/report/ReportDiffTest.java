package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDiffTest {
  private final Matrix m = Fixtures.matrix();
  private final String diff = ReportDiff.diff(m, "v6.16", m, "xarray-v2-2023");
  private final List<String> lines = diff.lines().toList();

  @Test
  void firstTheClausesWhoseVerdictDiffers() {
    int at = lines.indexOf("Clauses whose verdict differs (1):");
    assertTrue(at > 0, diff);
    assertEquals("ERR-02   pass -> known  A registration whose connect fails leaves nothing", lines.get(at + 1));
    assertEquals("                        registered.", lines.get(at + 2));
    assertTrue(lines.get(at + 3).startsWith("         xarray-v2-2023: the failed producer stays registered"), diff);
  }

  @Test
  void thenAUnifiedDiffOfEachTraceThatDiffers() {
    int at = lines.indexOf("Scenarios whose trace differs (1 of 1):");
    assertTrue(at > 0, diff);
    assertEquals("--- v6.16/connect-fails", lines.get(at + 2));
    assertEquals("+++ xarray-v2-2023/connect-fails", lines.get(at + 3));
    assertTrue(lines.get(at + 4).startsWith("@@ -"), diff);
    assertTrue(lines.contains("-end: producers -; consumers c0@efd0; connected -; module refcount 1"), diff);
    assertTrue(lines.contains("+    state: producers p0@efd0; consumers c0@efd0; connected -; module refcount 1"), diff);
    assertTrue(lines.contains("+leaks: p0 (kmalloc-64)"), diff);
  }

  @Test
  void theFirstTraceLineNamingTheRevisionIsNotADifference() {
    assertFalse(diff.contains("on v6.16 with the"), diff);
    assertFalse(diff.contains("-scenario"), diff);
    String same = ReportDiff.diff(m, "v6.16", m, "rfc-2015");
    assertTrue(same.contains("No trace differs (1 scenario)."), same);
    assertTrue(same.contains("ERR-02   pass -> n/a  A registration"), same);
  }

  @Test
  void aVerdictIsWorseWhenAClauseThatHeldFailsOrACellIsNotAsDeclared() {
    assertEquals(List.of("ERR-02"), ReportDiff.worse(ReportDiff.Side.of(m, "v6.16"), ReportDiff.Side.of(m, "xarray-v2-2023")));
    assertEquals(List.of(), ReportDiff.worse(ReportDiff.Side.of(m, "xarray-v2-2023"), ReportDiff.Side.of(m, "v6.16")));
    assertEquals(List.of(), ReportDiff.worse(ReportDiff.Side.of(m, "v6.16"), ReportDiff.Side.of(m, "rfc-2015")), "pass -> n/a is not worse");
  }

  @Test
  void aRevisionAgainstItselfHasNoDifference() {
    String none = ReportDiff.diff(m, "v6.16", Fixtures.asDeclared(), "v6.16");
    assertTrue(none.contains("No clause changes its verdict."), none);
    assertTrue(none.contains("No trace differs (1 scenario)."), none);
  }

  @Test
  void itsOwnLinesFitEightyColumnsAndHunksKeepTraceLinesWhole() {
    String wide = ReportDiff.diff(m, "v6.16", m, "cleanup-v1-2025");
    boolean inHunk = false;
    for (String l : wide.lines().toList()) {
      if (l.startsWith("@@ ")) {
        inHunk = true;
        continue;
      }
      if (inHunk && (l.startsWith(" ") || l.startsWith("+") || l.startsWith("-"))) {
        continue;
      }
      inHunk = false;
      assertTrue(l.length() <= 80, "longer than 80 columns: " + l);
    }
    assertTrue(wide.contains("REG-01   pass -> FAIL  A producer registered with a free token is registered"), wide);
    assertTrue(wide.contains("LOCK-01  pass -> STALE  No lock is held"), wide);
  }
}
