package dev.irqlab.cli;

import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.ScenarioException;
import dev.irqlab.conformance.ScenarioParser;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.conformance.report.RunReport;
import dev.irqlab.conformance.supervise.Supervisor;
import dev.irqlab.spi.LoadedRevision;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code irqlab run FILE}: the trace of a scenario written in the text format. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario written in the text format and print its trace: every entry point with"
          + " its return code, every callback, log lines and reports, and the final state.",
      "Exit status: 0 when the scenario ran (whatever it found), 2 when the file cannot be"
          + " read or parsed, or for another usage error."
    })
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The scenario, one operation per line.")
  Path file;

  @Option(names = "--revision", paramLabel = "ID|all",
      description = "The revision to run it on, or 'all' for every revision. Default: the newest"
          + " merged revision (the last in 'irqlab list' with status merged).")
  String revision;

  @Option(names = "--era", paramLabel = "ERA",
      description = "Run with this era's drivers. Default: each revision with its own.")
  String era;

  @Mixin TimeLimit timeLimit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (schema irqlab-run/2). Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() {
    boolean json = switch (format.toLowerCase(Locale.ROOT)) {
      case "text" -> false;
      case "json" -> true;
      default -> throw new UsageException("unknown format '" + format + "': expected text or json");
    };
    Scenario scenario = parse(file);
    Matrix m;
    try (Supervisor workers = timeLimit.supervisor()) {
      Revisions all = Revisions.load();
      List<LoadedRevision> on = revision == null ? List.of(all.newestMerged())
          : "all".equals(revision) ? all.all() : List.of(all.byId(revision));
      m = Revisions.run(new Suite(List.of(scenario), List.of()), on, era, workers);
    }
    List<Trace> traces = new ArrayList<>();
    for (Column c : m.columns()) {
      traces.addAll(c.traces());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(Reports.toJson(new RunReport(RunReport.SCHEMA, m.scenarios().get(0), traces)));
    } else {
      for (int i = 0; i < traces.size(); i++) {
        if (i > 0) {
          out.println();
        }
        traces.get(i).lines().forEach(out::println);
      }
    }
    out.flush();
    return Main.OK;
  }

  /** The scenario in {@code file}; a usage error saying where and why when it cannot be read. */
  static Scenario parse(Path file) {
    if (Files.isDirectory(file)) {
      throw new UsageException(file + ": is a directory: expected a scenario file");
    }
    try {
      return ScenarioParser.parse(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": no such file");
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read: " + e.getMessage());
    } catch (ScenarioException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
