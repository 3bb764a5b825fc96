package dev.irqlab.cli;

import dev.irqlab.bench.Durations;
import dev.irqlab.bench.Plot;
import dev.irqlab.bench.Revisions;
import dev.irqlab.bench.ScaleChart;
import dev.irqlab.bench.ScaleFork;
import dev.irqlab.bench.ScalePlan;
import dev.irqlab.bench.ScaleReport;
import dev.irqlab.bench.ScaleResult;
import dev.irqlab.bench.ScaleRun;
import dev.irqlab.conformance.report.AtomicFile;
import dev.irqlab.spi.LoadedRevision;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code irqlab scale}: registration cost against the number of registered objects. */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the cost of one registration against the number of objects already registered,"
          + " from 10 to 10^6 in half decades, on every revision (or those named), next to a"
          + " java.util.HashMap put: where a list stops being cheaper than an xarray.",
      "A list revision's fill costs O(n^2): it stops at the size its --budget allows."
    })
final class ScaleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "REVISION", arity = "0..*", description = "Revisions to run (default: every revision in history order, a patch series by its last patch).")
  List<String> ids;

  @Option(names = "--max", paramLabel = "N", description = "The most objects registered (default: ${DEFAULT-VALUE}).")
  long max = 1_000_000;

  @Option(names = "--budget", paramLabel = "SECONDS", description = "Time one revision may take (default: ${DEFAULT-VALUE}).")
  double budget = 30;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the curves into FILE: SVG, or PNG when its name ends in .png.")
  Path plot;

  @Option(names = "--no-fork", description = "Measure every revision in this JVM instead of each in a fresh one.")
  boolean noFork;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Measure.checkFormat(spec.commandLine(), format);
    Output.check(plot);
    ScalePlan plan = Measure.parse(spec.commandLine(), () -> new ScalePlan(max, budget));
    List<LoadedRevision> revisions = Measure.parse(spec.commandLine(), () -> Revisions.select(dev.irqlab.cli.Revisions.load().canonical(ids)));
    ScaleRun run = new ScaleRun(plan);
    List<ScaleResult> results = new ArrayList<>();
    for (LoadedRevision r : revisions) {
      results.add(done(err, noFork ? run.run(r) : ScaleFork.run(r.id(), plan)));
    }
    results.add(done(err, noFork ? run.runHashMap() : ScaleFork.run(ScaleRun.HASH_MAP, plan)));
    ScaleReport report = new ScaleReport(plan, results);
    out.print(format.equals("json") ? report.json() : report.text());
    if (plot != null) {
      AtomicFile.write(plot, Plot.render(plot, ScaleChart.WIDTH, ScaleChart.HEIGHT, new ScaleChart(report)::draw));
      err.println("irqlab: wrote " + plot);
    }
    return Main.OK;
  }

  private static ScaleResult done(PrintWriter err, ScaleResult r) {
    ScaleResult.Point last = r.points().get(r.points().size() - 1);
    err.println(String.format(Locale.ROOT, "%-15s up to %d objects: %s per registration", r.name(), last.size(), Durations.format(last.registerNs())));
    err.flush();
    return r;
  }
}
