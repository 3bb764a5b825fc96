package dev.irqlab.conformance.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Conformance;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Suite;
import dev.irqlab.spi.Deviation;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.Revision;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance suite as a revision module's own tests, as an implementation binds to a TCK:
 *
 * <pre>
 * class ConformanceTest extends RevisionConformance {
 *   ConformanceTest() {
 *     super(new Provider());
 *   }
 * }
 * </pre>
 *
 * <p>One test per clause, run with the drivers of the revision's own era: it fails when the
 * clause fails and the revision does not declare it ({@code RevisionInfo.Builder#deviates}), and
 * when a declared deviation no longer happens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RevisionConformance {
  private final Revision revision;
  private Column column;

  protected RevisionConformance(Revision revision) {
    this.revision = revision;
  }

  private Column column() {
    if (column == null) {
      Conformance suite = new Conformance(Suite.standard());
      column = suite.run(List.of(new LoadedRevision(revision, revision.info(), "the test class path")), null).columns().get(0);
    }
    return column;
  }

  @TestFactory
  Stream<DynamicTest> clauses() {
    return column().cells().stream().map(cell -> dynamicTest(cell.clause() + ": " + cell.grade().mark(), () -> check(cell)));
  }

  private void check(Cell cell) {
    String id = revision.info().id();
    if (cell.grade() == Grade.FAIL) {
      fail(id + " fails " + cell.clause() + " and does not declare it: " + cell.detail()
          + ". Fix the port, or declare the deviation with .deviates(\"" + cell.clause() + "\", why, link) in its Provider.");
    }
    if (cell.grade() == Grade.STALE) {
      fail(id + " declares a deviation from " + cell.clause() + " (\"" + cell.deviation().why() + "\") that no longer happens"
          + (cell.detail().isEmpty() ? "" : " (" + cell.detail() + ")") + ": remove the declaration.");
    }
  }

  @Test
  void everyDeclaredDeviationNamesAClauseOfTheSuite() {
    Suite suite = Suite.standard();
    for (Deviation d : revision.info().deviations()) {
      assertTrue(suite.clause(d.clause()).isPresent(), revision.info().id() + " declares a deviation from " + d.clause() + ", which is no clause of the suite");
    }
  }

  @Test
  void everyScenarioRanToItsEndOrSaysWhyNot() {
    Column c = column();
    assertEquals(Suite.standard().scenarios().size(), c.traces().size());
    c.traces().forEach(t -> assertTrue(t.outcome().completed() || !t.outcome().detail().isEmpty(), t.scenario()));
  }
}
