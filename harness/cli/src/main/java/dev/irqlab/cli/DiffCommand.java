package dev.irqlab.cli;

import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.report.MailDiff;
import dev.irqlab.conformance.report.ReportDiff;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.conformance.report.Text;
import dev.irqlab.conformance.supervise.Supervisor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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

/** {@code irqlab diff A B}: how the behaviour of one revision, or one saved report, differs from another's. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show the clauses whose verdict differs between A and B, then a unified diff of the trace"
          + " of each scenario that differs. Plain text within 80 columns, for a mail; with"
          + " --format mail, the body of a reply to the patch: a one-line summary, the clauses"
          + " that got worse and those that changed otherwise, their traces cut to the changed"
          + " lines, and a Link: trailer for each source they cite.",
      "",
      "A and B are each one of:",
      "  ID            a revision (see 'irqlab list'): the suite runs on it now;",
      "  FILE          a report saved by 'irqlab matrix --format json -o FILE';",
      "  FILE:ID       the column of revision ID in that report.",
      "A report without :ID stands for its only revision if it has one; else for the revision"
          + " of the same id as the other side's; when both sides are whole reports, every"
          + " revision they both have is compared, one after another.",
      "",
      "Exit status: 0 when the comparison ran, whether or not anything differs; with"
          + " --exit-code, 1 when a verdict is worse on B (a FAIL or STALE cell A has not, or a clause"
          + " that holds on A and fails on B); 2 for a usage error (an unknown revision, a missing or"
          + " malformed report)."
    })
final class DiffCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The side before: ID, FILE or FILE:ID.")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "The side after: ID, FILE or FILE:ID.")
  String b;

  @Option(names = "--era", paramLabel = "ERA",
      description = "Run the revisions named by id with this era's drivers. Default: each with its own.")
  String era;

  @Option(names = "--exit-code",
      description = "Exit 1 when a verdict is worse on B than on A, as git diff --exit-code exits 1 on a difference:"
          + " for a CI job that must not let a patch make a clause fail.")
  boolean exitCode;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (the whole diff) or mail (the body of a reply to the patch, for one pair)."
          + " Default: ${DEFAULT-VALUE}.")
  String format;

  @Mixin OutputFile output;

  @Mixin TimeLimit timeLimit;

  /**
   * One side as the user named it.
   *
   * @param label how the diff names it: the id, the file, or FILE:ID
   * @param report the report, or null for a revision to run
   * @param revision the revision id, or null for a whole report
   */
  private record Operand(String label, Matrix report, String revision) {}

  @Override
  public Integer call() {
    boolean mail = switch (format.toLowerCase(Locale.ROOT)) {
      case "text" -> false;
      case "mail" -> true;
      default -> throw new UsageException("unknown format '" + format + "': diff writes text or mail");
    };
    output.check();
    Revisions all = Revisions.load();
    Operand x = operand(a, all);
    Operand y = operand(b, all);
    List<String> run = new ArrayList<>();
    for (Operand o : List.of(x, y)) {
      if (o.report() == null && !run.contains(o.revision())) {
        run.add(o.revision());
      }
    }
    Matrix now = null;
    if (!run.isEmpty()) {
      try (Supervisor workers = timeLimit.supervisor()) {
        now = Revisions.run(Suite.standard(), all.select(run), Revisions.era(era), workers);
      }
    }
    List<ReportDiff.Side[]> pairs = pairs(x, y, now);
    if (mail && pairs.size() > 1) {
      throw new UsageException("--format mail compares one pair, and " + x.label() + " and " + y.label()
          + " have " + pairs.size() + " revisions in common: name one column of each as FILE:ID");
    }
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    for (int i = 0; i < pairs.size(); i++) {
      if (i > 0) {
        out.println();
      }
      out.print(mail ? MailDiff.of(pairs.get(i)[0], pairs.get(i)[1]) : ReportDiff.diff(pairs.get(i)[0], pairs.get(i)[1]));
    }
    if (!mail && x.report() != null && y.report() != null && x.revision() == null && y.revision() == null) {
      only(x, y, out);
      only(y, x, out);
    }
    out.flush();
    String summary = String.format(Locale.ROOT, "%s against %s, %d revision%s compared.", x.label(), y.label(),
        pairs.size(), pairs.size() == 1 ? "" : "s");
    List<String> worse = new ArrayList<>();
    for (ReportDiff.Side[] pair : pairs) {
      for (String clause : ReportDiff.worse(pair[0], pair[1])) {
        worse.add(pairs.size() == 1 ? clause : pair[1].label() + " " + clause);
      }
    }
    output.emit(spec.commandLine().getOut(), text.toString(), summary);
    if (exitCode && !worse.isEmpty()) {
      Text.hanging("irqlab: worse on " + y.label() + ":", String.join(", ", worse), 4).forEach(spec.commandLine().getErr()::println);
      return Main.UNEXPECTED;
    }
    return Main.OK;
  }

  /** Reads one side: a report file, FILE:ID, or a revision id. */
  private static Operand operand(String arg, Revisions all) {
    if (isFile(arg)) {
      Matrix m = Reports.read(Path.of(arg));
      if (m.columns().size() == 1) {
        String id = m.columns().get(0).revision().id();
        return new Operand(arg + ":" + id, m, id);
      }
      return new Operand(arg, m, null);
    }
    int colon = reportColon(arg);
    if (colon > 0) {
      String file = arg.substring(0, colon);
      String id = arg.substring(colon + 1);
      Matrix m = Reports.read(Path.of(file));
      if (m.column(id).isEmpty()) {
        throw new UsageException(file + " has no revision '" + id + "': it has " + ids(m));
      }
      return new Operand(arg, m, id);
    }
    if (all.has(arg)) {
      return new Operand(arg, null, all.canonical(arg));
    }
    if (arg.endsWith(".json") || arg.contains("/") || arg.contains(":")) {
      int last = arg.lastIndexOf(':');
      throw new UsageException((last > 0 ? arg.substring(0, last) : arg) + ": no such file");
    }
    throw new UsageException("'" + arg + "' is neither a revision nor a report file: the revisions are " + all.ids());
  }

  /**
   * Where FILE ends in FILE:ID: the first colon with a regular file before it (an id may have
   * colons of its own, as {@code c:PATH@REF} has), or -1.
   */
  private static int reportColon(String arg) {
    for (int colon = arg.indexOf(':'); colon > 0; colon = arg.indexOf(':', colon + 1)) {
      if (isFile(arg.substring(0, colon))) {
        return colon;
      }
    }
    return -1;
  }

  /** Whether {@code name} is a regular file; false for a name no file can have (a NUL character). */
  private static boolean isFile(String name) {
    try {
      return Files.isRegularFile(Path.of(name));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** The columns to compare, each pair in the order A, B. */
  private static List<ReportDiff.Side[]> pairs(Operand x, Operand y, Matrix now) {
    List<ReportDiff.Side[]> out = new ArrayList<>();
    if (x.revision() == null && y.revision() == null) {
      for (Column c : x.report().columns()) {
        String id = c.revision().id();
        if (y.report().column(id).isPresent()) {
          out.add(new ReportDiff.Side[] {side(x, now, id), side(y, now, id)});
        }
      }
      if (out.isEmpty()) {
        throw new UsageException(x.label() + " and " + y.label() + " have no revision in common: name one"
            + " column of each as FILE:ID (" + x.label() + " has " + ids(x.report()) + ")");
      }
      return out;
    }
    String idX = x.revision() != null ? x.revision() : y.revision();
    String idY = y.revision() != null ? y.revision() : x.revision();
    out.add(new ReportDiff.Side[] {side(x, now, idX), side(y, now, idY)});
    return out;
  }

  private static ReportDiff.Side side(Operand o, Matrix now, String id) {
    if (o.report() == null) {
      return ReportDiff.Side.of(id, now, id);
    }
    if (o.report().column(id).isEmpty()) {
      throw new UsageException(o.label() + " has no revision '" + id + "': name one of its revisions as "
          + o.label() + ":ID (it has " + ids(o.report()) + ")");
    }
    return ReportDiff.Side.of(o.revision() == null ? o.label() + ":" + id : o.label(), o.report(), id);
  }

  private static void only(Operand x, Operand y, PrintWriter out) {
    List<String> ids = x.report().columns().stream().map(c -> c.revision().id()).filter(id -> y.report().column(id).isEmpty()).toList();
    if (!ids.isEmpty()) {
      out.println();
      Text.hanging("Only in " + x.label() + ":", String.join(", ", ids), 4).forEach(out::println);
    }
  }

  private static String ids(Matrix m) {
    return String.join(", ", m.columns().stream().map(c -> c.revision().id()).toList());
  }
}
