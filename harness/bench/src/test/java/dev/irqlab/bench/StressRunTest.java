package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.spi.LoadedRevision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stress on a small scale: what it counts and prints, never how fast it was (speed is for
 * {@code irqlab stress} to measure, not for a unit test to assert).
 */
class StressRunTest {
  private static final StressPlan SMALL = StressPlan.host(4, 60, false, 1);

  @Test
  void everyIrqfdRegistersAConsumerAndTheManagersMutexIsMeasured() throws Exception {
    LoadedRevision v616 = Revisions.byId("v6.16");
    AtomicInteger progress = new AtomicInteger();
    StressResult r = new StressRun(v616, SMALL, progress::addAndGet).run();
    assertEquals(60, progress.get());
    assertEquals(60, r.consumers());
    assertEquals(0, r.failed());
    assertEquals(0, r.reports());
    assertEquals("lock", r.lock());
    assertEquals(60, r.acquisitions(), "one mutex_lock per registration");
    assertEquals(60, r.holdTime().count());
    assertEquals(59 / 2.0, r.listVisitsPerRegistration(), 1e-9, "each registration walks every consumer before it");
  }

  /** Three background VMs, two test VMs of three rounds, four irqfds a VM, on two CPUs. */
  private static final StressPlan CHURN = StressPlan.churn(
      new StressPlan.Churn(3, 2, 3, 4, 1_000_000, 100_000, 50_000, 10_000), 2, CostModel.icx2023(), 1);

  @Test
  void vmsThatComeAndGoRegisterAndUnregisterEveryIrqfdAndLeaveNoConsumer() throws Exception {
    AtomicInteger progress = new AtomicInteger();
    StressResult r = new StressRun(Revisions.byId("v6.16"), CHURN, progress::addAndGet).run();
    assertEquals((3 + 2 * 3) * 4, CHURN.irqfds());
    assertEquals(CHURN.irqfds(), progress.get(), "progress counts the irqfds created");
    assertEquals(0, r.failed());
    assertEquals(0, r.reports());
    assertEquals(0, r.consumers(), "every VM deassigned its irqfds and went");
    assertEquals(2L * CHURN.irqfds(), r.acquisitions(), "one mutex_lock to register, one to unregister");
    assertTrue(r.makespan() >= 1e-3, "the background VMs slept 1 ms: " + r.makespan());
    assertTrue(new StressReport(CHURN, List.of(r)).notes().isEmpty());
    StressResult again = new StressRun(Revisions.byId("v6.16"), CHURN, n -> {}).run();
    assertEquals(List.of(r.waitTime(), r.holdTime(), r.makespan()), List.of(again.waitTime(), again.holdTime(), again.makespan()));
  }

  @Test
  void theChildJvmIsToldTheChurnAsOneArgument() {
    assertEquals(CHURN.churn(), StressFork.churn(StressFork.churn(CHURN.churn())));
    assertEquals(null, StressFork.churn(StressFork.churn((StressPlan.Churn) null)));
  }

  @Test
  void inVirtualTimeTheSameRunGivesTheSameFiguresAndTheListWaitsLonger() throws Exception {
    StressPlan plan = StressPlan.virtual(8, 400, false, 8, CostModel.icx2023());
    StressResult list = new StressRun(Revisions.byId("v6.16"), plan, n -> {}).run();
    StressResult again = new StressRun(Revisions.byId("v6.16"), plan, n -> {}).run();
    assertEquals(list.waitTime(), again.waitTime());
    assertEquals(list.holdTime(), again.holdTime());
    assertEquals(list.makespan(), again.makespan());
    assertEquals(400, list.consumers());
    assertEquals(400, list.acquisitions());
    assertEquals(0, list.reports());
    StressResult xarray = new StressRun(Revisions.byId("v6.17"), plan, n -> {}).run();
    assertEquals(400, xarray.consumers());
    assertTrue(list.holdTime().mean() > 3 * xarray.holdTime().mean(), list.holdTime() + " against " + xarray.holdTime());
    assertTrue(list.waitTime().mean() > 3 * xarray.waitTime().mean(), list.waitTime() + " against " + xarray.waitTime());
    assertTrue(list.makespan() > xarray.makespan());
  }

  @Test
  void aThinkTimeSpacesTheRegistrationsOut() throws Exception {
    CostModel costs = CostModel.icx2023();
    StressResult busy = new StressRun(Revisions.byId("v6.17"), StressPlan.virtual(8, 400, false, 8, costs), n -> {}).run();
    StressResult idle = new StressRun(Revisions.byId("v6.17"), StressPlan.virtual(8, 400, false, 8, costs).thinking(100_000, 1), n -> {}).run();
    assertTrue(idle.contentions() < busy.contentions(), idle.contentions() + " against " + busy.contentions());
    assertTrue(idle.makespan() >= 50 * 100e-6, "50 irqfds a task, 100 us after each: " + idle.makespan());
  }

  @Test
  void anXarrayRevisionWalksNoListAndWithProducersEveryIrqfdConnects() throws Exception {
    StressResult r = new StressRun(Revisions.byId("v6.17"), StressPlan.host(3, 30, true, 0), n -> {}).run();
    assertEquals(30, r.consumers());
    assertEquals(30, r.connections());
    assertEquals(0.0, r.listVisitsPerRegistration());
    assertEquals(60, r.acquisitions(), "a consumer and a producer per irqfd");
    assertEquals(0, r.reports());
  }

  @Test
  void aForkedRunReportsWhatAnInProcessRunDoes() throws Exception {
    AtomicInteger progress = new AtomicInteger();
    StressResult r = StressFork.run(Revisions.byId("v6.16"), SMALL, progress::addAndGet);
    assertEquals(60, progress.get());
    assertEquals(60, r.consumers());
    assertEquals(60, r.acquisitions());
    assertEquals(59 / 2.0, r.listVisitsPerRegistration(), 1e-9);
    assertEquals(r, StressFork.fromProperties(StressFork.toProperties(r)));
  }

  @Test
  void theReportFitsEightyColumnsAndTheChartIsDrawn(@TempDir Path dir) throws Exception {
    List<LoadedRevision> two = Revisions.select(List.of("v6.16", "v6.17"));
    StringWriter sink = new StringWriter();
    StressReport report;
    try (Progress p = new Progress(new PrintWriter(sink), false, 120)) {
      report = Stress.run(two, SMALL, 2, false, p);
    }
    assertEquals(List.of("v6.16", "v6.17"), report.results().stream().map(StressResult::revision).toList());
    String text = report.text();
    assertTrue(text.lines().allMatch(l -> l.length() <= 80), text);
    assertTrue(text.contains("v6.17") && text.contains("NODES/REG"), text);
    assertTrue(report.json().contains("\"schema\": \"irqlab-stress/2\""));
    assertTrue(sink.toString().contains("v6.16           done in"), sink::toString);
    Path svg = dir.resolve("stress.svg");
    Path png = dir.resolve("stress.png");
    StressChart chart = new StressChart(SMALL, report.results());
    Plot.write(svg, StressChart.WIDTH, chart.height(), chart::draw);
    Plot.write(png, StressChart.WIDTH, chart.height(), chart::draw);
    assertTrue(Files.readString(svg).startsWith("<svg") && Files.readString(svg).contains(">v6.17</text>"));
    byte[] magic = Files.readAllBytes(png);
    assertEquals((byte) 0x89, magic[0]);
    assertEquals('P', magic[1]);
  }
}
