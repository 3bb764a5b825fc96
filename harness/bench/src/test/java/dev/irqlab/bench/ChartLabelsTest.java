package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The charts leave room for the revision ids they name, however long, inside their width. */
class ChartLabelsTest {
  private static final String LONG = "proposal-report-errors-and-more";

  /** Records the texts drawn and checks none of them sticks out of {@code width}. */
  private static final class Bounds implements Canvas {
    final double width;
    final List<String> texts = new ArrayList<>();
    final List<String> outside = new ArrayList<>();

    Bounds(double width) {
      this.width = width;
    }

    @Override
    public void text(double x, double y, String text, int size, Anchor anchor, String fill) {
      double w = Plot.textWidth(text, size);
      double start = switch (anchor) {
        case START -> x;
        case MIDDLE -> x - w / 2;
        case END -> x - w;
      };
      texts.add(text);
      if (start < 0 || start + w > width) {
        outside.add(String.format(Locale.ROOT, "%s from %.0f to %.0f", text, start, start + w));
      }
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill) {}

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {}

    @Override
    public void polyline(double[] xs, double[] ys, String stroke, double width, boolean dashed) {}

    @Override
    public void circle(double cx, double cy, double r, String fill) {}
  }

  private static StressResult stress(String revision, long waitNs) {
    Figures f = new Figures(10, waitNs, 100, waitNs, waitNs * 3, waitNs * 4, waitNs * 5);
    return new StressResult(revision, "era", "lock", 1000, 0, 1000, 0, 1.0, 1.0, 1000, 100, f, f, 10.0, 0);
  }

  @Test
  void theStressChartMovesItsBarsRightForALongRevisionId() {
    StressChart chart = new StressChart(StressPlan.host(144, 1000, false, 1), List.of(stress("v6.16", 1_000_000), stress(LONG, 500)));
    Bounds b = new Bounds(StressChart.WIDTH);
    chart.draw(b);
    assertTrue(b.texts.contains(LONG), b.texts::toString);
    assertTrue(b.outside.isEmpty(), b.outside::toString);
  }

  @Test
  void theStressChartsLongestTitleFitsAndNamesThePauses() {
    StressPlan plan = new StressPlan(1000, 1_000_000, true, 1000, StressPlan.Clock.VIRTUAL, CostModel.icx2023(), 100_000, 1, null);
    Bounds b = new Bounds(StressChart.WIDTH);
    new StressChart(plan, List.of(stress("v6.16", 1_000_000))).draw(b);
    assertTrue(b.texts.stream().anyMatch(t -> t.endsWith(", 1000 virtual CPUs, 100us pauses")), b.texts::toString);
    assertTrue(b.outside.isEmpty(), b.outside::toString);
  }

  @Test
  void theChurnsTitleSaysTheVmsComeAndGo() {
    StressPlan plan = StressPlan.churn(StressPlan.Churn.reproducer(4), 144, CostModel.icx2023(), 1);
    Bounds b = new Bounds(StressChart.WIDTH);
    new StressChart(plan, List.of(stress("v6.16", 1_000_000))).draw(b);
    assertTrue(b.texts.contains("The manager's mutex while 3680 VMs come and go with 174000 irqfds, 144 virtual CPUs"), b.texts::toString);
    assertTrue(b.outside.isEmpty(), b.outside::toString);
  }

  @Test
  void theScaleChartMakesRoomInItsLegendForALongRevisionId() {
    List<ScaleResult.Point> points = List.of(new ScaleResult.Point(10, 500, 400, 5), new ScaleResult.Point(100, 900, 800, 50));
    ScaleReport report = new ScaleReport(new ScalePlan(100, 30), List.of(
        new ScaleResult("v6.16", points, null), new ScaleResult(LONG, points, null), new ScaleResult(ScaleRun.HASH_MAP, points, null)));
    Bounds b = new Bounds(ScaleChart.WIDTH);
    new ScaleChart(report).draw(b);
    assertTrue(b.texts.contains(LONG), b.texts::toString);
    assertTrue(b.outside.isEmpty(), b.outside::toString);
  }
}
