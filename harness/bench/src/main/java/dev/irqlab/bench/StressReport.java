package dev.irqlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results of one {@code irqlab stress} run, side by side: as text (80 columns) and as JSON. */
public final class StressReport {
  /** The version of the JSON layout; bumped when a field changes meaning or goes away. */
  public static final String SCHEMA = "irqlab-stress/2";

  /** Where the 2023 rows of the wait table come from. */
  static final String FIGURES_2023 =
      "2023: Like Xu's XArray patch, 174000 irqfds created at once on a 2.70GHz ICX\nw/ 144 cores: the wait to acquire the manager's mutex (the tool is not named)";

  /** The 2023 list run's wait: avg, min, max in ns. */
  static final double[] LIST_2023 = {117_855_314, 20, 11_428_340_858.0};
  /** The 2023 XArray run's wait: avg, min, max in ns. */
  static final double[] XARRAY_2023 = {314, 124, 47_637};

  private final StressPlan plan;
  private final List<StressResult> results;

  public StressReport(StressPlan plan, List<StressResult> results) {
    this.plan = plan;
    this.results = List.copyOf(results);
  }

  public List<StressResult> results() {
    return results;
  }

  /** The shortest total time of the run, for the ratios. */
  private double fastest() {
    return results.stream().mapToDouble(StressResult::makespan).min().orElse(1);
  }

  private boolean virtual() {
    return plan.clock() == StressPlan.Clock.VIRTUAL;
  }

