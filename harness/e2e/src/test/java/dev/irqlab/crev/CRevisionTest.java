package dev.irqlab.crev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Conformance;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Runner;
import dev.irqlab.conformance.report.Places;
import dev.irqlab.conformance.report.ReportDiff;
import dev.irqlab.conformance.report.TextMatrix;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.ScenarioParser;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.Trace;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.Revision;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.PatchFailedException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C revisions on the fixtures written for these tests: two small managers (the 6.17 API and the
 * token API) that must give the ports' traces on every suite scenario (fault injection, WARN once
 * per site, the module refcount and the lists' debug checks among them), and seeded bugs (a patch
 * each of one of the two) that must give the kernel's report of it with the C's file and line.
 */
class CRevisionTest {
  /** The fixture each seeded bug is a patch of (src/test/resources/seeded/BUG.patch). */
  private static final Map<String, String> SEEDED_FROM = Map.of(
      "double-list-del", "token-api", "use-after-free", "token-api",
      "missing-unlock", "eventfd-api", "null-deref", "eventfd-api", "spin", "eventfd-api", "list-cycle", "token-api",
      "out-of-bounds", "eventfd-api");

  /**
   * The tree of a fixture: one of the two managers as it is, or a seeded bug, made under target/
   * by applying its patch to its manager.
   */
  static synchronized Path fixture(String name) {
    try {
      String base = SEEDED_FROM.getOrDefault(name, name);
      Path tree = Path.of(CRevisionTest.class.getResource("/fixtures/" + base + "/virt/lib/irqbypass.c").toURI()).getParent().getParent().getParent();
      if (!SEEDED_FROM.containsKey(name)) {
        return tree;
      }
      Path seeded = Path.of("target", "seeded", name).toAbsolutePath();
      Path c = seeded.resolve("virt/lib/irqbypass.c");
      Path h = seeded.resolve("include/linux/irqbypass.h");
      List<String> patch = Files.readAllLines(Path.of(CRevisionTest.class.getResource("/seeded/" + name + ".patch").toURI()));
      List<String> patched = DiffUtils.patch(Files.readAllLines(tree.resolve("virt/lib/irqbypass.c")), UnifiedDiffUtils.parseUnifiedDiff(patch));
      Files.createDirectories(c.getParent());
      Files.createDirectories(h.getParent());
      Files.write(c, patched);
      Files.copy(tree.resolve("include/linux/irqbypass.h"), h, StandardCopyOption.REPLACE_EXISTING);
      return seeded;
    } catch (URISyntaxException | IOException | PatchFailedException e) {
      throw new IllegalStateException("fixture " + name + ": " + e.getMessage(), e);
    }
  }

