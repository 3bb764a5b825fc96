package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Clause;
import dev.irqlab.conformance.Conformance;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.report.Text;
import dev.irqlab.spi.RevisionLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code irqlab explain CLAUSE}. */
class ExplainCommandTest {
  private final Clause clause = Suite.standard().clause("ERR-02").orElseThrow();

  @Test
  void itShowsTheClauseItsSourcesAndItsGradeOnEveryRevision() {
    Cli.Run r = Cli.run("explain", "err-02");
    List<String> lines = r.out().lines().toList();
    assertEquals("ERR-02 (error paths)", lines.get(0));
    assertEquals(clause.statement(), lines.get(1));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("Why: ")), r.out());
    clause.sources().forEach(s -> assertTrue(lines.contains(Text.url(s.url(), 4)), "no source " + s.url()));
    clause.scenarios().forEach(s -> assertTrue(lines.stream().anyMatch(l -> l.startsWith("  " + s + "  ")), "no scenario " + s));
    Matrix m = new Conformance(new Suite(Suite.standard().scenarios(), List.of(clause))).run(RevisionLoader.load(), null);
    for (var c : m.columns()) {
      var cell = c.cells().get(0);
      assertTrue(lines.stream().anyMatch(l -> l.matches("  " + java.util.regex.Pattern.quote(c.revision().id()) + " +"
          + java.util.regex.Pattern.quote(cell.grade().mark()) + "( .*)?")), "no grade for " + c.revision().id() + "\n" + r.out());
      if (cell.deviation() != null) {
        assertTrue(r.out().contains(cell.deviation().url()), r.out());
      }
    }
    assertEquals(m.asDeclared() ? Main.OK : Main.UNEXPECTED, r.code(), r.err());
    Cli.fitsEightyColumns(r.out());
  }

  @Test
  void anUnknownClauseIsAUsageErrorNamingTheClauses() {
    Cli.Run r = Cli.run("explain", "ERR-99");
    assertEquals(Main.USAGE, r.code());
    assertTrue(r.err().startsWith("irqlab: unknown clause 'ERR-99': the clauses are REG-01, REG-02"), r.err());
  }
}
