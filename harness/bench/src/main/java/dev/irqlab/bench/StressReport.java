package dev.irqlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results of one {@code irqlab stress} run, side by side: as text (80 columns) and as JSON. */
public final class StressReport {
  /** The version of the JSON layout; bumped when a field changes meaning or goes away. */
  public static final String SCHEMA = "irqlab-stress/1";

  /** The 2023 figures this workload reproduces, for the footnote. */
  static final String FIGURES_2023 =
      "The 2023 figures (Like Xu's XArray patch), 174000 irqfds on a 144-core ICX:\n"
          + "  list   mutex wait avg 117.855314 ms, min 20 ns, max 11428.340858 ms\n"
          + "  xarray mutex wait avg 314 ns, min 124 ns, max 47637 ns";

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
    return results.stream().mapToDouble(StressResult::seconds).min().orElse(1);
  }

  /** The two tables, the notes on anything that went wrong, and the 2023 figures. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "irqlab stress: %d irqfds created by %d tasks at once on %s,%n%s%n%n",
        plan.irqfds(), plan.threads(), plan.cpus() == 0 ? "a CPU each" : plan.cpus() + " emulated CPU" + (plan.cpus() == 1 ? "" : "s"),
        plan.producers() ? "each with a VFIO producer" : "consumers only"));
    out.append("Mutex wait, contended acquisitions only (lock_stat waittime)\n");
    out.append(String.format(Locale.ROOT, "%-15s %9s %9s %9s %9s %9s %10s%n", "REVISION", "AVG", "MIN", "P50", "P99", "MAX", "CONTENDED"));
    for (StressResult r : results) {
      Figures w = r.waitTime();
      out.append(String.format(Locale.ROOT, "%s %9s %9s %9s %9s %9s %9.1f%%%n", name(r.revision()), d(w.mean()), d(w.min()),
          d(w.p50()), d(w.p99()), d(w.max()), r.acquisitions() == 0 ? 0.0 : 100.0 * r.contentions() / r.acquisitions()));
    }
    out.append('\n');
    out.append("Mutex hold time, list nodes visited per registration, total time\n");
    out.append(String.format(Locale.ROOT, "%-15s %9s %9s %9s %11s %9s %9s%n", "REVISION", "HOLD AVG", "P99", "MAX", "NODES/REG", "TIME", "RATIO"));
    for (StressResult r : results) {
      Figures h = r.holdTime();
      out.append(String.format(Locale.ROOT, "%s %9s %9s %9s %11.1f %9s %8.1fx%n", name(r.revision()), d(h.mean()), d(h.p99()),
          d(h.max()), r.listVisitsPerRegistration(), d(r.seconds() * 1e9), r.seconds() / fastest()));
    }
    List<String> notes = notes();
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(n -> out.append(n).append('\n'));
    }
    out.append('\n').append(FIGURES_2023).append('\n');
    return out.toString();
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
      int expected = r.irqfds() - r.failed();
      if (r.failed() > 0) {
        notes.add(String.format(Locale.ROOT, "%s: %d irqfds failed", r.revision(), r.failed()));
      }
      if (r.consumers() != expected) {
        notes.add(String.format(Locale.ROOT, "%s: %d consumers registered, %d irqfds made", r.revision(), r.consumers(), expected));
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

  /** The run as JSON ({@value #SCHEMA}); times in nanoseconds but {@code seconds}. */
  public String json() {
    List<Row> rows = new ArrayList<>();
    for (StressResult r : results) {
      rows.add(new Row(r.revision(), r.era(), r.lock(), r.irqfds(), r.failed(), r.consumers(), r.connections(), r.seconds(),
          r.seconds() / fastest(), r.acquisitions(), r.contentions(), Times.of(r.waitTime()), Times.of(r.holdTime()),
          r.listVisitsPerRegistration(), r.reports()));
    }
    return ReportJson.write(new Document(SCHEMA, plan.threads(), plan.irqfds(), plan.producers(), plan.cpus(), rows));
  }

  /** The JSON document, its fields in this order. */
  record Document(String schema, int threads, int irqfds, boolean producers, int cpus, List<Row> results) {}

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
