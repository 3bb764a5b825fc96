package dev.irqlab.cli;

import dev.irqlab.conformance.HostSpec;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.fuzz.FuzzReport;
import dev.irqlab.conformance.fuzz.FuzzResult;
import dev.irqlab.conformance.fuzz.Fuzzer;
import dev.irqlab.conformance.supervise.Supervisor;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.HostSettings;
import dev.irqlab.spi.LoadedRevision;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code irqlab fuzz A [B]}: what random scenarios find that the suite does not. */
@Command(
    name = "fuzz",
    mixinStandardHelpOptions = true,
    description = {
      "Run random scenarios (API and system level, with fault injection and frees) on revision A"
          + " and on revision B, each with the drivers of its era, and report every way their"
          + " traces differ: a return code, the callbacks, a kernel report on one side only, the"
          + " registry or refcount, where an interrupt went. The first scenario of each difference is"
          + " shrunk to a minimal one, written to DIR as a .irq file with the diff of its traces."
          + " With A alone, report what A does that no kernel may: a report (WARN, KASAN, lockdep,"
          + " list corruption, leak, soft lockup), an oops, a hang, an interrupt lost.",
      "The same seed and --runs find the same; the summary is text (80 columns, for a mail),"
          + " markdown or JSON (schema " + FuzzReport.SCHEMA + ").",
      "Exit status: 0 when the search ran (for A and B, whatever it found; for A alone, when it"
          + " found nothing), 1 when A alone showed a fault, 2 for a usage error, 3 when a"
          + " scenario ended in an internal error of irqlab."
    })
final class FuzzCommand implements Callable<Integer> {
  /** How long to search when neither --time nor --runs is given. */
  static final long DEFAULT_SECONDS = 60;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The revision to fuzz (see 'irqlab list').")
  String a;

  @Parameters(index = "1", paramLabel = "B", arity = "0..1", description = "The revision to compare it with.")
  String b;

  @Option(names = "--era", paramLabel = "ERA", description = "Run both with this era's drivers. Default: each with its own.")
  String era;

