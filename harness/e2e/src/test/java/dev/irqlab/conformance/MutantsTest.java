package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.irqlab.conformance.report.Reports;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of the tests: each patch in {@code examples/mutants} makes one kernel-patch mistake in a
 * real port, and the suite, run on the real revisions and the mutants together, must report
 * that fault class where it should, and nothing else must change. Each mutant is graded against
 * its parent's declarations, as a copy made with {@code new-revision} is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutantsTest {
  private static final Path ROOT = Path.of("../..");
  private static final Path MUTANTS = ROOT.resolve("examples/mutants");
  /** Per scenario: far above the second or less one takes, so that only a hang reaches it. */
  private static final long LIMIT_MILLIS = 10_000;
  private static final List<String> TESTED = List.of("mutant-double-list-del", "mutant-extra-put", "mutant-leak", "mutant-list-cycle",
      "mutant-lock-held", "mutant-null-deref", "mutant-recursive-lock", "mutant-use-after-free");

  private final Map<String, MutantPatch.Built> built = new TreeMap<>();
  private final Map<String, String> broken = new TreeMap<>();
  private List<LoadedRevision> real;
  private Matrix alone;
  private Matrix beside;

  @BeforeAll
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void run(@TempDir Path work) {
    real = RevisionLoader.load();
    List<String> ids = real.stream().map(LoadedRevision::id).toList();
    for (Path file : MutantPatch.in(MUTANTS)) {
      String id = MutantPatch.id(file);
      try {
        built.put(id, MutantPatch.read(ROOT, file).build(ROOT, work.resolve(id), ids));
      } catch (RuntimeException e) {
        broken.put(id, e.getMessage());
      }
    }
    Conformance conformance = new Conformance(Suite.standard(), Workers.inProcess(Math.max(1, Runtime.getRuntime().availableProcessors()), LIMIT_MILLIS));
    alone = conformance.run(real, null);
    List<LoadedRevision> all = new ArrayList<>(real);
    built.values().forEach(b -> all.add(b.revision()));
    beside = conformance.run(all, null);
  }

  @AfterAll
  void close() throws IOException {
    for (MutantPatch.Built b : built.values()) {
      b.loader().close();
    }
  }

  @Test
  void everyPatchAppliesToItsParentCompilesAndHasATest() {
    assertEquals(Map.of(), broken, "patches in examples/mutants that cannot be made into a revision");
    List<String> patches = MutantPatch.in(MUTANTS).stream().map(MutantPatch::id).toList();
    assertEquals(TESTED, patches, "each patch in examples/mutants has a test here, and each test a patch");
  }

  /**
   * The real revisions' columns, cells and traces, are the same with the mutants beside them as
   * without, byte for byte in the JSON report; no scenario of any column hung. If this test
   * fails, check what state the mutants share with the real revisions (there should be none).
   */
  @Test
  void theRealRevisionsAreAsWithoutTheMutants() {
    assertTrue(alone.asDeclared(), "the real revisions are graded as they declare without the mutants");
    for (Column c : alone.columns()) {
      assertEquals(json(c), json(beside.column(c.revision().id()).orElseThrow()), c.revision().id());
    }
    for (Column c : beside.columns()) {
      for (Trace t : c.traces()) {
        assertTrue(t.outcome().kind() != Trace.Outcome.Kind.HANG, c.revision().id() + " " + t.scenario() + ": " + t.outcome());
      }
    }
  }

  /**
   * A NULL dereference in v6.17's unregister is an oops whose RIP is the mutant's line that
   * dereferences the consumer; INV-04, which v6.17 does not declare, fails. If this test fails,
   * check how {@code Runner} turns an exception out of a revision into an oops.
   */
  @Test
  void aNullDereferenceIsAnOopsAtTheMutantsLine() {
    MutantPatch.Built m = mutant("mutant-null-deref");
    Column c = column(m);
    Cell inv04 = failed(c, "INV-04", "producer-alone: [BUG] BUG: kernel NULL pointer dereference", "IrqBypassManager.disconnect");
    assertNull(inv04.deviation(), "v6.17 declares nothing for INV-04");
    Matcher rip = Pattern.compile("RIP: IrqBypassManager\\.disconnect\\(IrqBypassManager\\.java:(\\d+)\\)")
        .matcher(traceLine(c, "producer-alone", "RIP: "));
    assertTrue(rip.find(), "the oops's RIP is in disconnect()");
    String line = m.line("IrqBypassManager.java", Integer.parseInt(rip.group(1)));
    assertTrue(line.contains("cons.stop()"), "the RIP is the line that dereferences the consumer, not: " + line);
  }

  /**
   * A list_add where list_move was meant makes the producers list a cycle, but only when the
   * producer is not first: the suite's two-pairs scenario, with two producers registered at
   * once, brings it about (PAIR-06, INV-04 and INV-06 fail, and nothing else). The mutant's own scenario
   * reaches the cycle too, and the watchdog ends the walk. If this test fails, check the
   * watchdog, or whether two-pairs still registers two producers at once.
   */
  @Test
  void anEndlessWalkIsCaughtByTwoProducersAtOnceAndIsASoftLockupInItsOwnScenario() throws IOException {
    Column c = column(mutant("mutant-list-cycle"));
    assertEquals(List.of("PAIR-06", "INV-04", "INV-06"), c.unexpected().stream().map(Cell::clause).toList());
    failed(c, "INV-04", "LIST_CORRUPTION in two-pairs");
    Scenario s = ScenarioParser.parse(MUTANTS.resolve("mutant-list-cycle.irq"));
    LoadedRevision v616 = real.stream().filter(r -> r.id().equals("v6.16")).findFirst().orElseThrow();
    Trace parent = Runner.run(s, v616.revision(), DriverEra.byId("v6.16"));
    assertTrue(parent.outcome().completed(), String.join("\n", parent.lines()));
    assertEquals(List.of(), parent.reports());
    Trace t = Runner.run(s, mutant("mutant-list-cycle").revision().revision(), DriverEra.byId("v6.16"));
    assertEquals(Trace.Outcome.Kind.OOPS, t.outcome().kind(), String.join("\n", t.lines()));
    assertEquals("walk", t.steps().get(t.outcome().step()).label());
    assertTrue(t.reports("SOFT_LOCKUP").get(0).startsWith("[SOFT_LOCKUP] watchdog: BUG: soft lockup"), t.reports().toString());
    assertTrue(t.lines().contains("        list_for_each_entry(producers) did not end after 1048576 steps"), String.join("\n", t.lines()));
  }

  /** __connect taking the lock its callers hold is lockdep's recursive locking. If this fails, check {@code Mutex.lock}. */
  @Test
  void aSecondMutexLockIsRecursiveLocking() {
    Column c = column(mutant("mutant-recursive-lock"));
    failed(c, "LOCK-02", "[LOCKDEP] WARNING: possible recursive locking detected at IrqBypassManager.connect(IrqBypassManager.java:");
    failed(c, "INV-04", "oops: [LOCKDEP] WARNING: possible recursive locking detected");
    traceLine(c, "producer-first", "*** DEADLOCK ***");
  }

  /** An error path without its unlock returns with the mutex held. If this fails, check {@code CheckedIrqBypass}. */
  @Test
  void aMissingUnlockIsALockHeldOnReturn() {
    Column c = column(mutant("mutant-lock-held"));
    failed(c, "LOCK-02", "duplicate-producer: [LOCKDEP] WARNING: lock held when returning to user space!");
    failed(c, "INV-04", Cell.NOT_DECLARED + "OOPS in duplicate-producer");
    traceLine(c, "duplicate-producer", "with locks still held!");
  }

  /** A failed registration left in the list is touched after the caller frees it. If this fails, check KASAN. */
  @Test
  void aFreedProducerLeftInTheListIsAUseAfterFree() {
    Column c = column(mutant("mutant-use-after-free"));
    failed(c, "INV-01", "connect-fails-free: [KASAN] BUG: KASAN: slab-use-after-free in irqBypassUnregisterConsumer");
    failed(c, "LIFE-02", "[KASAN] BUG: KASAN: slab-use-after-free in irqBypassUnregisterConsumer");
    traceLine(c, "connect-fails-free", "[KASAN] BUG: KASAN: slab-use-after-free in irqBypassUnregisterConsumer");
  }

  /** An xa_erase dropped with the WARN around it leaves an xa_node behind. If this fails, check kmemleak. */
  @Test
  void aDroppedEraseIsALeak() {
    Column c = column(mutant("mutant-leak"));
    failed(c, "INV-02", "producer-alone: [KMEMLEAK] kmemleak: unreferenced object", "IrqBypassManager.irqBypassRegisterProducer");
    traceLine(c, "producer-alone", "[KMEMLEAK] kmemleak: unreferenced object");
  }

  /**
   * A double list_del is list corruption, and INV-04 fails although v6.16 declares a deviation
   * from it: for another symptom, which the cell names beside the new one. If this test fails,
   * check {@code Grading} and DEBUG_LIST.
   */
  @Test
  void aDoubleListDelIsAnUndeclaredSymptomOfADeclaredClause() {
    Column c = column(mutant("mutant-double-list-del"));
    Cell inv04 = failed(c, "INV-04", Cell.NOT_DECLARED + "LIST_CORRUPTION in producer-alone, step unreg: [LIST_CORRUPTION] list_del corruption,",
        "; declared: LIST_CORRUPTION in unregister-failed-producer, step unreg");
    assertNotNull(inv04.deviation(), "v6.16 declares a deviation from INV-04");
    traceLine(c, "producer-alone", "list_del corruption, p0->next is LIST_POISON1");
  }

  /** An extra module_put takes the module refcount below where it started. If this fails, check {@code Module.put}. */
  @Test
  void anExtraPutIsARefcountUnderflow() {
    Column c = column(mutant("mutant-extra-put"));
    failed(c, "MOD-01", "refcount 0 before, -1 after");
    failed(c, "MOD-02", "refcount 0 before, -1 after");
    failed(c, "MOD-04", "the teardown's rmmod irqbypass returned -EAGAIN");
    traceLine(c, "reuse-after-unregister", "[WARNING] WARNING: CPU: 0 PID: 1 at IrqBypassManager.irqBypassUnregisterConsumer(");
    traceLine(c, "reuse-after-unregister", "module_put: irqbypass: failed to put refcount");
  }

  private MutantPatch.Built mutant(String id) {
    MutantPatch.Built m = built.get(id);
    if (m == null) {
      fail(broken.getOrDefault(id, "examples/mutants/" + id + ".patch: no such patch"));
    }
    return m;
  }

  private Column column(MutantPatch.Built m) {
    return beside.column(m.revision().id()).orElseThrow();
  }

  /** Asserts that {@code clause} is FAIL on {@code c}, with each of {@code texts} in its detail. */
  private static Cell failed(Column c, String clause, String... texts) {
    Cell cell = c.cell(clause).orElseThrow();
    assertEquals(Grade.FAIL, cell.grade(), clause + ": " + cell.detail());
    for (String text : texts) {
      assertTrue(cell.detail().contains(text), clause + " names '" + text + "', not: " + cell.detail());
    }
    return cell;
  }

  /** The first line of the trace of {@code scenario} on {@code c} that contains {@code text}. */
  private static String traceLine(Column c, String scenario, String text) {
    List<String> lines = c.trace(scenario).orElseThrow().lines();
    return lines.stream().filter(l -> l.contains(text)).findFirst()
        .orElseGet(() -> fail(c.revision().id() + " " + scenario + ": no line with '" + text + "' in\n" + String.join("\n", lines)));
  }

  private Matrix one(Column c) {
    return new Matrix(Matrix.SCHEMA, alone.clauses(), alone.scenarios(), List.of(c));
  }

  private String json(Column c) {
    return Reports.toJson(one(c));
  }
}
