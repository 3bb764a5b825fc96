package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.bench.CostModel;
import dev.irqlab.bench.StressPlan;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code stress}, {@code scale} and {@code jmh} on a tiny scale: what they print, not how fast. */
class PerformanceCommandsTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void stressPrintsBothTablesAndThe2023Figures(@TempDir Path dir) throws Exception {
    Path plot = dir.resolve("stress.svg");
    Run r = run("stress", "v6.16", "v6.17", "-t", "4", "-n", "40", "--plot", plot.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("40 irqfds created by 4 tasks at once"), r.out());
    assertTrue(r.out().contains("in virtual time on 144 virtual CPUs"), r.out());
    assertTrue(r.out().contains("NODES/REG") && r.out().contains("2023 list          118 ms"), r.out());
    assertTrue(r.err().contains("v6.17           done in"), r.err());
    assertTrue(Files.readString(plot).contains(">v6.16</text>"));
  }

  @Test
  void stressSpeaksJson() {
    Run r = run("stress", "v6.17", "-t", "2", "-n", "10", "--producers", "--format", "json");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("\"schema\": \"irqlab-stress/2\""), r.out());
    assertTrue(r.out().contains("\"connections\": 10"), r.out());
  }

  @Test
  void stressRunsInTheHostsTimeOnRequestAndTakesCostsAndAThinkTimeInVirtualTime() {
    Run host = run("stress", "v6.17", "-t", "2", "-n", "10", "--clock", "host", "--cpus", "1");
    assertEquals(Main.OK, host.code(), host.err());
    assertTrue(host.out().contains("in the host's time on 1 emulated CPU"), host.out());
    Run costly = run("stress", "v6.17", "-t", "2", "-n", "10", "--cost", "xa-node=1us", "--think", "2us", "--format", "json");
    assertEquals(Main.OK, costly.code(), costly.err());
    assertTrue(costly.out().contains("\"xa-node\": 1000,"), costly.out());
    assertTrue(costly.out().contains("\"thinkNs\": 2000,\n  \"seed\": 1,"), costly.out());
    Run seeded = run("stress", "v6.17", "-t", "2", "-n", "10", "--think", "2us", "--seed", "7");
    assertEquals(Main.OK, seeded.code(), seeded.err());
    assertTrue(seeded.out().replaceAll("\\s+", " ").contains("think=2us (mean of exponential pauses, seed 7)"), seeded.out());
  }

  @Test
  void theFullStressPausesAsThe2023OneDidUnlessToldOtherwise() {
    assertEquals(StressPlan.THINK_2023, stress("--full").thinkNanos(StressPlan.Clock.VIRTUAL));
    assertEquals(0, stress("--full").thinkNanos(StressPlan.Clock.HOST), "the host's clock has no pauses");
    assertEquals(0, stress("--full", "--think", "0ns").thinkNanos(StressPlan.Clock.VIRTUAL));
    assertEquals(7_000, stress("--full", "--think", "7us").thinkNanos(StressPlan.Clock.VIRTUAL));
    assertEquals(0, stress("-n", "100").thinkNanos(StressPlan.Clock.VIRTUAL), "no pauses by default");
    String help = run("stress", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("a --think of " + CostModel.duration(StressPlan.THINK_2023 * 1000) + " unless"), help);
  }

  private static StressCommand stress(String... args) {
    CommandLine cl = new CommandLine(new StressCommand());
    cl.parseArgs(args);
    return cl.getCommand();
  }

  @Test
  void badStressOptionsAreOneLineErrors() {
    assertUsage(run("stress", "--full", "-n", "10"), "--full creates 174000 irqfds: give --full or -n, not both");
    assertUsage(run("stress", "--clock", "wall"), "--clock: expected virtual or host, not 'wall'");
    assertUsage(run("stress", "--cost", "xa=1ns"),
        "unknown cost 'xa' in 'xa=1ns': expected one of list-node, xa-node, alloc, free, lock, syscall, handover, wakeup, switch");
    assertUsage(run("stress", "--cost", "xa-node=fast"),
        "cost 'xa-node=fast': expected xa-node=DURATION, a number and ps, ns, us, ms or s (9.4ns), not 'fast'");
    assertUsage(run("stress", "--think", "1us", "--clock", "host"), "--think is time in virtual time; it means nothing with --clock host");
    assertUsage(run("stress", "--cost", "lock=1ns", "--clock", "host"),
        "--cost sets the durations of virtual time; it means nothing with --clock host");
    assertUsage(run("stress", "--cpus", "0"), "need at least one virtual CPU, not 0");
    assertUsage(run("stress", "--seed", "x"), "Invalid value for option '--seed': 'x' is not a long");
    assertUsage(run("stress", "--seed", "2", "--clock", "host"), "--seed draws the pauses of virtual time; it means nothing with --clock host");
    assertUsage(run("stress", "--churn", "-n", "100"), "--churn makes its own VMs, irqfds and pauses, as the reproducer does: --irqfds means nothing with it");
    assertUsage(run("stress", "--churn", "--think", "1us"), "--churn makes its own VMs, irqfds and pauses, as the reproducer does: --think means nothing with it");
    assertUsage(run("stress", "--churn", "--clock", "host"), "--churn sleeps a minute of virtual time; it runs with --clock virtual only");
  }

  private static void assertUsage(Run r, String message) {
    assertEquals(Main.USAGE, r.code(), r.out());
    assertEquals("irqlab: " + message + ": see 'irqlab stress --help'", r.err().stripTrailing());
  }

  @Test
  void anUnknownRevisionOrFormatIsAUsageError() {
    Run r = run("stress", "v9.99");
    assertEquals(Main.USAGE, r.code());
    assertTrue(r.err().contains("no revision v9.99 on the class path"), r.err());
    assertEquals(Main.USAGE, run("scale", "--format", "xml").code());
  }

  @Test
  void scaleShowsTheRevisionsAndTheHashMap() {
    Run r = run("scale", "v6.16", "v6.17", "--max", "32");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("OBJECTS") && r.out().contains("HashMap"), r.out());
    assertTrue(r.out().contains("Cheapest revision at each size:"), r.out());
  }

  @Test
  void aScaleRevisionItsBudgetStoppedIsMarkedInThePlot(@TempDir Path dir) throws Exception {
    Path plot = dir.resolve("scale.svg");
    Run r = run("scale", "v6.16", "--max", "32", "--budget", "0.001", "--plot", plot.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("v6.16 stopped: filling to 32 objects"), r.out());
    assertTrue(Files.readString(plot).contains(">stopped: budget</text>"));
  }

  @Test
  void aPngPlotIsDrawnAtTwiceTheChartsSize(@TempDir Path dir) throws Exception {
    Path plot = dir.resolve("stress.png");
    Run r = run("stress", "v6.17", "-t", "2", "-n", "10", "--plot", plot.toString());
    assertEquals(Main.OK, r.code(), r.err());
    BufferedImage png = ImageIO.read(plot.toFile());
    assertEquals(2 * 860, png.getWidth());
    assertEquals(2 * 170, png.getHeight());
  }

  @Test
  void jmhListsTheBenchmarks() {
    Run r = run("jmh", "-l");
    assertEquals(Main.OK, r.code(), r.err());
  }
}
