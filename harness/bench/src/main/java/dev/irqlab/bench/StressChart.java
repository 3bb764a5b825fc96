package dev.irqlab.bench;

import dev.irqlab.bench.Canvas.Anchor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The stress run as a chart: per revision, the mutex's wait (avg, p99, max) and hold (avg), on a log scale. */
public final class StressChart {
  private static final String[] SERIES = {"wait avg", "wait p99", "wait max", "hold avg"};
  private static final String[] COLOURS = {"#d62728", "#ff9896", "#7f7f7f", "#1f77b4"};
  private static final int BAR = 9;
  private static final int ROW = SERIES.length * BAR + 14;
  private static final int TOP = 70;
  private static final int LABEL = 12;
  public static final int WIDTH = 860;

  private final StressPlan plan;
  private final List<StressResult> results;
  /** Where the bars start: room for the longest revision id to its left. */
  private final double left;

  public StressChart(StressPlan plan, List<StressResult> results) {
    this.plan = plan;
    this.results = List.copyOf(results);
    double widest = this.results.stream().mapToDouble(r -> Plot.textWidth(r.revision(), LABEL)).max().orElse(0);
    this.left = Math.max(130, Math.ceil(widest) + 28);
  }

  public int height() {
    return TOP + results.size() * ROW + 50;
  }

  private static double[] values(StressResult r) {
    return new double[] {r.waitTime().mean(), r.waitTime().p99(), r.waitTime().max(), r.holdTime().mean()};
  }

  public void draw(Canvas c) {
    double max = results.stream().flatMapToDouble(r -> Arrays.stream(values(r))).max().orElse(10);
    double min = results.stream().flatMapToDouble(r -> Arrays.stream(values(r))).filter(v -> v > 0).min().orElse(10);
    Plot.LogAxis x = Plot.LogAxis.covering(min, max, left, WIDTH - 30);
    int bottom = TOP + results.size() * ROW;
    c.text(20, 24, String.format(Locale.ROOT, "The manager's mutex while %d tasks create %d irqfds at once%s",
        plan.threads(), plan.irqfds(), plan.producers() ? " (with VFIO producers)" : ""), 15, Anchor.START, Plot.INK);
    for (int i = 0; i < SERIES.length; i++) {
      double lx = left + i * 120;
      c.rect(lx, 38, 12, 10, COLOURS[i]);
      c.text(lx + 17, 47, SERIES[i], 12, Anchor.START, Plot.INK);
    }
    for (int e = x.lo(); e <= x.hi(); e++) {
      double px = x.at(Math.pow(10, e));
      c.line(px, TOP - 6, px, bottom, Plot.GRID, 1, false);
      c.text(px, bottom + 16, Plot.decadeOfNs(e), 11, Anchor.MIDDLE, Plot.INK);
    }
    c.text((left + WIDTH - 30) / 2.0, bottom + 36, "nanoseconds, log scale (lock_stat of the emulated mutex)", 12, Anchor.MIDDLE, Plot.INK);
    for (int r = 0; r < results.size(); r++) {
      StressResult res = results.get(r);
      double y = TOP + r * ROW;
      c.text(left - 8, y + ROW / 2.0, res.revision(), LABEL, Anchor.END, Plot.INK);
      double[] v = values(res);
      for (int s = 0; s < v.length; s++) {
        if (v[s] > 0) {
          c.rect(left, y + s * BAR, Math.max(1, x.at(v[s]) - left), BAR - 1, COLOURS[s]);
        }
      }
    }
  }
}
