package dev.irqlab.cli;

import dev.irqlab.bench.CostModel;
import dev.irqlab.bench.Progress;
import dev.irqlab.bench.Stress;
import dev.irqlab.bench.StressPlan;
import dev.irqlab.bench.StressReport;
import dev.irqlab.bench.StressResult;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stress of {@code irqlab stress} on the revisions a matrix ran, and the rows that put each
 * revision's cells beside its stress figures ({@code irqlab matrix --with-stress}). This is the
 * one place the matrix knows {@link Stress}, {@link StressPlan} and {@link StressResult}: the
 * rows it builds carry figures of its own ({@link Speed}), which is all {@link MatrixWithStress}
 * reads.
 */
final class StressRows {
  /** The irqfds of the stress by default: those of {@code irqlab stress}. */
  static final int IRQFDS = StressPlan.IRQFDS_DEFAULT;
  /** The tasks of the stress by default: the cores of the 2023 stress. */
  static final int TASKS = StressPlan.THREADS_2023;

  private final StressPlan plan;
  private final List<String> skipped = new ArrayList<>();
  private StressReport report;

  /**
   * A stress of {@code irqfds} irqfds made by {@code tasks} tasks, consumers only, in virtual
   * time on 144 virtual CPUs with the costs of the 2023 machine, as {@code irqlab stress} runs.
   *
   * @throws IllegalArgumentException for a plan the stress refuses
   */
  StressRows(int tasks, int irqfds) {
    this.plan = StressPlan.virtual(tasks, irqfds, false, StressPlan.THREADS_2023, CostModel.icx2023());
  }

  /**
   * What the stress runs of the matrix's {@code columns}: every revision module among them; or,
   * when {@code named} is false (the matrix ran every revision), those {@code irqlab stress}
   * runs by default, a patch series once by its last patch. The others are noted as skipped.
   */
  List<LoadedRevision> choose(List<LoadedRevision> columns, boolean named) {
    Set<String> designs = dev.irqlab.bench.Revisions.designs().stream().map(LoadedRevision::id).collect(Collectors.toSet());
    List<LoadedRevision> out = new ArrayList<>();
    List<String> patches = new ArrayList<>();
    for (LoadedRevision r : columns) {
      if (RevisionInfo.isMadeId(r.id())) {
        skipped.add(r.id() + ": not stressed: the stress runs the revision modules only");
      } else if (!named && !designs.contains(r.id())) {
        patches.add(r.id());
      } else {
        out.add(r);
      }
    }
    if (!patches.isEmpty()) {
      skipped.add(String.join(", ", patches) + ": not stressed: with no revision named, a patch series is"
          + " stressed once, by its last patch (--revisions names the others)");
    }
    return out;
  }

  /** Runs the stress on {@code revisions}, one after another, each in a JVM of its own, as {@code irqlab stress} does. */
  void run(List<LoadedRevision> revisions, PrintWriter err, boolean live) throws InterruptedException {
    if (revisions.isEmpty()) {
      report = new StressReport(plan, List.of());
      return;
    }
    try (Progress progress = new Progress(err, live, (long) plan.irqfds() * revisions.size())) {
      report = Stress.run(revisions, plan, 1, true, progress);
    }
  }

  /** One row per column of {@code m}, in its order; a revision the stress did not run has no {@link Speed}. */
  List<Row> rows(Matrix m) {
    List<Row> rows = new ArrayList<>();
    for (Column c : m.columns()) {
      StressResult r = report.results().stream().filter(s -> s.revision().equals(c.revision().id())).findFirst().orElse(null);
      rows.add(new Row(c, r == null ? null : new Speed(r.waitTime().mean(), r.waitTime().max(), r.holdTime().mean(),
          r.listVisitsPerRegistration(), r.makespan())));
    }
    return rows;
  }

  /** The stress's own first lines: {@code irqlab stress: 174000 irqfds created by ...}. */
  String headline() {
    return report.text().split("\n\n", 2)[0];
  }

  /** The stress's notes on what went wrong, then which revisions it did not run and why. */
  List<String> notes() {
    List<String> out = new ArrayList<>(report.notes());
    out.addAll(skipped);
    return out;
  }

  /** The stress as {@code irqlab stress --format json} prints it. */
  String json() {
    return report.json();
  }

  /**
   * A revision's cells and, when the stress ran it, its figures.
   *
   * @param column the matrix's column
   * @param speed its stress figures, or null when the stress did not run it
   */
  record Row(Column column, Speed speed) {}

  /**
   * What the combined table shows of a revision's stress.
   *
   * @param waitAvgNs the average wait of the contended acquisitions of the manager's mutex
   * @param waitMaxNs the longest of them
   * @param holdAvgNs how long an acquisition held the mutex, on average
   * @param nodesPerRegistration list nodes the manager's walks visited, per registration
   * @param seconds the stress's own time, from the first task starting to the last one ending
   */
  record Speed(double waitAvgNs, double waitMaxNs, double holdAvgNs, double nodesPerRegistration, double seconds) {}
}
