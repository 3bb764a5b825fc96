package dev.irqlab.cli;

import dev.irqlab.conformance.Clause;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.report.Format;
import dev.irqlab.conformance.report.Views;
import dev.irqlab.conformance.supervise.Supervisor;
import dev.irqlab.spi.LoadedRevision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
      "With --series NAME, the columns are the revision the series applies to, then its"
          + " patches in order; the text says, patch by patch, which cells (and drivers) each"
          + " patch changes.",
      "With --with-stress, the stress of 'irqlab stress' follows on the same revisions (with none"
          + " named, a patch series by its last patch), and instead of the matrix one table shows each"
          + " revision's cells beside its mutex wait and hold.",
      "Exit status: 0 when every cell is as its revision declares, 1 when one is not"
          + " (an undeclared failure or a stale declaration), 2 for a usage error; the stress does"
          + " not change it."
    })
final class MatrixCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
      description = "text (80 columns, for a mail), markdown, json (a report for 'irqlab diff'), ktap, html,"
          + " or junit (JUnit XML, for CI systems)."
          + " Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--revisions", paramLabel = "ID", split = ",",
      description = "Only these revisions (comma-separated ids; see 'irqlab list'). Default: all.")
  List<String> revisions;

  @Option(names = "--series", paramLabel = "NAME",
      description = "The patches of series NAME side by side, after the revision patch 1 applies to"
          + " (see 'irqlab list'). Not with --revisions.")
  String series;

  @Option(names = "--era", paramLabel = "ERA",
      description = "Run every revision with this era's drivers. Default: each with its own.")
  String era;

  @Option(names = "--clauses", paramLabel = "ID", split = ",",
      description = "Only these clauses (comma-separated ids, such as ERR-02,LOCK-01). Default: all.")
  List<String> clauses;

  @Option(names = "--only-unexpected",
      description = "Show only the clauses with a cell not as its revision declares (FAIL or STALE)."
          + " The exit status is the same.")
  boolean onlyUnexpected;

  @Option(names = "--with-stress",
      description = "Then run the stress on the same revisions and show a row per revision: its cells, its"
          + " stress figures. Text, or json (the matrix's report and the stress's, whole); not with --era.")
  boolean withStress;

  @Option(names = "--stress-irqfds", paramLabel = "N",
      description = "With --with-stress: irqfds the stress creates in all. Default: ${DEFAULT-VALUE}.")
  int stressIrqfds = StressRows.IRQFDS;

  @Option(names = "--stress-tasks", paramLabel = "T",
      description = "With --with-stress: tasks creating them at once. Default: ${DEFAULT-VALUE}.")
  int stressTasks = StressRows.TASKS;

  @Mixin TimeLimit timeLimit;

  @Mixin OutputFile output;

  @Override
  public Integer call() throws InterruptedException {
    output.check();
    StressRows stress = stress();
    Suite suite = suite(clauses);
    Revisions all = Revisions.load();
    PatchSeries patches = series == null ? null : series(all);
    List<LoadedRevision> columns = patches == null ? all.select(revisions) : columns(patches);
    Matrix m;
    try (Supervisor workers = timeLimit.supervisor()) {
      m = Revisions.run(suite, columns, era, workers);
    }
    Matrix shown = onlyUnexpected ? unexpectedOnly(m) : m;
    String text;
    if (stress != null) {
      boolean named = patches != null || (revisions != null && !revisions.isEmpty());
      stress.run(stress.choose(columns, named), spec.commandLine().getErr(), System.console() != null);
      text = format == Format.JSON ? MatrixWithStress.json(shown, stress) : MatrixWithStress.text(m, stress);
    } else {
      text = render(m, shown, patches);
    }
    output.emit(spec.commandLine().getOut(), text, Views.headline(shown) + ". " + Views.verdict(m));
    return InternalErrors.or(m, spec.commandLine().getErr(), exitCode(m));
  }

  /** The matrix as --format has it: {@code shown}, the matrix {@code m} as --only-unexpected leaves it. */
  private String render(Matrix m, Matrix shown, PatchSeries patches) {
    String text = shown.clauses().isEmpty() && !m.clauses().isEmpty() && format == Format.TEXT
        ? "irqlab matrix: " + Views.headline(m) + "\n\n" + Views.verdict(m) + " Nothing unexpected to show.\n"
        : format.render(shown);
    if (patches != null && format == Format.TEXT) {
      text = afterHeadline(text, SeriesSteps.lines(patches, m));
    }
    return text;
  }

  /**
   * The stress --with-stress asks for, its options checked before the suite runs; null without
   * --with-stress, which the --stress options need.
   */
  private StressRows stress() {
    CommandLine cl = spec.commandLine();
    if (!withStress) {
      for (String option : List.of("--stress-irqfds", "--stress-tasks")) {
        if (cl.getParseResult().hasMatchedOption(option)) {
          throw new CommandLine.ParameterException(cl, option + " needs --with-stress");
        }
      }
      return null;
    }
    if (format != Format.TEXT && format != Format.JSON) {
      throw new CommandLine.ParameterException(cl, "--with-stress shows text or json, not " + format.id());
    }
    if (era != null) {
      throw new CommandLine.ParameterException(cl, "--with-stress and --era do not go together: the stress runs"
          + " each revision with the drivers of its own era");
    }
    if (stressTasks < 1) {
      throw new CommandLine.ParameterException(cl, "--stress-tasks must be at least 1, not " + stressTasks);
    }
    if (stressIrqfds < stressTasks) {
      throw new CommandLine.ParameterException(cl, "--stress-irqfds must be at least one per task (--stress-tasks "
          + stressTasks + "), not " + stressIrqfds);
    }
    return Measure.parse(cl, () -> new StressRows(stressTasks, stressIrqfds));
  }

  /** The series --series names; a usage error for an unknown one, or with --revisions. */
  private PatchSeries series(Revisions all) {
    if (revisions != null && !revisions.isEmpty()) {
      throw new UsageException("--series and --revisions both choose the columns: give one of them");
    }
    return PatchSeries.named(all.all(), series);
  }

  /** The revision a series applies to, when it is on the class path, then its patches in order. */
  static List<LoadedRevision> columns(PatchSeries s) {
    List<LoadedRevision> out = new ArrayList<>();
    s.base().ifPresent(out::add);
    out.addAll(s.patches());
    return out;
  }

  /** {@code text} with {@code lines} and a blank line after its first line and the blank line that follows it. */
  static String afterHeadline(String text, List<String> lines) {
    int end = text.indexOf("\n\n");
    return end < 0 ? text : text.substring(0, end + 2) + String.join("\n", lines) + "\n" + text.substring(end + 1);
  }

  /** The standard suite, with only the clauses named (each checked), or all of them. */
  static Suite suite(List<String> ids) {
    Suite standard = Suite.standard();
    if (ids == null || ids.isEmpty()) {
      return standard;
    }
    List<Clause> chosen = new ArrayList<>();
    for (String id : ids) {
      Clause c = standard.clause(id.strip().toUpperCase(Locale.ROOT)).orElseThrow(() -> new UsageException(
          "--clauses: no clause '" + id.strip() + "': the clauses are " + String.join(", ", standard.clauses().stream().map(Clause::id).toList())));
      if (!chosen.contains(c)) {
        chosen.add(c);
      }
    }
    return new Suite(standard.scenarios(), chosen);
  }

  /** The matrix with only the clauses that have a cell not as declared, in any column. */
  static Matrix unexpectedOnly(Matrix m) {
    Set<String> keep = new LinkedHashSet<>();
    for (Column c : m.columns()) {
      c.cells().stream().filter(cell -> cell.grade().unexpected()).forEach(cell -> keep.add(cell.clause()));
    }
    List<Column> columns = new ArrayList<>();
    for (Column c : m.columns()) {
      columns.add(new Column(c.revision(), c.cells().stream().filter(cell -> keep.contains(cell.clause())).toList(), c.traces()));
    }
    return new Matrix(m.schema(), m.clauses().stream().filter(ci -> keep.contains(ci.id())).toList(), m.scenarios(), columns);
  }

  /** 0 when every cell is as its revision declares, else 1. */
  static int exitCode(Matrix m) {
    return m.asDeclared() ? Main.OK : Main.UNEXPECTED;
  }
}
