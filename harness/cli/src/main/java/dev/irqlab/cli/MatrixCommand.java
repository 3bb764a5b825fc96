package dev.irqlab.cli;

import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.report.Format;
import dev.irqlab.conformance.report.Views;
import dev.irqlab.conformance.supervise.Supervisor;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code irqlab matrix}: the conformance suite on every revision. */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    description = {
      "Run the conformance suite on the revisions and show clauses by revisions.",
      "Exit status: 0 when every cell is as its revision declares, 1 when one is not"
          + " (an undeclared failure or a stale declaration), 2 for a usage error."
    })
final class MatrixCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
      description = "text (80 columns, for a mail), markdown, json (a report for 'irqlab diff'), ktap or html."
          + " Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--revisions", paramLabel = "ID", split = ",",
      description = "Only these revisions (comma-separated ids; see 'irqlab list'). Default: all.")
  List<String> revisions;

  @Option(names = "--era", paramLabel = "ERA",
      description = "Run every revision with this era's drivers. Default: each with its own.")
  String era;

  @Mixin TimeLimit timeLimit;

  @Mixin OutputFile output;

  @Override
  public Integer call() {
    output.check();
    Matrix m;
    try (Supervisor workers = timeLimit.supervisor()) {
      m = Revisions.run(Suite.standard(), Revisions.load().select(revisions), era, workers);
    }
    String text = format.render(m);
    output.emit(spec.commandLine().getOut(), text, Views.headline(m) + ". " + Views.verdict(m));
    return InternalErrors.or(m, spec.commandLine().getErr(), exitCode(m));
  }

  /** 0 when every cell is as its revision declares, else 1. */
  static int exitCode(Matrix m) {
    return m.asDeclared() ? Main.OK : Main.UNEXPECTED;
  }
}
