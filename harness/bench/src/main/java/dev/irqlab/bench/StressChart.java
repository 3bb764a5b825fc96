package dev.irqlab.bench;

import dev.irqlab.bench.Canvas.Anchor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** The stress run as a chart: per revision, the mutex's wait (avg, p99, max) and hold (avg), on a log scale. */
public final class StressChart {
  private static final String[] SERIES = {"wait avg", "wait p99", "wait max", "hold avg"};
  private static final String[] COLOURS = {"#d62728", "#ff9896", "#7f7f7f", "#1f77b4"};
  private static final int BAR = 9;
  private static final int ROW = SERIES.length * BAR + 14;
  private static final int TOP = 70;
  private static final int LABEL = 12;
  private static final int TICK = 11;
  /** The axis's title: its ticks name their unit, {@code 100 us}, {@code 1 ms}. */
  static final String AXIS = "time, log scale (lock_stat of the emulated mutex)";
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

  /** The axis the bars grow along: every positive value lies on it, the smallest above its start. */
  LogAxis axis() {
    double[] shown = results.stream().flatMapToDouble(r -> Arrays.stream(values(r))).filter(v -> v > 0 && Double.isFinite(v)).toArray();
    double min = Arrays.stream(shown).min().orElse(1000);
    double max = Arrays.stream(shown).max().orElse(1000);
    return LogAxis.forBars(min, max, left, WIDTH - 30);
  }

  public void draw(Canvas c) {
    LogAxis x = axis();
    int bottom = TOP + results.size() * ROW;
    String what = plan.churn() != null
        ? String.format(Locale.ROOT, "%d VMs come and go with %d irqfds", plan.threads(), plan.irqfds())
        : String.format(Locale.ROOT, "%d tasks create %d irqfds at once", plan.threads(), plan.irqfds());
    String title = String.format(Locale.ROOT, "The manager's mutex while %s%s%s%s", what, plan.producers() ? " (with VFIO producers)" : "",
        plan.clock() == StressPlan.Clock.VIRTUAL ? String.format(Locale.ROOT, ", %d virtual CPUs", plan.cpus()) : ", the host's time",
        plan.think() > 0 ? ", " + CostModel.duration(plan.think() * 1000) + " pauses" : "");
    int size = 15;
    while (size > 8 && 20 + Plot.textWidth(title, size) > WIDTH) {
      size--; // a long title gets a smaller font rather than running off the chart
    }
    c.text(20, 24, title, size, Anchor.START, Plot.INK);
    for (int i = 0; i < SERIES.length; i++) {
      double lx = left + i * 120;
      c.rect(lx, 38, 12, 10, COLOURS[i]);
      c.text(lx + 17, 47, SERIES[i], 12, Anchor.START, Plot.INK);
    }
    int step = x.labelStep(IntStream.rangeClosed(x.lo(), x.hi()).mapToDouble(e -> Plot.textWidth(Plot.decadeOfNs(e), TICK)).max().orElse(0));
    for (int e = x.lo(); e <= x.hi(); e++) {
      double px = x.at(LogAxis.pow10(e));
      c.line(px, TOP - 6, px, bottom, Plot.GRID, 1, false);
      if (LogAxis.labelled(e, step)) {
        c.line(px, bottom, px, bottom + 4, Plot.INK, 1, false);
        c.text(px, bottom + 16, Plot.decadeOfNs(e), TICK, Anchor.MIDDLE, Plot.INK);
      }
    }
    c.line(x.from(), bottom, x.to(), bottom, Plot.INK, 1, false);
    c.text((left + WIDTH - 30) / 2.0, bottom + 36, AXIS, 12, Anchor.MIDDLE, Plot.INK);
    for (int r = 0; r < results.size(); r++) {
      StressResult res = results.get(r);
      double y = TOP + r * ROW;
      c.text(left - 8, y + ROW / 2.0, res.revision(), LABEL, Anchor.END, Plot.INK);
      double[] v = values(res);
      for (int s = 0; s < v.length; s++) {
        if (v[s] > 0 && Double.isFinite(v[s])) {
          c.rect(left, y + s * BAR, Math.max(1, x.at(v[s]) - left), BAR - 1, COLOURS[s]);
        }
      }
    }
  }
}
