package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MainTest {
  /** What one run printed and returned. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void infoShowsTheKernelTheSpiAndLiveReports() {
    Run r = run("info");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("The emulated kernel (harness/kernel)"), r.out());
    assertTrue(r.out().contains("registerProducer(producer, eventfd, irq)"), r.out());
    assertTrue(r.out().contains("Revisions on the class path: none yet."), r.out());
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
    Run r = run("info", "--no-tour");
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
  void listSaysWhenNoRevisionIsPresent() {
    Run r = run("list");
    assertEquals(Main.OK, r.code());
    assertEquals("No revision modules are on the class path yet.", r.out().strip());
  }

  @Test
  void noCommandIsAUsageError() {
    Run r = run();
    assertEquals(Main.USAGE, r.code());
    assertTrue(r.err().contains("Missing command"), r.err());
    assertTrue(r.err().contains("Usage: irqlab"), r.err());
  }

  @Test
  void anUnknownCommandOrOptionIsAUsageErrorWithoutAStackTrace() {
    Run r = run("frobnicate");
    assertEquals(Main.USAGE, r.code());
    assertTrue(!r.err().contains("Exception"), r.err());
    Run o = run("info", "--bogus");
    assertEquals(Main.USAGE, o.code());
    assertTrue(o.err().contains("Unknown option: '--bogus'"), o.err());
  }

  @Test
  void versionAndHelpExitZero() {
    assertEquals(Main.OK, run("--version").code());
    Run h = run("help");
    assertEquals(Main.OK, h.code());
    assertTrue(h.out().contains("info"), h.out());
  }
}
