package dev.irqlab.cli;

import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.HostSpec;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.ScenarioException;
import dev.irqlab.conformance.ScenarioParser;
import dev.irqlab.conformance.io.TextFile;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.io.TextFileException;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.conformance.report.RunReport;
import dev.irqlab.conformance.report.Text;
import dev.irqlab.conformance.supervise.Supervisor;
import dev.irqlab.spi.LoadedRevision;
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

  @Parameters(index = "0", paramLabel = "FILE", description = "The scenario, one operation per line; - for the standard input.")
  Path file;

  @Option(names = "--revision", paramLabel = "ID|all",
      description = "The revision to run it on, or 'all' for every revision. Default: the newest"
          + " merged revision (the last in 'irqlab list' with status merged).")
  String revision;

  @Option(names = "--era", paramLabel = "ERA",
      description = "Run with this era's drivers. Default: each revision with its own.")
  String era;

  @Option(names = "--host", paramLabel = "KEY=VALUE[,KEY=VALUE...]",
      description = "Host settings over the scenario's 'host' line: arch=x86|arm64, vendor=intel|amd,"
          + " apicv=0|1, posting=0|1, enable_device_posted_irqs=0|1.")
  String host;

  @Mixin TimeLimit timeLimit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (schema irqlab-run/2). Default: ${DEFAULT-VALUE}.")
  String format;

  @Mixin OutputFile output;

  @Override
  public Integer call() {
    boolean json = switch (format.toLowerCase(Locale.ROOT)) {
      case "text" -> false;
      case "json" -> true;
      default -> throw new UsageException("unknown format '" + format + "': expected text or json");
    };
    Scenario scenario = parse(file);
    if (host != null) {
      try {
        scenario = scenario.withHost(HostSpec.parse(host, scenario.host()));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--host: " + e.getMessage());
      }
    }
    output.check();
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
    String text;
    if (json) {
      text = Reports.toJson(new RunReport(RunReport.SCHEMA, m.scenarios().get(0), traces));
    } else {
      text = text(traces);
    }
    String summary = String.format(Locale.ROOT, "the trace of %s on %d revision%s", scenario.id(), traces.size(), traces.size() == 1 ? "" : "s");
    output.emit(spec.commandLine().getOut(), text, summary + ".");
    return InternalErrors.or(m, spec.commandLine().getErr(), Main.OK);
  }

  /** The traces as text, one after another, each line folded to fit 80 columns. */
  static String text(List<Trace> traces) {
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < traces.size(); i++) {
      if (i > 0) {
        t.append('\n');
      }
      Text.fold(traces.get(i).lines(), Text.WIDTH).forEach(l -> t.append(l).append('\n'));
    }
    return t.toString();
  }

  /**
   * The scenario in {@code file}, or on the standard input for {@code -}; a usage error saying
   * where and why when it cannot be read.
   */
  static Scenario parse(Path file) {
    try {
      if (file.toString().equals("-")) {
        byte[] bytes = System.in.readNBytes((int) ScenarioParser.MAX_BYTES + 1);
        if (bytes.length > ScenarioParser.MAX_BYTES) {
          throw new UsageException("<stdin>: longer than " + ScenarioParser.MAX_BYTES + " bytes: expected a scenario");
        }
        return ScenarioParser.parse("<stdin>", "stdin", TextFile.decode("<stdin>", bytes));
      }
      return ScenarioParser.parse(file);
    } catch (TextFileException | ScenarioException e) {
      throw new UsageException(e.getMessage());
    } catch (java.io.IOException e) {
      throw new UsageException("<stdin>: cannot be read: " + e.getMessage());
    }
  }
}
