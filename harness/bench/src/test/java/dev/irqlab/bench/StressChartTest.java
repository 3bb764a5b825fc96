package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.bench.Canvas.Anchor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The stress chart: its ticks say what they mark, every bar lies in the plot, the PNG is drawn at 2x. */
class StressChartTest {
  private static final StressPlan PLAN = StressPlan.host(4, 40, false, 1);

  /** A revision whose wait avg, p99 and max and hold avg are {@code wait}, {@code p99}, {@code max} and {@code hold} ns. */
  private static StressResult result(String id, double wait, long p99, long max, double hold) {
    return new StressResult(id, "era", "lock", 40, 0, 40, 0, 1.0, 1.0, 100, 10,
        new Figures(10, wait, 1, 1, p99, p99, max), new Figures(100, hold, 1, 1, 1, 1, 1), 1.0, 0);
  }

  static Stream<Arguments> ranges() {
    return Stream.of(
        Arguments.of("all equal", List.of(result("a", 1000, 1000, 1000, 1000), result("b", 1000, 1000, 1000, 1000))),
        Arguments.of("narrow", List.of(result("a", 100, 100, 101, 100.5))),
        Arguments.of("below a nanosecond", List.of(result("a", 0.25, 1, 2, 0.002))),
        Arguments.of("the 2023 stress", List.of(result("list", 1.09e9, 5_080_000_000L, 5_750_000_000L, 967e3),
            result("xarray", 428e3, 4_560_000, 71_000_000, 2640))),
        Arguments.of("wide", List.of(result("a", 0.001, 1, 1_000_000_000_000_000L, 3))),
        Arguments.of("no contention", List.of(result("a", 0, 0, 0, 250))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ranges")
  void everyBarStartsAtTheAxisAndEndsInsideThePlotAtItsValue(String what, List<StressResult> results) {
    StressChart chart = new StressChart(PLAN, results);
    LogAxis x = chart.axis();
    RecordingCanvas c = drawn(chart);
    List<RecordingCanvas.Rect> bars = c.rects.stream().filter(r -> r.y() >= 70).toList();
    long values = results.stream().flatMap(r -> Stream.of(r.waitTime().mean(), (double) r.waitTime().p99(),
        (double) r.waitTime().max(), r.holdTime().mean())).filter(v -> v > 0).count();
    assertEquals(values, bars.size());
    for (RecordingCanvas.Rect bar : bars) {
      assertEquals(x.from(), bar.x(), 1e-9, bar::toString);
      assertTrue(bar.w() >= 1 && bar.x() + bar.w() <= x.to() + 1e-9, () -> bar + " outside " + x);
    }
    for (StressResult r : results) {
      for (double v : new double[] {r.waitTime().mean(), r.waitTime().max(), r.holdTime().mean()}) {
        if (v > 0) {
          assertTrue(x.at(v) > x.from() && x.at(v) <= x.to(), () -> v + " ns at " + x.at(v) + " outside " + x);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ranges")
  void everyTickLabelNamesTheTimeAtItsGridLineAndNoneTouch(String what, List<StressResult> results) {
    StressChart chart = new StressChart(PLAN, results);
    LogAxis x = chart.axis();
    RecordingCanvas c = drawn(chart);
    List<RecordingCanvas.Text> ticks = c.texts.stream().filter(t -> t.size() == 11 && t.anchor() == Anchor.MIDDLE)
        .sorted(Comparator.comparingDouble(RecordingCanvas.Text::x)).toList();
    assertTrue(ticks.size() >= 2, ticks::toString);
    for (RecordingCanvas.Text t : ticks) {
      double ns = LogAxisTest.nanoseconds(t.text()).doubleValue();
      assertEquals(x.at(ns), t.x(), 1e-6, () -> t.text() + " drawn at " + t.x());
      assertTrue(c.lines.stream().anyMatch(l -> l.x1() == t.x() && l.x2() == t.x()), () -> "no grid line under " + t.text());
    }
    for (int i = 1; i < ticks.size(); i++) {
      RecordingCanvas.Text a = ticks.get(i - 1);
      RecordingCanvas.Text b = ticks.get(i);
      double gap = (b.x() - Plot.textWidth(b.text(), 11) / 2) - (a.x() + Plot.textWidth(a.text(), 11) / 2);
      assertTrue(gap > 0, () -> a.text() + " touches " + b.text());
    }
  }

  @Test
  void theAxisTitleNamesNoUnitOfItsOwn() {
    RecordingCanvas c = new RecordingCanvas();
    new StressChart(PLAN, List.of(result("a", 1e3, 1_000_000, 10_000_000, 500))).draw(c);
    assertTrue(c.texts.stream().anyMatch(t -> t.text().equals(StressChart.AXIS)));
    assertFalse(StressChart.AXIS.matches("(?s).*\\b(ns|us|ms|s|nanoseconds?|microseconds?|milliseconds?|seconds?)\\b.*"), StressChart.AXIS);
  }

  @Test
  void aPngIsTheChartAtTwiceItsSizeAndAnSvgAtItsOwn() throws Exception {
    StressChart chart = new StressChart(PLAN, List.of(result("v6.16", 10.8e6, 40_000_000, 41_000_000, 1e6),
        result("v6.17", 2.44e6, 5_000_000, 5_100_000, 180e3)));
    assertEquals(220, chart.height());
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(Plot.render(Path.of("stress.png"), StressChart.WIDTH, chart.height(), chart::draw)));
    assertEquals(1720, png.getWidth());
    assertEquals(440, png.getHeight());
    RecordingCanvas c = new RecordingCanvas();
    chart.draw(c);
    // The same layout, scaled: the middle of each bar is its colour at twice its coordinates.
    for (RecordingCanvas.Rect bar : c.rects.stream().filter(r -> r.w() > 4).toList()) {
      int rgb = png.getRGB((int) (2 * (bar.x() + bar.w() / 2)), (int) (2 * (bar.y() + bar.h() / 2))) & 0xffffff;
      assertEquals(Color.decode(bar.fill()).getRGB() & 0xffffff, rgb, bar::toString);
    }
    String svg = new String(Plot.render(Path.of("stress.svg"), StressChart.WIDTH, chart.height(), chart::draw), StandardCharsets.UTF_8);
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"860\" height=\"220\" viewBox=\"0 0 860 220\""), svg);
  }

  private static RecordingCanvas drawn(StressChart chart) {
    RecordingCanvas c = new RecordingCanvas();
    chart.draw(c);
    return c;
  }
}
