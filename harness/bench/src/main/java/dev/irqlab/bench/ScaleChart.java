package dev.irqlab.bench;

import dev.irqlab.bench.Canvas.Anchor;
import java.util.List;

/** The scale run as a chart: registration cost against registered objects, log-log, a line per revision. */
public final class ScaleChart {
  public static final int WIDTH = 860;
  public static final int HEIGHT = 520;
  private static final int LEFT = 80;
  private static final int TOP = 50;
  private static final int BOTTOM = HEIGHT - 60;
  private static final int LABEL = 12;

  private final ScaleReport report;
  /** Where the plot ends: room for the legend, with the longest name, to its right. */
  private final double right;

  public ScaleChart(ScaleReport report) {
    this.report = report;
    double widest = report.results().stream().mapToDouble(r -> Plot.textWidth(legend(r), LABEL)).max().orElse(0);
    this.right = WIDTH - Math.max(190, Math.ceil(widest) + 70);
  }

  /** A line's name in the legend. */
  private static String legend(ScaleResult r) {
    return r.name() + (r.name().equals(ScaleRun.HASH_MAP) ? ".put" : "");
  }

  public void draw(Canvas c) {
    List<ScaleResult> results = report.results();
    List<Long> sizes = report.plan().sizes();
    double min = results.stream().flatMap(r -> r.points().stream()).mapToDouble(ScaleResult.Point::registerNs).filter(v -> v > 0).min().orElse(10);
    double max = results.stream().flatMap(r -> r.points().stream()).mapToDouble(ScaleResult.Point::registerNs).max().orElse(1000);
    Plot.LogAxis x = Plot.LogAxis.covering(sizes.get(0), sizes.get(sizes.size() - 1), LEFT, right);
    Plot.LogAxis y = Plot.LogAxis.covering(min, max, BOTTOM, TOP);
    c.text(20, 26, "Cost of one registration against the objects already registered", 15, Anchor.START, Plot.INK);
    for (int e = x.lo(); e <= x.hi(); e++) {
      double px = x.at(Math.pow(10, e));
      c.line(px, TOP, px, BOTTOM, Plot.GRID, 1, false);
      c.text(px, BOTTOM + 16, Plot.decadeOfCount(e), 11, Anchor.MIDDLE, Plot.INK);
    }
    for (int e = y.lo(); e <= y.hi(); e++) {
      double py = y.at(Math.pow(10, e));
      c.line(LEFT, py, right, py, Plot.GRID, 1, false);
      c.text(LEFT - 6, py + 4, Plot.decadeOfNs(e), 11, Anchor.END, Plot.INK);
    }
    c.text((LEFT + right) / 2.0, BOTTOM + 38, "objects registered (log scale)", 12, Anchor.MIDDLE, Plot.INK);
    c.text(LEFT, TOP - 10, "median time per registration (log scale)", 12, Anchor.START, Plot.INK);
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
      double ly = TOP + 10 + i * 20;
      c.line(right + 20, ly - 4, right + 44, ly - 4, colour, 2, reference);
      c.text(right + 50, ly, legend(r), LABEL, Anchor.START, Plot.INK);
    }
  }
}
