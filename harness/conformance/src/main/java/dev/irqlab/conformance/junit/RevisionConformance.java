package dev.irqlab.conformance.junit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Conformance;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.Workers;
import dev.irqlab.conformance.fuzz.AsBuilt;
import dev.irqlab.conformance.fuzz.FuzzResult;
import dev.irqlab.spi.Deviation;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.Revision;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
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
 *
 * <p>The suite runs twice, on two kinds of {@link Workers}. The per-clause tests read a column
 * computed in supervised worker JVMs, as the matrix does, so that a port under development that
 * spins, deadlocks or exhausts the heap yields cells that say so instead of stopping the build.
 * {@link #everyClauseGradesAsDeclared} runs the suite again, in this JVM and inside a plain test
 * method, and fails with the same messages: that is the run a mutation tester (PIT) can measure,
 * since it sees neither code run in another JVM nor code run while JUnit builds a container. The
 * second run costs well under a second (scenarios are emulated kernels in memory), less than
 * starting one worker JVM, so the build keeps the supervised column rather than giving it up.
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
      column = run(new Conformance(Suite.standard()));
    }
    return column;
  }

  private Column run(Conformance suite) {
    return suite.run(List.of(new LoadedRevision(revision, revision.info(), "the test class path")), null).columns().get(0);
  }

  @TestFactory
  Stream<DynamicTest> clauses() {
    return column().cells().stream()
        .map(cell -> dynamicTest(revision.info().id() + " " + cell.clause() + ": " + cell.grade().mark(), () -> check(cell)));
  }

  /**
   * Every clause, run in this JVM: fails, with each clause's message, when a cell is a FAIL or a
   * STALE declaration. Computed afresh on every call, never from another test's run, so that a
   * mutation tester that runs this test alone sees all of the revision's code it reaches.
   */
  @Test
  void everyClauseGradesAsDeclared() {
    Workers workers = Workers.inProcess(Runtime.getRuntime().availableProcessors(), Conformance.TIME_LIMIT_SECONDS * 1000);
    Column inProcess = run(new Conformance(Suite.standard(), workers));
    assertAll(revision.info().id() + " against the conformance suite, run in this JVM", inProcess.cells().stream()
        .filter(cell -> cell.grade() == Grade.FAIL || cell.grade() == Grade.STALE)
        .map(cell -> (Executable) () -> check(cell)));
  }

  /** How many random scenarios {@link #behavesAsItsClassFilesDoInAnotherJvm} runs on each side. */
  static final long FUZZ_RUNS = 400;

  /**
   * {@value #FUZZ_RUNS} random scenarios (seed 1, {@link dev.irqlab.conformance.fuzz.Generator})
   * on the revision as this JVM runs it and on the revision loaded afresh from its class files in
   * a worker JVM ({@link AsBuilt}): every trace must be the same. In a build that checks that the
   * port behaves the same twice (no identity hash code, time or static reaches a trace); under a
   * mutation tester, which changes the classes of this JVM alone, it kills the mutants that change
   * any behaviour the scenarios reach, whether or not a clause reads it. Tagged {@code fuzz}, so a
   * mutation run can leave it out.
   */
  @Test
  @Tag("fuzz")
  void behavesAsItsClassFilesDoInAnotherJvm() {
    FuzzResult r = AsBuilt.fuzz(revision, 1, FUZZ_RUNS);
    assertEquals(List.of(), r.findings().stream().map(f -> f.signature() + " in\n" + f.minimal().text()).toList(),
        revision.info().id() + " here and from its class files in a worker JVM differ");
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
