package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.supervise.Supervisor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code irqlab bisect}, against an oracle: the full matrix of every revision on the chain from
 * rfc-2015 to proposal-report-errors (Sean Christopherson's v2 series patch by patch among
 * them), whose grades say where each clause changes.
 */
class BisectCommandTest {
  private static final Pattern CHANGED = Pattern.compile("^Changed at ([^\\s,:]+)[,:]", Pattern.MULTILINE);
  private static List<String> chain;
  /** For each clause, the revisions of the chain at which its grade differs from the one before. */
  private static final Map<String, List<String>> changes = new TreeMap<>();

  @BeforeAll
  static void gradeTheChain() {
    Revisions all = Revisions.load();
    chain = RevisionGraph.of(all.all()).chain("rfc-2015", "proposal-report-errors");
    Matrix m;
    try (Supervisor workers = new Supervisor(60_000).start()) {
      m = Revisions.run(Suite.standard(), all.select(chain), null, workers);
    }
    for (var clause : m.clauses()) {
      List<String> at = new ArrayList<>();
      for (int i = 1; i < chain.size(); i++) {
        Cell before = m.column(chain.get(i - 1)).flatMap(c -> c.cell(clause.id())).orElseThrow();
        Cell after = m.column(chain.get(i)).flatMap(c -> c.cell(clause.id())).orElseThrow();
        if (before.grade() != after.grade()) {
          at.add(chain.get(i));
        }
      }
      changes.put(clause.id(), at);
    }
  }

  private static List<String> changedAt(String out) {
    List<String> at = new ArrayList<>();
    Matcher m = CHANGED.matcher(out);
    while (m.find()) {
      at.add(m.group(1));
    }
    return at;
  }

  @Test
  void theChainFollowsParentsAcrossTheHistorysBranches() {
    assertEquals(List.of("rfc-2015", "v4.4", "v5.9", "v6.16", "v6.17-1", "v6.17-2", "v6.17-3", "v6.17-4", "v6.17-5", "v6.17-6", "v6.17-7", "v6.17", "proposal-report-errors"), chain);
    assertEquals(List.of("v6.16", "producer-fix-2023", "xarray-v2-2023"),
        RevisionGraph.of(Revisions.load().all()).chain("v6.16", "xarray-v2-2023"));
  }

  @Test
  void aNullEventfdBecameAKeyInPatch3OfSeansSeriesAndBisectShowsTheTraceStep() {
    Cli.Run r = Cli.run("bisect", "v6.16", "v6.17", "--clause", "REG-09");
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals(List.of("v6.17-3"), changes.get("REG-09").stream().filter(id -> id.startsWith("v6.17")).toList(),
        "the matrix: " + changes.get("REG-09"));
    assertEquals(List.of("v6.17-3"), changedAt(r.out()), r.out());
    assertTrue(r.out().startsWith("irqlab bisect v6.16 v6.17: REG-09's grade\n"), r.out());
    assertTrue(r.out().contains("\nChain (9 revisions): v6.16 -> v6.17-1 -> v6.17-2 -> v6.17-3 -> v6.17-4 ->\n"), r.out());
    assertTrue(r.out().contains("\nChanged at v6.17-3, patch 3/8 of sean-v2: irqbypass: Take ownership of\n"), r.out());
    assertTrue(r.out().contains("https://git.kernel.org/torvalds/c/2b521d86ee80a436a92445b8206d38d75aeb39ea"), r.out());
    assertTrue(r.out().contains("https://lore.kernel.org/all/20250516230734.2564775-4-seanjc@google.com/"), r.out());
    assertTrue(r.out().contains("\n--- v6.17-2/null-key\n+++ v6.17-3/null-key\n"), r.out());
    assertTrue(r.out().contains("\n+    irq_bypass_register_producer(p0, NULL, 100) = 0\n"), r.out());
    Cli.fitsEightyColumns(r.out());
  }

