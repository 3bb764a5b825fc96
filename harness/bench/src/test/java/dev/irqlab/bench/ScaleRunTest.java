package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale run on a small scale: sizes, what is counted, the table's shape; no timing asserted. */
class ScaleRunTest {

  @Test
  void sizesGoByHalfDecades() {
    assertEquals(List.of(10L, 32L, 100L, 316L, 1000L), new ScalePlan(1000, 1).sizes());
    assertEquals(11, new ScalePlan(1_000_000, 1).sizes().size());
  }

  @Test
  void aListRevisionVisitsEveryRegisteredObjectAndAnXarrayOneNone() {
    ScaleRun run = new ScaleRun(new ScalePlan(316, 60));
    ScaleResult list = run.run(Revisions.byId("v6.16"));
    ScaleResult xarray = run.run(Revisions.byId("v6.17"));
    assertNull(list.stopped());
    assertEquals(List.of(10L, 32L, 100L, 316L), list.points().stream().map(ScaleResult.Point::size).toList());
    // A new consumer walks every consumer (duplicate check) and every producer (partner search),
    // plus the consumers of its own batch registered before it.
    ScaleResult.Point at100 = list.at(100);
    assertTrue(at100.listVisits() >= 100 && at100.listVisits() < 100 + 6, () -> "visits " + at100.listVisits());
    assertEquals(0.0, xarray.at(316).listVisits());
    assertTrue(xarray.points().stream().allMatch(p -> p.registerNs() > 0 && p.unregisterNs() > 0));
  }

  @Test
  void aForkedRunComesBackWhole() throws Exception {
    ScaleResult r = ScaleFork.run("v6.17", new ScalePlan(32, 60));
    assertEquals(List.of(10L, 32L), r.points().stream().map(ScaleResult.Point::size).toList());
    assertEquals(r, ScaleFork.fromProperties(ScaleFork.toProperties(r)));
    ScaleResult stopped = new ScaleResult("x", List.of(new ScaleResult.Point(10, 1, 2, 3)), "why");
    assertEquals(stopped, ScaleFork.fromProperties(ScaleFork.toProperties(stopped)));
  }

  @Test
  void theTableFitsEightyColumnsWithEveryRevisionAndTheHashMap() {
    ScalePlan plan = new ScalePlan(100, 60);
    ScaleRun run = new ScaleRun(plan, 0, 0); // the table's shape, not its figures
    List<ScaleResult> results = Revisions.all().stream().map(run::run).collect(java.util.stream.Collectors.toList());
    results.add(run.runHashMap());
    ScaleReport report = new ScaleReport(plan, results);
    String text = report.text();
    assertTrue(text.lines().allMatch(l -> l.length() <= 80), text);
    assertTrue(text.contains("cleanup") && text.contains("v1-2025") && text.contains("HashMap"), text);
    assertTrue(report.json().contains("\"schema\": \"irqlab-scale/1\""));
    assertEquals(List.of("xarray", "v1-2023"), List.of(ScaleReport.header("xarray-v1-2023")));
    assertEquals(List.of("", "v6.17"), List.of(ScaleReport.header("v6.17")));
    assertEquals(13, ScaleReport.width("proposal-report-errors"));
    assertEquals(7, ScaleReport.width("v6.17"));
    assertEquals("proposal-report-errors\n" + " ".repeat(15), StressReport.name("proposal-report-errors"));
    assertEquals("v6.17          ", StressReport.name("v6.17"));
    assertEquals("3.2k", ScaleReport.count(3162));
    assertEquals("1M", ScaleReport.count(1_000_000));
  }
}
