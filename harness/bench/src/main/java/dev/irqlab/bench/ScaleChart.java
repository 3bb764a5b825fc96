package dev.irqlab.bench;

import dev.irqlab.bench.Canvas.Anchor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The scale run as a chart: registration cost against registered objects, log-log, a line per
 * revision; a revision its time budget stopped ends in an {@code x}.
 */
public final class ScaleChart {
  public static final int WIDTH = 860;
  public static final int HEIGHT = 520;
  private static final int LEFT = 80;
  private static final int TOP = 50;
  private static final int BOTTOM = HEIGHT - 60;
  private static final int LABEL = 12;
  private static final int TICK = 11;
  /** Half the width of the {@code x} that ends a line its budget stopped. */
  static final double STOP = 5;
  /** The legend's entry for that {@code x}. */
  static final String STOPPED = "stopped: budget";

  private final ScaleReport report;
  /** Where the plot ends: room for the legend, with the longest name, to its right. */
  private final double right;

  public ScaleChart(ScaleReport report) {
    this.report = report;
    double widest = report.results().stream().mapToDouble(r -> Plot.textWidth(legend(r), LABEL)).max().orElse(0);
    if (report.results().stream().anyMatch(r -> r.stopped() != null)) {
      widest = Math.max(widest, Plot.textWidth(STOPPED, LABEL));
    }
    this.right = WIDTH - Math.max(190, Math.ceil(widest) + 70);
  }

  /** A line's name in the legend. */
  private static String legend(ScaleResult r) {
    return r.name() + (r.name().equals(ScaleRun.HASH_MAP) ? ".put" : "");
  }

  /** The horizontal axis: the sizes of the plan. */
  LogAxis xAxis() {
    List<Long> sizes = report.plan().sizes();
    return LogAxis.covering(sizes.get(0), sizes.get(sizes.size() - 1), LEFT, right);
  }

  /** The vertical axis: every positive median measured. */
  LogAxis yAxis() {
    double[] shown = report.results().stream().flatMap(r -> r.points().stream()).mapToDouble(ScaleResult.Point::registerNs)
        .filter(v -> v > 0 && Double.isFinite(v)).toArray();
    double min = Arrays.stream(shown).min().orElse(10);
    double max = Arrays.stream(shown).max().orElse(1000);
    return LogAxis.covering(min, max, BOTTOM, TOP);
  }

  public void draw(Canvas c) {
    LogAxis x = xAxis();
    LogAxis y = yAxis();
    c.text(20, 26, "Cost of one registration against the objects already registered", 15, Anchor.START, Plot.INK);
    int xStep = x.labelStep(IntStream.rangeClosed(x.lo(), x.hi()).mapToDouble(e -> Plot.textWidth(Plot.decadeOfCount(e), TICK)).max().orElse(0));
    for (int e = x.lo(); e <= x.hi(); e++) {
      double px = x.at(LogAxis.pow10(e));
      c.line(px, TOP, px, BOTTOM, Plot.GRID, 1, false);
      if (LogAxis.labelled(e, xStep)) {
        c.text(px, BOTTOM + 16, Plot.decadeOfCount(e), TICK, Anchor.MIDDLE, Plot.INK);
      }
    }
    int yStep = y.labelStep(TICK);
    for (int e = y.lo(); e <= y.hi(); e++) {
      double py = y.at(LogAxis.pow10(e));
      c.line(LEFT, py, right, py, Plot.GRID, 1, false);
      if (LogAxis.labelled(e, yStep)) {
        c.text(LEFT - 6, py + 4, Plot.decadeOfNs(e), TICK, Anchor.END, Plot.INK);
      }
    }
    c.text((LEFT + right) / 2.0, BOTTOM + 38, "objects registered (log scale)", 12, Anchor.MIDDLE, Plot.INK);
    c.text(LEFT, TOP - 10, "median time per registration (log scale)", 12, Anchor.START, Plot.INK);
    List<ScaleResult> results = report.results();
    for (int i = 0; i < results.size(); i++) {
      ScaleResult r = results.get(i);
      boolean reference = r.name().equals(ScaleRun.HASH_MAP);
      String colour = reference ? "#555555" : Plot.PALETTE[i % Plot.PALETTE.length];
      double[] xs = r.points().stream().mapToDouble(p -> x.at(p.size())).toArray();
      double[] ys = r.points().stream().mapToDouble(p -> y.at(p.registerNs())).toArray();
      if (xs.length > 1) {
        c.polyline(xs, ys, colour, 2, reference);
      }
      for (int k = 0; k < xs.length; k++) {
        c.circle(xs[k], ys[k], 2.5, colour);
      }
      if (r.stopped() != null && xs.length > 0) {
        cross(c, xs[xs.length - 1], ys[ys.length - 1], colour);
      }
      double ly = TOP + 10 + i * 20;
      c.line(right + 20, ly - 4, right + 44, ly - 4, colour, 2, reference);
      c.text(right + 50, ly, legend(r), LABEL, Anchor.START, Plot.INK);
    }
    if (results.stream().anyMatch(r -> r.stopped() != null)) {
      double ly = TOP + 10 + results.size() * 20 + 6;
      cross(c, right + 32, ly - 4, Plot.INK);
      c.text(right + 50, ly, STOPPED, LABEL, Anchor.START, Plot.INK);
    }
  }

  /** An {@code x} centred on ({@code cx}, {@code cy}). */
  private static void cross(Canvas c, double cx, double cy, String colour) {
    c.line(cx - STOP, cy - STOP, cx + STOP, cy + STOP, colour, 2, false);
    c.line(cx - STOP, cy + STOP, cx + STOP, cy - STOP, colour, 2, false);
  }
}
