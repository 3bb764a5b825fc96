package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.report.Reports;
import dev.irqlab.conformance.supervise.Supervisor;
import dev.irqlab.fork.ChildJvm;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Supervised runs: revisions that spin, deadlock, exit the JVM, exhaust the heap, block forever
 * or throw ({@code dev.irqlab.rev.mutant.Mutants}) get traces and cells that say so, in the
 * scenarios that reach their fault and in no other; the real revisions are graded byte for byte
 * as in a run without them; and the run ends. If this test fails, check {@code
 * dev.irqlab.conformance.supervise}: the worker's watchdog, its thread dumps, the supervisor's
 * restarts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SupervisedRunTest {
  private static final long LIMIT_MILLIS = 2000;
  /** Where the mutants are services: on the class path of this test's runs only. */
  private static final Path MUTANTS = Path.of("src/test/mutants");
  private static final Path SOURCE = Path.of("src/test/java/dev/irqlab/rev/mutant/Mutants.java");

  private Matrix without;
  private Matrix with;
  private Column v616;
  /** The scenarios in which v6.16's irq_bypass_register_producer returns -EINVAL: where the mutants fault. */
  private Set<String> faulty;

  @BeforeAll
  void runTheMatrixWithAndWithoutTheMutants() throws IOException {
    URLClassLoader mutants = new URLClassLoader(new URL[] {MUTANTS.toAbsolutePath().toUri().toURL()}, getClass().getClassLoader());
    String classPath = ChildJvm.classPath() + File.pathSeparator + MUTANTS.toAbsolutePath();
    without = new Conformance(Suite.standard(), new Supervisor(LIMIT_MILLIS, 2, ChildJvm.classPath())).run(RevisionLoader.load(), null);
    with = new Conformance(Suite.standard(), new Supervisor(LIMIT_MILLIS, 2, classPath)).run(RevisionLoader.load(mutants), null);
    v616 = without.column("v6.16").orElseThrow();
    faulty = v616.traces().stream().filter(t -> t.allEntries().stream().anyMatch(e -> e.kind() == TraceEntry.Kind.RETURN
        && "irq_bypass_register_producer".equals(e.field("function")) && "-EINVAL".equals(e.field("ret"))))
        .map(Trace::scenario).collect(Collectors.toSet());
  }

  private static String json(Matrix m, Column c) {
    return Reports.toJson(new Matrix(Matrix.SCHEMA, m.clauses(), m.scenarios(), List.of(c)));
  }

  /** The line of Mutants.java that ends with {@code // marker}. */
  private static int line(String marker) throws IOException {
    List<String> lines = Files.readAllLines(SOURCE);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith("// " + marker)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line of " + SOURCE + " ends with // " + marker);
  }

  private Column mutant(String fault) {
    return with.column("mutant-" + fault).orElseThrow();
  }

  @Test
  void theFaultsAreReachedInSomeScenariosOnly() {
    assertEquals(Set.of("null-key", "sys-vector-connect-fails"), faulty);
  }

  @Test
  void theRealRevisionsAreGradedByteForByteAsWithoutTheMutants() {
    assertEquals(without.columns().size() + 6, with.columns().size());
    for (Column c : without.columns()) {
      assertEquals(json(without, c), json(with, with.column(c.revision().id()).orElseThrow()), c.revision().id());
    }
  }

  @Test
  void everyMutantRunsAsV616WhereItDoesNotFault() {
    for (String fault : List.of("spin", "deadlock", "exit", "hog", "block", "throw")) {
      Column m = mutant(fault);
      for (Trace t : m.traces()) {
        Trace mine = v616.trace(t.scenario()).orElseThrow();
        if (faulty.contains(t.scenario())) {
          assertTrue(!t.outcome().completed() && t.steps().size() == t.outcome().step() + 1, fault + " " + t.scenario() + ": " + t.outcome());
          assertEquals(mine.steps().subList(0, t.outcome().step()), t.steps().subList(0, t.outcome().step()), fault + " " + t.scenario());
          Trace.StepTrace at = t.steps().get(t.outcome().step());
          assertEquals(t.outcome().kind().name().toLowerCase(java.util.Locale.ROOT), at.result(), fault + " " + t.scenario());
          assertEquals(mine.steps().get(t.outcome().step()).op(), at.op(), fault + " " + t.scenario());
        } else {
          assertEquals(Reports.toJsonLine(mine), Reports.toJsonLine(t).replace("\"revision\":\"mutant-" + fault + "\"", "\"revision\":\"v6.16\""),
              fault + " " + t.scenario());
        }
      }
    }
  }

  @Test
  void theCellsOfTheFaultyScenariosFailAndNoOthersChange() throws IOException {
    for (String fault : List.of("spin", "deadlock", "exit", "hog", "block", "throw")) {
      Column m = mutant(fault);
      String kind = m.trace("null-key").orElseThrow().outcome().kind().name().toLowerCase(java.util.Locale.ROOT);
      Cell reg09 = m.cell("REG-09").orElseThrow();
      assertEquals(Grade.FAIL, reg09.grade(), fault);
      assertTrue(reg09.detail().startsWith("null-key stopped before step 'producer' finished: " + kind + " in step 3: "), fault + ": " + reg09.detail());
      Cell inv04 = m.cell("INV-04").orElseThrow();
      assertNotEquals(Grade.PASS, inv04.grade(), fault);
      String symptom = "throw".equals(fault) ? "[BUG] kernel BUG at Mutants.java:" + line("throw") + "!" : ": " + kind + ": ";
      assertTrue(inv04.detail().contains(symptom), fault + ": " + inv04.detail());
      for (Cell c : m.cells()) {
        Clause clause = Suite.standard().clause(c.clause()).orElseThrow();
        if (!clause.scenarios().isEmpty() && clause.scenarios().stream().noneMatch(faulty::contains)) {
          assertEquals(v616.cell(c.clause()).orElseThrow(), c, fault + " " + c.clause());
        }
      }
    }
  }

  @Test
  void aSpinIsAHangWithTheRevisionLineWhereItSpins() throws IOException {
    Trace.Outcome o = mutant("spin").trace("null-key").orElseThrow().outcome();
    assertEquals(Trace.Outcome.Kind.HANG, o.kind());
    assertEquals("did not finish within 2 s, at Mutants$Spin.misbehave(Mutants.java:" + line("spin") + ")", o.headline());
    assertTrue(o.detail().contains("\nirqlab-scenario RUNNABLE\n  at Mutants$Spin.misbehave(Mutants.java:" + line("spin") + ")\n"), o.detail());
  }

  @Test
  void aBlockedEntryPointIsAHangWithWhatItWaitsFor() throws IOException {
    Trace.Outcome o = mutant("block").trace("null-key").orElseThrow().outcome();
    assertEquals(Trace.Outcome.Kind.HANG, o.kind());
    assertEquals("did not finish within 2 s, at Mutants$Block.misbehave(Mutants.java:" + line("block") + ")", o.headline());
    assertTrue(o.detail().contains("\nirqlab-scenario WAITING on CountDownLatch$Sync#1\n  at Unsafe.park(Native Method)\n  ...\n"
        + "  at Mutants$Block.misbehave(Mutants.java:" + line("block") + ")\n"), o.detail());
  }

  @Test
  void aDeadlockNamesBothThreadsTheirLocksAndTheirLines() throws IOException {
    Trace.Outcome o = mutant("deadlock").trace("null-key").orElseThrow().outcome();
    assertEquals(Trace.Outcome.Kind.DEADLOCK, o.kind());
    assertEquals("irqlab-scenario and mutant-helper wait for each other's locks, at Mutants$Deadlock.misbehave(Mutants.java:" + line("deadlock") + ")",
        o.headline());
    assertTrue(o.detail().contains("\nirqlab-scenario BLOCKED on Object#1 held by mutant-helper\n  at Mutants$Deadlock.misbehave(Mutants.java:"
        + line("deadlock") + ")\n"), o.detail());
    assertTrue(o.detail().contains("\nmutant-helper BLOCKED on Object#2 held by irqlab-scenario\n  at Mutants$Deadlock.lambda$misbehave$0(Mutants.java:"
        + line("deadlock-helper") + ")"), o.detail());
  }

  @Test
  void anExitIsACrashWithItsStatusAndLine() throws IOException {
    Trace.Outcome o = mutant("exit").trace("null-key").orElseThrow().outcome();
    assertEquals(Trace.Outcome.Kind.CRASH, o.kind());
    assertEquals("System.exit(3), at Mutants$Exit.misbehave(Mutants.java:" + line("exit") + ")", o.headline());
    assertTrue(o.detail().contains("\nirqlab-scenario called System.exit\n  at System.exit("), o.detail());
  }

  @Test
  void heapExhaustionIsACrashWhereTheHeapRanOut() throws IOException {
    Trace.Outcome o = mutant("hog").trace("null-key").orElseThrow().outcome();
    assertEquals(Trace.Outcome.Kind.CRASH, o.kind(), o.detail());
    assertEquals("OutOfMemoryError: Java heap space, at Mutants$Hog.misbehave(Mutants.java:" + line("hog") + ")", o.headline());
  }

  /** An exception out of the revision is the oops it stands for, in the worker as in this JVM. */
  @Test
  void anExceptionIsAnOopsAsInThisJvm() throws IOException {
    Trace t = mutant("throw").trace("null-key").orElseThrow();
    assertEquals(Trace.Outcome.Kind.OOPS, t.outcome().kind(), t.outcome().toString());
    assertEquals("[BUG] kernel BUG at Mutants.java:" + line("throw") + "!", t.outcome().headline());
    assertTrue(t.lines().contains("      (Java: IllegalStateException: mutant: refused -22)"), String.join("\n", t.lines()));
    assertEquals("oops", t.steps().get(t.outcome().step()).result(), "the step that oopsed is in the trace");
  }

  @Test
  void theTraceOfAHangEndsWithItsThreadDump() {
    List<String> lines = mutant("spin").trace("null-key").orElseThrow().lines();
    String text = String.join("\n", lines);
    assertTrue(text.contains("\nproducer: register p0 NULL\nhang in step 3: did not finish within 2 s, at Mutants$Spin.misbehave(Mutants.java:"), text);
    assertTrue(text.contains("\n    irqlab-scenario RUNNABLE\n      at Mutants$Spin.misbehave("), text);
    assertEquals("result: hang", lines.get(lines.size() - 1));
  }
}
