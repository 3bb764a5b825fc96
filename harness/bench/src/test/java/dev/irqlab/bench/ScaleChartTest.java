package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale chart: a line the budget stopped ends in an {@code x} the legend explains; a line that ran to the end does not. */
class ScaleChartTest {
  private static final String STOPPED_COLOUR = Plot.PALETTE[0];
  private static final String WHOLE_COLOUR = Plot.PALETTE[1];

  private static ScaleResult.Point point(long size, double ns) {
    return new ScaleResult.Point(size, ns, ns, 0);
  }

  private static ScaleReport report(String stopped) {
    return new ScaleReport(new ScalePlan(1000, 30), List.of(
        new ScaleResult("v6.16", List.of(point(10, 400), point(32, 600), point(100, 1200)), stopped),
        new ScaleResult("v6.17", List.of(point(10, 4000), point(32, 2500), point(100, 2300), point(316, 1000), point(1000, 740)), null),
        new ScaleResult(ScaleRun.HASH_MAP, List.of(point(10, 200), point(32, 100), point(100, 80), point(316, 80), point(1000, 50)), null)));
  }

  /** The centres of the {@code x} marks of {@code colour}: two diagonals of one length crossing at their middles. */
  private static List<double[]> crosses(RecordingCanvas c, String colour) {
    List<RecordingCanvas.Line> diagonals = c.lines.stream()
        .filter(l -> l.stroke().equals(colour) && l.x1() != l.x2() && Math.abs(Math.abs(l.x2() - l.x1()) - Math.abs(l.y2() - l.y1())) < 1e-9)
        .toList();
    return diagonals.stream()
        .filter(a -> (a.y2() - a.y1()) * (a.x2() - a.x1()) > 0)
        .filter(a -> diagonals.stream().anyMatch(b -> (b.y2() - b.y1()) * (b.x2() - b.x1()) < 0
            && Math.abs((a.x1() + a.x2()) - (b.x1() + b.x2())) < 1e-9 && Math.abs((a.y1() + a.y2()) - (b.y1() + b.y2())) < 1e-9))
        .map(a -> new double[] {(a.x1() + a.x2()) / 2, (a.y1() + a.y2()) / 2})
        .toList();
  }

  @Test
  void aRevisionTheBudgetStoppedEndsInAnXThatTheLegendExplains() {
    RecordingCanvas c = new RecordingCanvas();
    new ScaleChart(report("filling to 316 objects would take about 113 s, past the budget of 30.0 s")).draw(c);
    RecordingCanvas.Circle last = c.circles.stream().filter(p -> p.fill().equals(STOPPED_COLOUR)).reduce((a, b) -> b).orElseThrow();
    List<double[]> marks = crosses(c, STOPPED_COLOUR);
    assertEquals(1, marks.size());
    assertEquals(last.cx(), marks.get(0)[0], 1e-9);
    assertEquals(last.cy(), marks.get(0)[1], 1e-9);
    assertTrue(crosses(c, WHOLE_COLOUR).isEmpty());
    assertEquals(1, crosses(c, Plot.INK).size(), "the legend's x");
    assertTrue(c.texts.stream().anyMatch(t -> t.text().equals(ScaleChart.STOPPED)), c.texts::toString);
  }

  @Test
  void withNoRevisionStoppedThereIsNoXAndNoLegendEntryForIt() {
    RecordingCanvas c = new RecordingCanvas();
    new ScaleChart(report(null)).draw(c);
    assertTrue(crosses(c, STOPPED_COLOUR).isEmpty());
    assertTrue(crosses(c, Plot.INK).isEmpty());
    assertFalse(c.texts.stream().anyMatch(t -> t.text().equals(ScaleChart.STOPPED)), c.texts::toString);
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
