package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale chart: every point in the plot. */
class ScaleChartTest {
  private static ScaleResult.Point point(long size, double ns) {
    return new ScaleResult.Point(size, ns, ns, 0);
  }

  private static ScaleReport report(String stopped) {
    return new ScaleReport(new ScalePlan(1000, 30), List.of(
        new ScaleResult("v6.16", List.of(point(10, 400), point(32, 600), point(100, 1200)), stopped),
        new ScaleResult("v6.17", List.of(point(10, 4000), point(32, 2500), point(100, 2300), point(316, 1000), point(1000, 740)), null),
        new ScaleResult(ScaleRun.HASH_MAP, List.of(point(10, 200), point(32, 100), point(100, 80), point(316, 80), point(1000, 50)), null)));
  }

  @Test
  void everyPointLiesInThePlot() {
    ScaleChart chart = new ScaleChart(report(null));
    RecordingCanvas c = new RecordingCanvas();
    chart.draw(c);
    LogAxis x = chart.xAxis();
    LogAxis y = chart.yAxis();
    assertEquals(13, c.circles.size());
    for (RecordingCanvas.Circle p : c.circles) {
      assertTrue(p.cx() >= x.from() && p.cx() <= x.to() && p.cy() <= y.from() && p.cy() >= y.to(), p::toString);
    }
  }
}
