package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  @Test
  void infoShowsTheKernelTheSpiAndLiveReports() {
    Cli.Run r = run("info");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("The emulated kernel (harness/kernel)"), r.out());
    assertTrue(r.out().contains("registerProducer(producer, eventfd, irq)"), r.out());
    assertTrue(r.out().contains("Revisions on the class path: " + RevisionHistoryTest.ALL.size() + " (see 'irqlab list')."), r.out());
    for (String report :
        new String[] {
          "[LOCKDEP] WARNING: possible recursive locking detected",
          "[KASAN] BUG: KASAN: slab-use-after-free in useAfterFree",
          "[REFCOUNT] refcount_t: underflow; use-after-free.",
          "[LIST_CORRUPTION] list_add double add",
          "[SOFT_LOCKUP] watchdog: BUG: soft lockup",
          "= -ENOMEM",
          "module_refcount(irqbypass) = -1, rmmod: -EAGAIN",
          "[WARNING] WARNING: CPU: 0",
          "[KMEMLEAK] kmemleak: unreferenced object"
        }) {
      assertTrue(r.out().contains(report), "missing " + report + " in\n" + r.out());
    }
  }

  @Test
  void infoWithoutTheTourLeavesItOut() {
    Cli.Run r = run("info", "--no-tour");
    assertEquals(Main.OK, r.code());
    assertTrue(!r.out().contains("[LOCKDEP]"), r.out());
  }

  @Test
  void outputFitsEightyColumnsAndIsDeterministic() {
    String first = run("info").out();
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      assertEquals(first, run("info").out());
    } finally {
      Locale.setDefault(saved);
    }
    for (String line : first.split("\n")) {
      assertTrue(line.length() <= 80, "longer than 80 columns: " + line);
    }
  }

  @Test
  void listShowsEveryRevisionInHistoryOrderWithinEightyColumns() {
    Cli.Run r = run("list");
    assertEquals(Main.OK, r.code());
    // A revision's line starts with its id; a patch of a series is indented under the series' line, after its place (3/8).
    List<String> ids = r.out().lines()
        .filter(l -> !l.startsWith("ID") && !l.startsWith("Series ") && (!l.startsWith(" ") || l.matches("  \\d+/\\d+ .*")))
        .map(l -> l.strip().replaceFirst("^\\d+/\\d+ +", "").split(" +")[0]).toList();
    // History order, but a series' patches come together where its first patch is: Like Xu's 2/2
    // (2 Aug) before his v1 conversion of 1 Aug, a sibling on the same patch 1/2.
    assertEquals(RevisionHistoryTest.ALL.stream().sorted().toList(), ids.stream().sorted().toList());
    List<String> outsideSeries = List.of("rfc-2015", "v4.4", "v5.9", "v6.16", "xarray-v1-2023", "cleanup-v1-2025",
        "proposal-report-errors");
    assertEquals(outsideSeries, ids.stream().filter(outsideSeries::contains).toList());
    int first = ids.indexOf("producer-fix-2023");
    assertEquals(List.of("producer-fix-2023", "xarray-v2-2023"), ids.subList(first, first + 2));
    first = ids.indexOf("v6.17-1");
    assertEquals(List.of("v6.17-1", "v6.17-2", "v6.17-3", "v6.17-4", "v6.17-5", "v6.17-6", "v6.17-7", "v6.17"),
        ids.subList(first, first + 8));
    assertTrue(r.out().contains("  1/8 v6.17-1      2025-05-16 merged     v6.16            v6.16"), r.out());
    assertTrue(r.out().contains("\n  8/8 v6.17 (also v6.17-8)\n                   2025-05-16 merged     v6.17-7          v6.17\n"), r.out());
    r.out().lines().forEach(l -> assertTrue(l.length() <= 80, "longer than 80 columns: " + l));
  }

  @Test
  void listNamesTheJarOrTheModuleEachRevisionCameFrom() {
    assertEquals("irqlab-revision-v6.17-0.1.0-SNAPSHOT.jar",
        ListCommand.shortSource("file:/src/irqlab/revisions/v6.17/target/irqlab-revision-v6.17-0.1.0-SNAPSHOT.jar"));
    assertEquals("v6.16/target/classes", ListCommand.shortSource("file:/src/irqlab/revisions/v6.16/target/classes/"));
    assertEquals("irqlab.jar", ListCommand.shortSource("jar:file:/x/irqlab.jar!/"));
  }

  @Test
  void noCommandIsAUsageError() {
    run().assertUsageError("missing command, such as matrix: see 'irqlab help'");
  }

  /** A command line mistake is one line naming the mistake and the help to read; never the usage text. */
  @Test
  void aCommandLineMistakeIsOneLineForEveryCommand() {
    run("matrix", "--revison", "v6.17").assertUsageError(
        "Unknown options: '--revison', 'v6.17' (did you mean --revisions?): see 'irqlab matrix --help'");
    run("matrix", "--era").assertUsageError("Missing required parameter for option '--era' (ERA): see 'irqlab matrix --help'");
    run("matrix", "--revisions", "v6.16,,v6.17").assertUsageError(
        "--revisions has an empty id: expected ids separated by commas, such as v6.16,v6.17");
    run("diff", "v6.16").assertUsageError("Missing required parameter: 'B': see 'irqlab diff --help'");
    run("run", "a\u0000b.irq").assertUsageError(
        "Invalid value for positional parameter at index 0 (FILE): 'a\\u0000b.irq' is not a path: Nul character not allowed:"
            + " see 'irqlab run --help'");
    run("diff", "a\u0000b.json", "v6.16").assertUsageError("a\\u0000b.json: no such file");
    run("stress", "-j", "0", "v6.17").assertUsageError("--jobs must be at least 1, not 0: see 'irqlab stress --help'");
    run("stress", "-t", "99999999999").assertUsageError(
        "Invalid value for option '--threads': '99999999999' is not an int: see 'irqlab stress --help'");
    run("scale", "--budget", "NaN").assertUsageError(
        "scale needs a maximum of at least 10 and a positive budget: see 'irqlab scale --help'");
    run("jmh", "-bogus").assertUsageError("jmh: b is not a recognized option (see 'irqlab jmh -h')");
    run("explain", "NOPE\nX").assertUsageError("unknown clause 'NOPE\\u000aX': the clauses are "
        + String.join(", ", dev.irqlab.conformance.Clauses.all().stream().map(dev.irqlab.conformance.Clause::id).toList()));
  }

  /** A test-only command with a bug. */
  @CommandLine.Command(name = "boom")
  static final class Boom implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("a bug of ours");
    }
  }

  @Test
  void anExceptionNoCommandExpectedIsAnInternalErrorWithItsOwnExitCodeAndFirstFrames() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cli = new CommandLine(new Main()).addSubcommand("boom", new Boom());
    int code = Main.run(cli, new String[] {"boom"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
    assertEquals(Main.INTERNAL, code);
    List<String> lines = err.toString().lines().toList();
    assertEquals("irqlab: internal error of irqlab (a bug in the harness, not a fault of the revision under test):"
        + " java.lang.IllegalStateException", lines.get(0));
    assertEquals("java.lang.IllegalStateException: a bug of ours", lines.get(1));
    assertTrue(lines.get(2).startsWith("\tat dev.irqlab.cli.MainTest$Boom.call(MainTest.java:"), lines.get(2));
    assertTrue(lines.size() <= 3 + 12, err.toString());
  }

  @Test
  void helpListsTheExitCodes() {
    Cli.Run h = run("help");
    assertTrue(h.out().contains("Exit codes:\n  0   everything as declared"), h.out());
    assertTrue(h.out().contains("\n  3   an internal error of irqlab itself, not a fault of the revision under test\n"), h.out());
  }

  @Test
  void anUnknownCommandOrOptionIsAUsageErrorWithoutAStackTrace() {
    Cli.Run r = run("frobnicate");
    assertEquals(Main.USAGE, r.code());
    assertTrue(!r.err().contains("Exception"), r.err());
    Cli.Run o = run("info", "--bogus");
    assertEquals(Main.USAGE, o.code());
    assertTrue(o.err().contains("Unknown option: '--bogus'"), o.err());
  }

  @Test
  void completionCoversEveryCommandAndItsOptions() {
    Cli.Run c = run("completion");
    assertEquals(Main.OK, c.code(), c.err());
    assertTrue(c.out().startsWith("#!/usr/bin/env bash"), c.out());
    for (String command : List.of("matrix", "diff", "run", "fuzz", "explain", "new-revision", "completion")) {
      assertTrue(c.out().contains("_picocli_irqlab_" + command.replace("-", "")), "no completion for " + command);
    }
    assertTrue(c.out().contains("--only-unexpected") && c.out().contains("--exit-code"), "options are completed too");
  }

  @Test
  void versionAndHelpExitZero() {
    Cli.Run v = run("--version");
    assertEquals(Main.OK, v.code());
    assertTrue(v.out().startsWith("irqlab "), v.out());
    assertTrue(v.out().contains("\nJDK " + System.getProperty("java.runtime.version") + ", "), "the JDK, for a bug report: " + v.out());
    String git = Main.Version.gitRevision(Path.of("").toAbsolutePath().getParent().getParent().toString());
    assertTrue(git == null || git.matches("[0-9a-f]{12}(, with uncommitted changes)?|.+-g[0-9a-f]{12}.*"), git);
    Cli.Run h = run("help");
    assertEquals(Main.OK, h.code());
    for (String command : List.of("matrix", "diff", "run", "explain", "list", "info")) {
      assertTrue(h.out().contains("\n  " + command + " "), "help does not list " + command + ":\n" + h.out());
    }
  }
}
