package dev.irqlab.cli;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Clause;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.report.Text;
import dev.irqlab.conformance.report.Views;
import dev.irqlab.conformance.supervise.Supervisor;
import dev.irqlab.spi.Link;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code irqlab explain CLAUSE}: one clause, where it comes from, and how each revision fares. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Show a clause: its statement, rationale and sources, the scenarios it reads, and its"
          + " grade on each revision with the detail and any declared deviation.",
      "Exit status: 0 when every revision is as it declares on this clause, 1 when one is"
          + " not, 2 for a usage error."
    })
final class ExplainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CLAUSE", description = "A clause id, such as ERR-02.")
  String id;

  @Option(names = "--revisions", paramLabel = "ID", split = ",",
      description = "Only these revisions (comma-separated ids). Default: all.")
  List<String> revisions;

  @Option(names = "--era", paramLabel = "ERA",
      description = "Run every revision with this era's drivers. Default: each with its own.")
  String era;

  @Mixin TimeLimit timeLimit;

  @Override
  public Integer call() {
    Suite standard = Suite.standard();
    Clause clause = standard.clause(id.toUpperCase(Locale.ROOT)).orElseThrow(() -> new UsageException(
        "unknown clause '" + id + "': the clauses are " + String.join(", ", standard.clauses().stream().map(Clause::id).toList())));
    Matrix m;
    try (Supervisor workers = timeLimit.supervisor()) {
      // Every scenario runs: a clause may read all traces (the global invariants do).
      m = Revisions.run(new Suite(standard.scenarios(), List.of(clause)), Revisions.load().select(revisions), era, workers);
    }
    PrintWriter out = spec.commandLine().getOut();
    text(clause, standard, m).forEach(out::println);
    out.flush();
    return MatrixCommand.exitCode(m);
  }

  /** What {@code explain} prints of {@code clause}, whose cells are in {@code m}: within 80 columns. */
  static List<String> text(Clause clause, Suite standard, Matrix m) {
    List<String> lines = new ArrayList<>();
    describe(clause, standard, lines);
    lines.add("");
    lines.add("On each revision (" + Views.drivers(m) + "):");
    int width = m.columns().stream().mapToInt(c -> c.revision().id().length()).max().orElse(8);
    for (Column c : m.columns()) {
      c.cell(clause.id()).ifPresent(cell -> grade(c, cell, width, lines));
    }
    return lines;
  }

  private static void describe(Clause c, Suite suite, List<String> lines) {
    lines.add(c.id() + " (" + c.category().title() + ")");
    lines.addAll(Text.wrapLines(c.statement(), Text.WIDTH));
    lines.add("");
    lines.addAll(Text.hanging("Why:", c.rationale(), 5));
    lines.add("");
    lines.add("Sources:");
    for (Link l : c.sources()) {
      lines.addAll(Text.hanging("  ", l.label(), 2));
      lines.add(Text.url(l.url(), 4));
    }
    lines.add("");
    lines.add(c.scenarios().isEmpty() ? "Scenarios: every scenario of the suite." : "Scenarios:");
    for (String s : c.scenarios()) {
      String title = suite.scenario(s).map(Scenario::title).orElse("");
      lines.addAll(Text.hanging("  " + s + "  ", title, 4));
    }
  }

  private static void grade(Column c, Cell cell, int width, List<String> lines) {
    String head = String.format(Locale.ROOT, "  %-" + width + "s  %-5s  ", c.revision().id(), cell.grade().mark());
    int indent = head.length();
    String detail = cell.grade().unexpected() ? Views.why(cell) : Text.oneLine(cell.detail());
    lines.addAll(Text.hanging(head, detail, indent));
    if (cell.deviation() != null) {
      String pad = " ".repeat(indent);
      lines.addAll(Text.hanging(pad + "declared:", cell.deviation().why(), indent + 2));
      for (String symptom : cell.deviation().symptoms()) {
        lines.addAll(Text.hanging(pad + "  shows as ", symptom, indent + 4));
      }
      lines.addAll(Text.hanging(pad + "  ", cell.deviation().label(), indent + 2));
      lines.add(Text.url(cell.deviation().url(), indent + 2));
    }
  }
}
