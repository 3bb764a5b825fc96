package dev.irqlab.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The results of one {@code irqlab scale} run: a table of sizes by revisions (80 columns), and JSON. */
public final class ScaleReport {
  /** The version of the JSON layout. */
  public static final String SCHEMA = "irqlab-scale/1";
  private static final int COLUMN = 7;
  private static final int WIDTH = 80;

  private final ScalePlan plan;
  private final List<ScaleResult> results;

  public ScaleReport(ScalePlan plan, List<ScaleResult> results) {
    this.plan = plan;
    this.results = List.copyOf(results);
  }

  public List<ScaleResult> results() {
    return results;
  }

  public ScalePlan plan() {
    return plan;
  }

  /**
   * The median cost of one registration, one row per size and one column per revision (a long id
   * is split over two header lines at its first dash), then the cheapest revision at each size,
   * where the crossover shows, and why any revision stopped early.
   */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append("irqlab scale: the cost of one registration against the objects registered\n");
    out.append("(half producers, half consumers, none paired; median of timed batches)\n\n");
    for (List<ScaleResult> block : blocks()) {
      table(out, block);
    }
    out.append("Cheapest revision at each size:\n");
    for (long size : plan.sizes()) {
      cheapest(size).ifPresent(r -> out.append(String.format(Locale.ROOT, "  %7s  %s%n", count(size), r)));
    }
    for (ScaleResult r : results) {
      if (r.stopped() != null) {
        out.append(String.format(Locale.ROOT, "%n%s stopped: %s", r.name(), r.stopped()));
      }
    }
    out.append('\n');
    return out.toString();
  }

  /** The columns split into tables that each fit {@value #WIDTH} columns of text. */
  private List<List<ScaleResult>> blocks() {
    List<List<ScaleResult>> blocks = new ArrayList<>();
    List<ScaleResult> block = new ArrayList<>();
    int used = 7;
    for (ScaleResult r : results) {
      int w = 1 + width(r.name());
      if (!block.isEmpty() && used + w > WIDTH) {
        blocks.add(block);
        block = new ArrayList<>();
        used = 7;
      }
      block.add(r);
      used += w;
    }
    if (!block.isEmpty()) {
      blocks.add(block);
    }
    return blocks;
  }

  /** One table: a header on two lines, then a row per size. */
  private void table(StringBuilder out, List<ScaleResult> block) {
    StringBuilder top = new StringBuilder(String.format(Locale.ROOT, "%-7s", ""));
    StringBuilder bottom = new StringBuilder(String.format(Locale.ROOT, "%-7s", "OBJECTS"));
    for (ScaleResult r : block) {
      String[] head = header(r.name());
      top.append(String.format(Locale.ROOT, " %" + width(r.name()) + "s", head[0]));
      bottom.append(String.format(Locale.ROOT, " %" + width(r.name()) + "s", head[1]));
    }
    out.append(top.toString().stripTrailing()).append('\n').append(bottom).append('\n');
    for (long size : plan.sizes()) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%7s", count(size)));
      for (ScaleResult r : block) {
        ScaleResult.Point p = r.at(size);
        row.append(String.format(Locale.ROOT, " %" + width(r.name()) + "s", p == null ? "-" : compact(p.registerNs())));
      }
      out.append(row).append('\n');
    }
    out.append('\n');
  }

  /** A column's width: {@value #COLUMN}, or the longer line of its header. */
  static int width(String name) {
    String[] head = header(name);
    return Math.max(COLUMN, Math.max(head[0].length(), head[1].length()));
  }

  private Optional<String> cheapest(long size) {
    return results.stream()
        .filter(r -> !r.name().equals(ScaleRun.HASH_MAP) && r.at(size) != null)
        .min(Comparator.comparingDouble(r -> r.at(size).registerNs()))
        .map(r -> String.format(Locale.ROOT, "%-16s %s", r.name(), Durations.format(r.at(size).registerNs())));
  }

  /** A column header on two lines: the id whole when it fits, else split at its first dash. */
  static String[] header(String name) {
    int dash = name.indexOf('-');
    if (name.length() <= COLUMN || dash < 0) {
      return new String[] {"", name};
    }
    return new String[] {name.substring(0, dash), name.substring(dash + 1)};
  }

  /** {@code 10}, {@code 316}, {@code 3.2k}, {@code 100k}, {@code 1M}. */
  static String count(long n) {
    if (n < 1_000) {
      return Long.toString(n);
    }
    if (n < 1_000_000) {
      return n < 10_000 ? String.format(Locale.ROOT, "%.1fk", n / 1e3) : String.format(Locale.ROOT, "%.0fk", n / 1e3);
    }
    return String.format(Locale.ROOT, "%.2gM", n / 1e6).replace(".0M", "M");
  }

  /** A duration without the space, to fit a column: {@code 314ns}, {@code 47.6us}. */
  static String compact(double ns) {
    return Durations.format(ns).replace(" ", "");
  }

  /** The run as JSON ({@value #SCHEMA}), times in nanoseconds. */
  public String json() {
    List<Row> rows = new ArrayList<>();
    for (ScaleResult r : results) {
      List<Point> points = new ArrayList<>();
      for (ScaleResult.Point p : r.points()) {
        points.add(new Point(p.size(), p.registerNs(), p.unregisterNs(), p.listVisits()));
      }
      rows.add(new Row(r.name(), points, r.stopped()));
    }
    return ReportJson.write(new Document(SCHEMA, plan.max(), plan.budgetSeconds(), plan.sizes(), rows));
  }

  /** The JSON document, its fields in this order. */
  record Document(String schema, long max, double budgetSeconds, List<Long> sizes, List<Row> results) {}

  /** One revision's (or the HashMap's) line of {@code results}; {@code stopped} is null when every size was measured. */
  record Row(String name, List<Point> points, String stopped) {}

  /** {@link ScaleResult.Point} under the names of the JSON. */
  record Point(long size, double registerNs, double unregisterNs, double listNodesVisitedPerRegistration) {}
}