  /** MOD-01 passes at both ends: bisect follows its scenarios' traces, and the module reference went in patch 1. */
  @Test
  void aClauseWhoseGradeStaysIsBisectedByItsTracesAndTheModuleReferenceWentInPatch1() {
    Cli.Run r = Cli.run("bisect", "v6.16", "v6.17", "--clause", "MOD-01");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("irqlab bisect v6.16 v6.17: MOD-01's traces (its grade is the same at both ends)\n"), r.out());
    assertEquals(List.of("v6.17-1"), changedAt(r.out()), r.out());
    assertTrue(r.out().contains("\n  v6.16    pass, traces A\n"), r.out());
    assertTrue(r.out().contains("\n  v6.17-1  pass, traces B\n"), r.out());
    assertTrue(r.out().contains("Changed at v6.17-1, patch 1/8 of sean-v2: irqbypass: Drop pointless and"), r.out());
    assertTrue(r.out().contains("\n-    state: producers p0@efd0; consumers -; connected -; module refcount 1\n"), r.out());
    Cli.fitsEightyColumns(r.out());
  }

  /**
   * A trace that changes at several patches: halving locates one change between a revision and
   * its parent, and names the others it saw between two runs further apart, without a step.
   */
  @Test
  void aChangeHalvingDidNotNarrowDownIsNamedNotStepped() {
    Path example = Path.of("..", "..", "examples", "vfio-irqfd.irq");
    Cli.Run r = Cli.run("bisect", "v6.16", "v6.17", "--scenario", example.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals(1, changedAt(r.out()).size(), r.out());
    String flat = r.out().replace('\n', ' ').replaceAll(" +", " ");
    assertTrue(flat.contains(" It also changes between v6.17-4 and v6.17, "), r.out());
    assertTrue(flat.contains("which halving did not narrow down: --all finds where."), r.out());
    Cli.Run all = Cli.run("bisect", "v6.16", "v6.17", "--scenario", example.toString(), "--all");
    assertTrue(changedAt(all.out()).size() > 1, all.out());
    assertFalse(all.out().contains("It also changes between"), all.out());
    Cli.fitsEightyColumns(r.out());
  }

  /** v6.17 runs with the 6.17 release's drivers, v6.17-7 with those of its commit: the step says so. */
  @Test
  void aStepAtWhichTheDriversChangeSaysSo() {
    Cli.Run r = Cli.run("bisect", "v6.17-7", "v6.17", "--clause", "SYS-02");
    assertEquals(List.of("v6.17"), changedAt(r.out()), r.out());
    assertTrue(r.out().contains("\n  Note: the drivers change at this step too (era v6.16-eventfd -> v6.17): run\n"), r.out());
    Cli.Run same = Cli.run("bisect", "v6.17-7", "v6.17", "--clause", "SYS-02", "--era", "v6.17");
    assertFalse(same.out().contains("Note: the drivers change"), same.out());
  }

  /** Every clause that changes once along the chain is found where the matrix says, in a few runs. */
  @Test
  void bisectingFindsWhereTheMatrixSaysAClauseChangesInLogarithmicRuns() {
    List<String> once = changes.entrySet().stream().filter(e -> e.getValue().size() == 1).map(Map.Entry::getKey).toList();
    assertTrue(once.size() >= 2, "clauses that change once along the chain: " + once);
    for (String clause : List.of(once.get(0), once.get(once.size() - 1))) {
      Cli.Run r = Cli.run("bisect", "rfc-2015", "proposal-report-errors", "--clause", clause);
      assertEquals(changes.get(clause), changedAt(r.out()), clause + ":\n" + r.out());
      Matcher runs = Pattern.compile("Bisected in (\\d+) runs of 13 revisions").matcher(r.out());
      assertTrue(runs.find(), r.out());
      assertTrue(Integer.parseInt(runs.group(1)) <= 6, "two ends and at most four halvings: " + r.out());
    }
  }

  /** With --all, every change of a clause that changes more than once; without, it says so may be missed. */
  @Test
  void withAllEveryChangeOfAClauseThatChangesMoreThanOnce() {
    String clause = changes.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new AssertionError("no clause changes twice along " + chain + ": " + changes));
    Cli.Run r = Cli.run("bisect", "rfc-2015", "proposal-report-errors", "--clause", clause, "--all");
    assertEquals(changes.get(clause), changedAt(r.out()), r.out());
    assertTrue(r.out().contains("It changes " + changes.get(clause).size() + " times along the chain."), r.out());
    assertTrue(r.out().lines().noneMatch(l -> l.endsWith("(not run)")), r.out());
    Cli.fitsEightyColumns(r.out());
  }

  @Test
  void aScenarioWithGrepBisectsWhetherALineMatches() {
    Path example = Path.of("..", "..", "examples", "connect-fails.irq");
    Cli.Run r = Cli.run("bisect", "v6.16", "xarray-v2-2023", "--scenario", example.toString(), "--grep", "Module irqbypass is in use");
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals(List.of("xarray-v2-2023"), changedAt(r.out()), r.out());
    assertTrue(r.out().contains("\n  producer-fix-2023  no line matches\n"), r.out());
    assertTrue(r.out().contains("\n  xarray-v2-2023     matches: printk: rmmod: ERROR: Module irqbypass is in use\n"), r.out());
    assertTrue(r.out().contains("\nChanged at xarray-v2-2023, patch 2/2 of likexu-v2: KVM: irqbypass: Convert\n"), r.out());
    Cli.Run same = Cli.run("bisect", "v6.17", "proposal-report-errors", "--scenario", example.toString(), "--grep", "no such line");
    assertTrue(same.out().contains("\nNo change: v6.17 and proposal-report-errors show the same."), same.out());
  }

  @Test
  void aChainThatIsNotOneOrAWrongWatchIsAUsageError() {
    Cli.run("bisect", "xarray-v2-2023", "v6.17", "--clause", "REG-09").assertUsageError(
        "xarray-v2-2023 is not an ancestor of v6.17: the parents of v6.17 are v6.17-7 <- v6.17-6 <- v6.17-5 <- v6.17-4 <- v6.17-3 <- v6.17-2 <- v6.17-1 <- v6.16 <- v5.9 <- v4.4 <- rfc-2015");
    Cli.run("bisect", "v6.17", "v6.16", "--clause", "REG-09").assertUsageError(
        "v6.17 comes after v6.16: name the earlier revision first (v6.16 v6.17)");
    Cli.run("bisect", "v6.17", "v6.17", "--clause", "REG-09").assertUsageError("bisect needs two different revisions, and both are v6.17");
    Cli.run("bisect", "v6.16", "v6.17", "--clause", "REG-99").assertUsageError(
        "unknown clause 'REG-99': the clauses are " + String.join(", ", Suite.standard().clauses().stream().map(c -> c.id()).toList()));
    Cli.run("bisect", "v6.16", "v6.17", "--clause", "REG-09", "--scenario", "x.irq").assertUsageError(
        "--clause=ID, --scenario=FILE are mutually exclusive (specify only one): see 'irqlab bisect --help'");
    Cli.run("bisect", "v6.16", "v6.17").assertUsageError(
        "bisect watches a clause or a scenario: give --clause ID or --scenario FILE");
    Cli.run("bisect", "v6.16", "v6.17", "--clause", "REG-09", "--era", "v9").assertUsageError(
        "unknown driver era 'v9': the known eras are " + String.join(", ", dev.irqlab.devices.DriverEra.ids()));
    Cli.run("bisect", "v6.16", "v6.17", "--clause", "REG-09", "--grep", "x").assertUsageError(
        "--grep reads a scenario's trace: use it with --scenario, not --clause");
    Cli.run("bisect", "v6.16", "v6.17", "--scenario", "x.irq", "--grep", "(").assertUsageError(
        "--grep '(': not a regular expression: Unclosed group");
    Cli.run("bisect", "v6.16", "v9.9", "--clause", "REG-09").assertUsageError(
        "unknown revision 'v9.9': the revisions are " + String.join(", ", RevisionHistoryTest.ALL));
    assertEquals(Main.USAGE, Cli.run("bisect", "v6.16", "v6.17").code(), "--clause or --scenario");
  }
}
