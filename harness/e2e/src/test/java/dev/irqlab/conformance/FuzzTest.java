package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.fuzz.FuzzResult;
import dev.irqlab.conformance.fuzz.Fuzzer;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential fuzzing finds, and shrinks to a few operations, what the suite's fixed scenarios
 * were written to show (Like Xu's register-on-connect-failure, the NULL eventfd and the duplicate
 * registration of the 6.17 rework), and what they do not reach (the list-cycle mutant's soft
 * lockup). Seeded, with a budget of scenarios, so the same on every machine; a time budget is
 * the command line's business.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzTest {
  private static final Path ROOT = Path.of("../..");
  private static final long SEED = 1;

  private final Map<String, LoadedRevision> revisions = new TreeMap<>();
  private MutantPatch.Built mutant;
  private Workers workers;

  @BeforeAll
  void load(@TempDir Path work) {
    RevisionLoader.load().forEach(r -> revisions.put(r.id(), r));
    Path patch = ROOT.resolve("examples/mutants/mutant-list-cycle.patch");
    mutant = MutantPatch.read(ROOT, patch).build(ROOT, work.resolve("mutant-list-cycle"), new ArrayList<>(revisions.keySet()));
    revisions.put("mutant-list-cycle", mutant.revision());
    workers = Workers.inProcess(Math.max(1, Runtime.getRuntime().availableProcessors()), 10_000);
  }

  @AfterAll
  void close() throws IOException {
    mutant.loader().close();
  }

  private Fuzzer.Side side(String id) {
    LoadedRevision r = revisions.get(id);
    return new Fuzzer.Side(r, DriverEra.byId(r.info().defaultEra()));
  }

  /** Fuzzes, and shrinks the findings whose signature matches {@code only}. */
  private FuzzResult fuzz(String a, String b, long runs, String only) {
    AtomicLong clock = new AtomicLong();
    return new Fuzzer(side(a), b == null ? null : side(b), workers, clock::incrementAndGet)
        .run(SEED, new Fuzzer.Budget(runs, 0), Fuzzer.Progress.NONE, java.util.regex.Pattern.compile(only).asPredicate());
  }

  private static FuzzResult.Finding finding(FuzzResult r, String signature) {
    return r.findings().stream().filter(f -> f.signature().equals(signature)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + signature + "' among " + r.findings().stream().map(FuzzResult.Finding::signature).toList()));
  }

  private static List<String> ops(FuzzResult.Finding f) {
    return f.minimal().steps().stream().map(s -> s.op().text()).toList();
  }

  @Test
  void v616AgainstXarrayV2FindsTheRegistrationLeftBehindByAFailedConnect() {
    FuzzResult r = fuzz("v6.16", "xarray-v2-2023", 1000, "^registered");
    List<FuzzResult.Finding> left = r.findings().stream()
        .filter(f -> f.signature().equals("registered producers after register producer differ")
            || f.signature().equals("registered consumers after register consumer differ"))
        .toList();
    assertFalse(left.isEmpty(), r.findings().stream().map(FuzzResult.Finding::signature).toList().toString());
    for (FuzzResult.Finding f : left) {
      assertTrue(f.minimal().steps().size() <= 6, String.join("\n", ops(f)));
      assertEquals("-", f.shown().a(), "nothing registered on v6.16: " + f.shown());
      assertNotNull(f.traceB());
    }
  }

  @Test
  void v616AgainstV617FindsTheNullEventfdAndTheDuplicateRegistration() {
    FuzzResult r = fuzz("v6.16", "v6.17", 1000, "^register producer");
    FuzzResult.Finding nul = finding(r, "register producer with NULL returns -EINVAL / 0");
    // v6.17 takes it, so the caller unregisters it before it goes
    assertEquals(List.of("producer p0", "register p0 NULL", "unregister p0"), ops(nul));
    FuzzResult.Finding dup = finding(r, "register producer returns -EBUSY / -EINVAL");
    assertTrue(dup.minimal().steps().size() <= 5, String.join("\n", ops(dup)));
    assertEquals(2, ops(dup).stream().filter(o -> o.startsWith("register p0 ")).count(), String.join("\n", ops(dup)));
  }

  @Test
  void theListCycleMutantAloneShowsTheSoftLockupInAOneMinimalScenario() {
    FuzzResult r = fuzz("mutant-list-cycle", null, 3000, "^SOFT_LOCKUP");
    FuzzResult.Finding lockup = r.findings().stream().filter(f -> f.signature().startsWith("SOFT_LOCKUP at ")).findFirst()
        .orElseThrow(() -> new AssertionError(r.findings().stream().map(FuzzResult.Finding::signature).toList().toString()));
    assertTrue(lockup.minimal().steps().size() <= 12, String.join("\n", ops(lockup)));
    assertTrue(lockup.traceA().lines().stream().anyMatch(l -> l.contains("watchdog: BUG: soft lockup")), String.join("\n", lockup.traceA().lines()));
    // 1-minimal: without any one of its operations (and what uses what that one made) the lockup is gone.
    List<Scenario> less = new ArrayList<>();
    List<Step> steps = lockup.minimal().steps();
    for (int i = 0; i < steps.size(); i++) {
      List<Op> ops = new ArrayList<>(steps.stream().map(Step::op).toList());
      ops.remove(i);
      List<Step> kept = new ArrayList<>();
      dev.irqlab.conformance.fuzz.Shrinker.closed(ops).forEach(op -> kept.add(new Step(kept.size() + 1, null, op, List.of())));
      less.add(new Scenario("less-" + i, "t", "test", kept));
    }
    List<Workers.Job> jobs = less.stream().map(s -> new Workers.Job(s, mutant.revision(), side("mutant-list-cycle").era())).toList();
    for (Trace t : workers.run(jobs)) {
      assertTrue(t.reports("SOFT_LOCKUP").isEmpty(), t.scenario() + " still locks up:\n" + String.join("\n", t.lines()));
    }
  }
}