  @Option(names = "--host", paramLabel = "KEY=VALUE[,KEY=VALUE...]",
      description = "Run every scenario on this host, as a scenario's 'host' line sets it (arch=x86|arm64, vendor=intel|amd,"
          + " apicv=0|1, posting=0|1, enable_device_posted_irqs=0|1). Default: an Intel x86 host that can post.")
  String host;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--time", paramLabel = "SECONDS",
      description = "Search for this long, then shrink what was found for at most as long again (a finding"
          + " whose shrinking ran out of time says so). Default: " + DEFAULT_SECONDS + " unless --runs is given.")
  Long time;

  @Option(names = "--runs", paramLabel = "N", description = "Generate at most N scenarios.")
  Long runs;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "irqlab-fuzz",
      description = "Where the minimal scenarios and their diffs go (made if missing; the .irq, .diff and"
          + " .trace files of an earlier run there are replaced). Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "The summary as text, markdown or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Mixin OutputFile output;

  @Option(names = "--only", paramLabel = "REGEX",
      description = "Report (and shrink) only the findings whose signature matches REGEX somewhere, as"
          + " 'SOFT_LOCKUP|KASAN' or 'returns'. Default: all.")
  String only;

  @Option(names = "--details", paramLabel = "N", defaultValue = "10",
      description = "In the text summary, show what each side did and the minimal scenario for the first N"
          + " findings (all of them are in DIR). Default: ${DEFAULT-VALUE}.")
  int details;

  @Mixin TimeLimit timeLimit;

  @Override
  public Integer call() {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!List.of("text", "markdown", "json").contains(fmt)) {
      throw new UsageException("unknown format '" + format + "': expected text, markdown or json");
    }
    Fuzzer.Budget budget = budget();
    Predicate<String> filter = signature -> true;
    if (only != null) {
      try {
        filter = Pattern.compile(only).asPredicate();
      } catch (PatternSyntaxException e) {
        throw new UsageException("--only " + only + ": not a regular expression: " + e.getDescription());
      }
    }
    if (details < 0) {
      throw new UsageException("--details " + details + ": expected 0 or more");
    }
    HostSettings settings = HostSettings.defaults();
    if (host != null) {
      try {
        settings = HostSpec.parse(host, settings);
      } catch (IllegalArgumentException ex) {
        throw new UsageException("--host: " + ex.getMessage());
      }
    }
    output.check();
    checkDir(out);
    FuzzResult result;
    try (Supervisor workers = timeLimit.supervisor().keepWorker()) {
      Revisions all = Revisions.load();
      String e = Revisions.era(era);
      Fuzzer.Side sa = side(all.byId(a), e);
      Fuzzer.Side sb = b == null ? null : side(all.byId(b), e);
      PrintWriter err = spec.commandLine().getErr();
      Fuzzer.Progress progress = System.console() != null ? new Bar(err, budget) : Fuzzer.Progress.NONE;
      result = new Fuzzer(sa, sb, workers, System::currentTimeMillis).on(settings).run(seed, budget, progress, filter);
      if (progress instanceof Bar bar) {
        bar.done();
      }
    }
    FuzzReport report = new FuzzReport(result);
    clean(out);
    report.write(out);
    String text = switch (fmt) {
      case "markdown" -> report.markdown(out);
      case "json" -> report.json();
      default -> report.text(out, details);
    };
    output.emit(spec.commandLine().getOut(), text, result.findings().size() + " findings of irqlab fuzz.");
    if (result.findings().stream().anyMatch(FuzzCommand::internalError)) {
      spec.commandLine().getErr().println("irqlab: a scenario ended in an internal error of irqlab (a bug in the harness,"
          + " not a fault of the revision under test): see the findings whose run ended in an exception");
      return Main.INTERNAL;
    }
    return b == null && !result.findings().isEmpty() ? Main.UNEXPECTED : Main.OK;
  }

  /** True when the finding's minimal scenario ended, on either side, in an exception out of the harness. */
  private static boolean internalError(FuzzResult.Finding f) {
    return Stream.of(f.traceA(), f.traceB())
        .anyMatch(t -> t != null && t.outcome().kind() == Trace.Outcome.Kind.EXCEPTION);
  }

  private Fuzzer.Budget budget() {
    if (time != null && (time < 1 || time > TimeLimit.MAX_SECONDS)) {
      throw new UsageException("--time " + time + ": expected 1 to " + TimeLimit.MAX_SECONDS + " seconds");
    }
    if (runs != null && runs < 1) {
      throw new UsageException("--runs " + runs + ": expected 1 or more");
    }
    long millis = time != null ? time * 1000 : runs == null ? DEFAULT_SECONDS * 1000 : 0;
    return new Fuzzer.Budget(runs == null ? 0 : runs, millis);
  }

  private static Fuzzer.Side side(LoadedRevision r, String era) {
    return new Fuzzer.Side(r, DriverEra.byId(era != null ? era : r.info().defaultEra()));
  }

  /** Refuses, before any work, an output folder that is a file, or whose parent does not exist. */
  private static void checkDir(Path dir) {
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
      throw new UsageException("--out " + dir + ": not a directory");
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException("--out " + dir + ": its folder " + parent + " does not exist");
    }
  }

  /** Makes the folder, and removes what an earlier run wrote there ({@code 01-*.irq}, {@code .diff}, {@code .trace}). */
  private static void clean(Path dir) {
    try {
      Files.createDirectories(dir);
      try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "[0-9][0-9]-*.{irq,diff,trace}")) {
        for (Path p : old) {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + dir, e);
    }
  }

  /** The progress bar on a terminal: scenarios, findings and time, on one line rewritten. */
  private static final class Bar implements Fuzzer.Progress {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final Fuzzer.Budget budget;

    Bar(PrintWriter err, Fuzzer.Budget budget) {
      this.err = err;
      this.budget = budget;
    }

    @Override
    public void searched(long scenarios, int findings, long elapsedMillis) {
      double done = Math.max(budget.runs() == 0 ? 0 : (double) scenarios / budget.runs(),
          budget.millis() == 0 ? 0 : (double) elapsedMillis / budget.millis());
      int filled = (int) Math.min(WIDTH, Math.round(done * WIDTH));
      err.printf(Locale.ROOT, "\rfuzz [%s%s] %,d scenarios, %d found, %d s ", "#".repeat(filled), " ".repeat(WIDTH - filled),
          scenarios, findings, elapsedMillis / 1000);
      err.flush();
    }

    @Override
    public void shrinking(int n, int of) {
      err.printf(Locale.ROOT, "\rfuzz: shrinking %d of %d%s", n, of, " ".repeat(40));
      err.flush();
    }

    void done() {
      err.print("\r" + " ".repeat(72) + "\r");
      err.flush();
    }
  }
}