  /** The two tables, the notes on anything that went wrong, and the 2023 figures. */
  public String text() {
    StringBuilder out = new StringBuilder();
    StressPlan.Churn c = plan.churn();
    if (c == null) {
      out.append(String.format(Locale.ROOT, "irqlab stress: %d irqfds created by %d tasks at once, %s,%n%s%n",
          plan.irqfds(), plan.threads(), plan.producers() ? "each with a VFIO producer" : "consumers only", where()));
    } else {
      out.append(wrap(String.format(Locale.ROOT, "irqlab stress --churn: %d VMs of %d irqfds each sleep %s and go; %d more, forked %s"
          + " after them, come and go %d times, sleeping %s; a fork every %s, a sleep up to %s late (timer slack, seed %d):"
          + " %d irqfds registered and unregistered, %s",
          c.backgroundVms(), c.irqfdsPerVm(), d(c.backgroundSleepNs()), c.testVms(), d(c.testStartNs()), c.rounds(), d(c.testSleepNs()),
          d(c.forkNs()), d(StressPlan.TIMER_SLACK_NS), plan.seed(), plan.irqfds(), where())));
    }
    if (virtual()) {
      out.append(wrap("costs: " + plan.costs().describe()
          + (plan.think() > 0 ? " think=" + CostModel.duration(plan.think() * 1000) + " (mean of exponential pauses, seed " + plan.seed() + ")" : "")));
    }
    out.append('\n');
    out.append("Mutex wait of the acquisitions that found it held, spinning included\n");
    out.append(String.format(Locale.ROOT, "%-15s %9s %9s %9s %9s %9s %10s%n", "REVISION", "AVG", "MIN", "P50", "P99", "MAX", "CONTENDED"));
    for (StressResult r : results) {
      Figures w = r.waitTime();
      out.append(String.format(Locale.ROOT, "%s %9s %9s %9s %9s %9s %9.1f%%%n", name(r.revision()), d(w.mean()), d(w.min()),
          d(w.p50()), d(w.p99()), d(w.max()), r.acquisitions() == 0 ? 0.0 : 100.0 * r.contentions() / r.acquisitions()));
    }
    out.append(row2023("2023 list", LIST_2023)).append(row2023("2023 xarray", XARRAY_2023));
    out.append('\n');
    out.append("Mutex hold time, list nodes visited per registration, " + (virtual() ? "virtual" : "total") + " time\n");
    out.append(String.format(Locale.ROOT, "%-15s %9s %9s %9s %11s %9s %9s%n", "REVISION", "HOLD AVG", "P99", "MAX", "NODES/REG", "TIME", "RATIO"));
    for (StressResult r : results) {
      Figures h = r.holdTime();
      out.append(String.format(Locale.ROOT, "%s %9s %9s %9s %11.1f %9s %8.1fx%n", name(r.revision()), d(h.mean()), d(h.p99()),
          d(h.max()), r.listVisitsPerRegistration(), d(r.makespan() * 1e9), r.makespan() / fastest()));
    }
    gap().ifPresent(g -> out.append('\n').append(g).append('\n'));
    List<String> notes = notes();
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(n -> out.append(n).append('\n'));
    }
    out.append('\n').append(FIGURES_2023).append('\n');
    return out.toString();
  }

  /** {@code line} broken at spaces into lines of at most 80 characters, the next ones indented by 2. */
  static String wrap(String line) {
    StringBuilder out = new StringBuilder();
    int width = 0;
    for (String word : line.split(" ")) {
      if (width > 0 && width + 1 + word.length() > 80) {
        out.append("\n  ");
        width = 2;
      } else if (width > 0) {
        out.append(' ');
        width++;
      }
      out.append(word);
      width += word.length();
    }
    return out.append('\n').toString();
  }

  /** Where the tasks ran, for the heading. */
  private String where() {
    if (virtual()) {
      return String.format(Locale.ROOT, "in virtual time on %d virtual CPU%s", plan.cpus(), plan.cpus() == 1 ? "" : "s");
    }
    return "in the host's time on " + (plan.cpus() == 0 ? "a CPU each" : plan.cpus() + " emulated CPU" + (plan.cpus() == 1 ? "" : "s"));
  }

  private static String row2023(String label, double[] wait) {
    return String.format(Locale.ROOT, "%-15s %9s %9s %9s %9s %9s %10s%n", label, d(wait[0]), d(wait[1]), "-", "-", d(wait[2]), "-");
  }

  /**
   * The gap between the revisions whose registrations walk lists and those whose do not: the
   * shortest average wait of the first against the longest of the second; empty unless the run
   * has both.
   */
  java.util.Optional<String> gap() {
    StressResult lists = null;
    StressResult others = null;
    for (StressResult r : results) {
      if (r.waitTime().count() == 0) {
        continue;
      }
      if (r.listVisitsPerRegistration() > 0) {
        lists = lists == null || r.waitTime().mean() < lists.waitTime().mean() ? r : lists;
      } else {
        others = others == null || r.waitTime().mean() > others.waitTime().mean() ? r : others;
      }
    }
    if (lists == null || others == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(String.format(Locale.ROOT,
        "Lists against the rest: the shortest average wait of a revision that walks%nlists (%s, %s) is %.0f times the longest of one that walks none%n(%s, %s).",
        lists.revision(), d(lists.waitTime().mean()), lists.waitTime().mean() / others.waitTime().mean(), others.revision(),
        d(others.waitTime().mean())));
  }

  /** A row's first column: the id in 15 characters, or a longer id on a line of its own. */
  static String name(String revision) {
    return revision.length() <= 15 ? String.format(Locale.ROOT, "%-15s", revision) : revision + "\n" + " ".repeat(15);
  }

  /**
   * One line for each thing that went wrong: irqfds that failed, consumers or pairs short of the
   * irqfds made, reports the kernel logged; none on a clean run.
   */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (StressResult r : results) {
      int expected = plan.churn() != null ? 0 : r.irqfds() - r.failed(); // VMs that come and go leave none behind
      if (r.failed() > 0) {
        notes.add(String.format(Locale.ROOT, "%s: %d irqfds failed", r.revision(), r.failed()));
      }
      if (r.consumers() != expected) {
        notes.add(plan.churn() != null
            ? String.format(Locale.ROOT, "%s: %d consumers still registered once every VM had gone", r.revision(), r.consumers())
            : String.format(Locale.ROOT, "%s: %d consumers registered, %d irqfds made", r.revision(), r.consumers(), expected));
      }
      if (plan.producers() && r.connections() != expected) {
        notes.add(String.format(Locale.ROOT, "%s: %d pairs connected, %d expected", r.revision(), r.connections(), expected));
      }
      if (r.reports() > 0) {
        notes.add(String.format(Locale.ROOT, "%s: the kernel logged %d reports", r.revision(), r.reports()));
      }
    }
    return notes;
  }

  /**
   * The run as JSON ({@value #SCHEMA}); times in nanoseconds but {@code seconds}, the host's wall
   * time; {@code makespanNs} is the run's own time, virtual with the virtual clock.
   */
  public String json() {
    List<Row> rows = new ArrayList<>();
    for (StressResult r : results) {
      rows.add(new Row(r.revision(), r.era(), r.lock(), r.irqfds(), r.failed(), r.consumers(), r.connections(), r.seconds(),
          Math.round(r.makespan() * 1e9), r.makespan() / fastest(), r.acquisitions(), r.contentions(), Times.of(r.waitTime()), Times.of(r.holdTime()),
          r.listVisitsPerRegistration(), r.reports()));
    }
    return ReportJson.write(new Document(SCHEMA, plan.threads(), plan.irqfds(), plan.producers(), plan.clock().name().toLowerCase(Locale.ROOT),
        plan.cpus(), virtual() ? plan.costs().nanos() : null, virtual() ? plan.think() : null, virtual() ? plan.seed() : null, plan.churn(), rows));
  }

  /**
   * The JSON document, its fields in this order; {@code costNs}, {@code thinkNs} (the mean pause
   * after each irqfd, 0 for none) and {@code seed} (what the pauses are drawn from) only in
   * virtual time; {@code churn} only for VMs that come and go ({@link StressPlan.Churn}, its
   * durations in ns).
   */
  record Document(String schema, int threads, int irqfds, boolean producers, String clock, int cpus, java.util.Map<String, Double> costNs,
      Long thinkNs, Long seed, StressPlan.Churn churn, List<Row> results) {}

  /** One revision's line of {@code results}. */
  record Row(
      String revision,
      String era,
      String lock,
      int irqfds,
      int failed,
      int consumers,
      int connections,
      double seconds,
      long makespanNs,
      double ratioToFastest,
      long acquisitions,
      long contentions,
      Times waitNs,
      Times holdNs,
      double listNodesVisitedPerRegistration,
      int reports) {}

  /** {@link Figures} under the names of the JSON ({@code avg} for the mean). */
  record Times(long count, double avg, long min, long p50, long p99, long p999, long max) {
    static Times of(Figures f) {
      return new Times(f.count(), f.mean(), f.min(), f.p50(), f.p99(), f.p999(), f.max());
    }
  }

  private static String d(double ns) {
    return Durations.format(ns);
  }
}
