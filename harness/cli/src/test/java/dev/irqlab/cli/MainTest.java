package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

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
    List<String> ids =
        r.out().lines().filter(l -> !l.startsWith(" ") && !l.startsWith("ID")).map(l -> l.split(" +")[0]).toList();
    assertEquals(RevisionHistoryTest.ALL, ids);
    assertEquals(RevisionHistoryTest.HISTORY, ids.stream().filter(RevisionHistoryTest.HISTORY::contains).toList());
    assertTrue(r.out().contains("v6.17              2025-05-16 merged     cleanup-v1-2025  v6.17"), r.out());
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
    Cli.Run r = run();
    assertEquals(Main.USAGE, r.code());
    assertTrue(r.err().contains("Missing command"), r.err());
    assertTrue(r.err().contains("Usage: irqlab"), r.err());
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
  void versionAndHelpExitZero() {
    assertEquals(Main.OK, run("--version").code());
    Cli.Run h = run("help");
    assertEquals(Main.OK, h.code());
    for (String command : List.of("matrix", "diff", "run", "explain", "list", "info")) {
      assertTrue(h.out().contains("\n  " + command + " "), "help does not list " + command + ":\n" + h.out());
    }
  }
}