  static Scenario scenario(String name) {
    try {
      Path p = Path.of(CRevisionTest.class.getResource("/scenarios/" + name + ".irq").toURI());
      return ScenarioParser.parse(p);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Revision port(String id) {
    for (Revision r : ServiceLoader.load(Revision.class)) {
      if (r.info().id().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no port " + id + " on the test class path");
  }

  /**
   * The trace's lines without its first (which names the revision), with the places reports name
   * masked as {@code irqlab diff} masks them between a port and C ({@link Places}).
   */
  static List<String> masked(Trace t) {
    return Places.masked(t.lines().subList(1, t.lines().size()));
  }

  /** Runs the whole suite on both; the scenarios whose traces differ, beyond the places reports name. */
  static List<String> differences(Revision port, Revision c, DriverEra era) {
    List<String> differ = new ArrayList<>();
    for (Scenario s : Suite.standard().scenarios()) {
      if (!masked(Runner.run(s, port, era)).equals(masked(Runner.run(s, c, era)))) {
        differ.add(s.id());
      }
    }
    return differ;
  }

  @Test
  void theSixSeventeenApiFixtureGivesThePortsTracesOnEveryScenario() {
    CRevision c = CRevision.of("c:" + fixture("eventfd-api"));
    assertEquals(CHeader.Api.EVENTFD_IRQ, c.header().api());
    assertEquals("v6.17", c.info().defaultEra());
    assertEquals(List.of(), differences(port("v6.17"), c, DriverEra.byId("v6.17")));
  }

  @Test
  void aDiffOfAPortAndItsFaithfulCShowsNoBehaviourDifference() {
    Revision port = port("v6.17");
    CRevision c = CRevision.of("c:" + fixture("eventfd-api"));
    Matrix m = new Conformance(Suite.standard()).run(
        List.of(new LoadedRevision(port, port.info(), "test"), new LoadedRevision(c, c.info(), "test")), null);
    assertEquals(List.of(), ReportDiff.worse(ReportDiff.Side.of(m, "v6.17"), ReportDiff.Side.of(m, c.info().id())),
        "failing alike, declared on the port only, is not worse: diff --exit-code lets it through");
    String matrix = TextMatrix.render(m).replaceAll("\\s+", " ");
    assertTrue(matrix.contains(c.info().id() + " proposal"), matrix);
    assertTrue(matrix.contains("irqbypass.c " + c.source().sourceBlob() + ", irqbypass.h " + c.source().headerBlob() + " from "), matrix);
    String diff = ReportDiff.diff(m, "v6.17", m, c.info().id()).replaceAll("\\s+", " ");
    assertTrue(diff.contains("No clause changes its verdict. Clauses that fail alike on both sides, declared as a deviation"
        + " on one side only (3): REG-09, SYS-02, INV-03."), diff);
    assertTrue(diff.contains("No trace differs (43 scenarios). Scenarios whose traces differ only in the places their reports"
        + " name, a Java port's line on one side and a C line on the other (3): reregister-producer,"
        + " reregister-producer-new-key, reregister-consumer-new-key."), diff);
  }

  @Test
  void theTokenApiFixtureGivesThePortsTracesOnEveryScenario() {
    CRevision c = CRevision.of("c:" + fixture("token-api"));
    assertEquals(CHeader.Api.TOKEN, c.header().api());
    assertEquals(List.of(), differences(port("v6.16"), c, DriverEra.byId("v6.16")));
  }

  @Test
  void aReportNamesTheCFileAndLine() {
    CRevision c = CRevision.of("c:" + fixture("eventfd-api"));
    Trace t = Runner.run(Suite.standard().scenario("reregister-producer").orElseThrow(), c, DriverEra.byId("v6.17"));
    int line = lineOf(fixture("eventfd-api"), "if (WARN_ON_ONCE(producer->eventfd))");
    assertTrue(t.lines().stream().anyMatch(l -> l.contains("WARNING: CPU: 0 PID: 1 at irq_bypass_register_producer(virt/lib/irqbypass.c:" + line + ")")),
        String.join("\n", t.lines()));
  }

  @Test
  void aDoubleListDelIsTheDebugListReportAndTheRunGoesOn() {
    Trace t = run("double-list-del");
    int line = lineOf(fixture("double-list-del"), "/* the seeded bug */");
    assertTrue(t.lines().contains("      [LIST_CORRUPTION] list_del corruption, p0->next is LIST_POISON1 (<addr>)"
        + " at irq_bypass_unregister_producer(virt/lib/irqbypass.c:" + line + ")"), String.join("\n", t.lines()));
    assertEquals(Trace.Outcome.Kind.COMPLETED, t.outcome().kind());
    assertTrue(t.lines().contains("    state: producers p1@efd1; consumers -; connected -; module refcount 1"));
  }

  @Test
  void aUseAfterFreeIsAKasanReportNamingTheObjectAndTheRunGoesOn() {
    Trace t = run("use-after-free");
    int line = lineOf(fixture("use-after-free"), "list_for_each_entry(tmp, &producers, node) {");
    String text = String.join("\n", t.lines());
    assertTrue(text.contains("[KASAN] BUG: KASAN: slab-use-after-free in irq_bypass_register_producer"
        + " at irq_bypass_register_producer(virt/lib/irqbypass.c:" + (line + 1) + ")"), text);
    assertTrue(text.contains("The buggy address belongs to p0 (struct irq_bypass_producer) at p0"), text);
    assertTrue(text.contains("Freed at Machine.free("), text);
    assertEquals(1, t.lines().stream().filter(l -> l.contains("[KASAN]")).count(), "one report per object, as KASAN's first");
    assertEquals(Trace.Outcome.Kind.COMPLETED, t.outcome().kind());
    assertTrue(text.contains("c1.add_producer(p1) = 0"), "the steps after the report still run: " + text);
  }

  @Test
  void aReadPastAStructIsAnOutOfBoundsReportNamingTheStruct() {
    Trace t = run("out-of-bounds");
    int line = lineOf(fixture("out-of-bounds"), "/* the seeded bug: reads past the struct */");
    String text = String.join("\n", t.lines());
    assertTrue(text.contains("[KASAN] BUG: KASAN: slab-out-of-bounds in irq_bypass_register_producer"
        + " at irq_bypass_register_producer(virt/lib/irqbypass.c:" + line + ")"), text);
    assertTrue(text.contains("Read of size 1 by task irqlab/1"), text);
    assertTrue(text.contains("The buggy address belongs to p0 (struct irq_bypass_producer) at p0"), text);
    assertEquals(Trace.Outcome.Kind.COMPLETED, t.outcome().kind(), text);
    assertTrue(text.contains("state: producers -; consumers -; connected -"), "the unregister after it still runs: " + text);
  }

  @Test
  void aMissingUnlockIsLockdepsReportWithTheCLineThatTookTheLock() {
    Trace t = run("missing-unlock");
    int line = lineOf(fixture("missing-unlock"), "mutex_lock(&lock);");
    String text = String.join("\n", t.lines());
    assertTrue(text.contains("[LOCKDEP] WARNING: lock held when returning to user space!"), text);
    assertTrue(text.contains("#0: (lock){+.+.}-{4:4}, at: irq_bypass_register_consumer(virt/lib/irqbypass.c:" + line + ")"), text);
  }

  @Test
  void aNullDereferenceIsAnOopsAtTheCLineAndEndsTheTaskOnly() {
    Trace t = run("null-deref");
    int line = lineOf(fixture("null-deref"), "if (cons->stop)", 2);
    String text = String.join("\n", t.lines());
    assertEquals(Trace.Outcome.Kind.OOPS, t.outcome().kind(), text);
    assertTrue(text.contains("[BUG] BUG: kernel NULL pointer dereference, address: <addr> at unpair(virt/lib/irqbypass.c:" + line + ")"), text);
    assertTrue(text.contains("RIP: unpair(virt/lib/irqbypass.c:" + line + ")"), text);
    assertTrue(text.contains(" irq_bypass_unregister_producer(virt/lib/irqbypass.c:"), text);
    // the next run of the same revision starts from a fresh load
    Trace again = run("double-list-del");
    assertEquals(Trace.Outcome.Kind.COMPLETED, again.outcome().kind());
  }

  @Test
  void aListWalkThatNeverEndsIsTheWatchdogsSoftLockup() {
    Trace t = run("list-cycle");
    String text = String.join("\n", t.lines());
    int line = lineOf(fixture("list-cycle"), "list_for_each_entry(producer, &producers, node) {");
    assertEquals(Trace.Outcome.Kind.OOPS, t.outcome().kind(), text);
    assertTrue(text.contains("[SOFT_LOCKUP] watchdog: BUG: soft lockup - CPU#0 stuck for 26s! [irqlab:1]"
        + " at irq_bypass_register_consumer(virt/lib/irqbypass.c:" + line + ")"), text);
    assertTrue(text.contains("list_for_each_entry(producers) did not end after " + Runner.WALK_LIMIT + " steps"), text);
  }

  @Test
  void aSecondRevisionOfTheSameFilesCompilesNothing() throws IOException {
    Path program = CBuild.program(CSource.resolve("c:" + fixture("token-api")), CRevision.of("c:" + fixture("token-api")).header());
    long built = Files.getLastModifiedTime(program).toMillis();
    CRevision again = CRevision.of("c:" + fixture("token-api"));
    assertEquals(program, CBuild.program(again.source(), again.header()));
    assertEquals(built, Files.getLastModifiedTime(program).toMillis());
    assertNotEquals(program, CBuild.program(CSource.resolve("c:" + fixture("double-list-del")), again.header()));
  }

  @Test
  void aRefIsReadWithGitAndTheTitleSaysWhereFrom(@TempDir Path dir) throws Exception {
    copy(fixture("token-api"), dir);
    Files.createDirectories(dir.resolve("flat"));
    Files.copy(dir.resolve("virt/lib/irqbypass.c"), dir.resolve("flat/irqbypass.c"));
    Files.copy(dir.resolve("include/linux/irqbypass.h"), dir.resolve("flat/irqbypass.h"));
    git(dir, "init", "-q");
    git(dir, "add", ".");
    git(dir, "-c", "user.name=T Tester", "-c", "user.email=t@example.org", "commit", "-q", "-m", "token");
    git(dir, "tag", "v1");
    Files.writeString(dir.resolve("virt/lib/irqbypass.c"), "this is not C\n");
    CRevision r = CRevision.of("c:" + dir + "@v1");
    assertEquals(CHeader.Api.TOKEN, r.header().api());
    assertEquals(List.of("T Tester <t@example.org>"), r.info().authors());
    assertTrue(r.info().title().startsWith("irqbypass.c " + CSource.blob(Files.readAllBytes(fixture("token-api").resolve("virt/lib/irqbypass.c")))),
        r.info().title());
    assertTrue(r.info().title().endsWith(" at v1"), r.info().title());
    CRevision flat = CRevision.of("c:" + dir.resolve("flat") + "@v1");
    assertEquals("irqbypass.c", flat.source().sourcePath(), "a folder inside the repository, at a ref");
    assertEquals(r.source().sourceBlob(), flat.source().sourceBlob());
    CRevisionException bad = assertThrows(CRevisionException.class, () -> CRevision.of("c:" + dir + "@nosuchref"));
    assertTrue(bad.getMessage().contains("knows no commit 'nosuchref'"), bad.getMessage());
    CRevisionException broken = assertThrows(CRevisionException.class, () -> CRevision.of("c:" + dir));
    assertTrue(broken.getMessage().contains("virt/lib/irqbypass.c does not build against irqlab's kernel shim"), broken.getMessage());
    assertTrue(broken.getMessage().contains("virt/lib/irqbypass.c:1:"), "gcc's message names the file and line: " + broken.getMessage());
  }

  @Test
  void whatCannotBeARevisionIsSaidInOneLine(@TempDir Path dir) throws IOException {
    assertEquals("c:" + dir.resolve("none") + ": " + dir.resolve("none") + " is not a directory",
        assertThrows(CRevisionException.class, () -> CRevision.of("c:" + dir.resolve("none"))).getMessage());
    assertTrue(assertThrows(CRevisionException.class, () -> CRevision.of("c:" + dir)).getMessage()
        .endsWith("holds neither virt/lib/irqbypass.c (a kernel tree) nor irqbypass.c"));
    Files.writeString(dir.resolve("irqbypass.c"), "");
    Files.writeString(dir.resolve("irqbypass.h"), "struct irq_bypass_producer { int irq; };\n");
    assertTrue(assertThrows(CRevisionException.class, () -> CRevision.of("c:" + dir)).getMessage()
        .endsWith("declares no irq_bypass_register_producer(): is it include/linux/irqbypass.h?"));
  }

  private static Trace run(String name) {
    CRevision c = CRevision.of("c:" + fixture(name));
    return Runner.run(scenario(name), c, DriverEra.byId(c.info().defaultEra()));
  }

  private static int lineOf(Path tree, String text) {
    return lineOf(tree, text, 1);
  }

  /** The line number of the {@code nth} line of the tree's irqbypass.c that contains {@code text}. */
  private static int lineOf(Path tree, String text, int nth) {
    try {
      List<String> lines = Files.readAllLines(tree.resolve("virt/lib/irqbypass.c"));
      int seen = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text) && ++seen == nth) {
          return i + 1;
        }
      }
      throw new AssertionError(text + " is not in " + tree);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
  }
}
