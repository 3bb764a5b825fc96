package dev.irqlab.cli;

import dev.irqlab.scaffold.Checkout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code irqlab mutation REV}: the conformance suite's mutation score on one revision, from PIT's report. */
@Command(
    name = "mutation",
    mixinStandardHelpOptions = true,
    description = {
      "Show the conformance suite's mutation score on revision REV: how many mutants PIT"
          + " made of the revision's own classes, how many the suite killed, and every"
          + " survivor as a small diff (file:line, the source line, what the mutant does"
          + " instead). Reads revisions/REV/target/pit-reports/mutations.xml, which"
          + " this makes (docs/mutation.md):",
      "",
      "  ./mvnw -B -Pmutation -pl revisions/REV -am verify -Dtest=ConformanceTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false",
      "",
      "The score is PIT's: killed and timed-out mutants over all mutants. A mutant 'killed only"
          + " by fuzzing' is one the suite's test let through and the module's fuzzing test"
          + " (random scenarios against the revision's own class files in another JVM) killed;"
          + " with -Dirqlab.mutation.excluded=fuzz the run leaves that test out.",
      "",
      "Exit status: 0 when the report was read; 2 for a usage error (an unknown revision,"
          + " no report yet)."
    })
final class MutationCommand implements Callable<Integer> {
  /** The statuses listed one by one, after the counts. */
  private static final List<String> LISTED = List.of("SURVIVED", "NO_COVERAGE", "TIMED_OUT");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REV", description = "The revision (see 'irqlab list').")
  String revision;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Read this mutations.xml instead of the revision's own.")
  Path report;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (for a mail) or markdown (a table row and the survivors, for"
          + " docs/mutation.md). Default: ${DEFAULT-VALUE}.")
  String format;

  @Mixin OutputFile output;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("markdown")) {
      throw new UsageException("unknown format '" + format + "': text or markdown");
    }
    output.check();
    Checkout checkout = Checkout.find(System.getProperty(Checkout.ROOT_PROPERTY), Path.of(""));
    revision = Revisions.load().canonical(revision);
    Path sources = checkout.sources(revision);
    Path xml = report != null ? report : checkout.module(revision).resolve("target/pit-reports/mutations.xml");
    MutationReport r = MutationReport.read(xml, "run ./mvnw -B -Pmutation -pl revisions/" + revision
        + " -am verify -Dtest=ConformanceTest -Dsurefire.failIfNoSpecifiedTests=false");
    Lines source = new Lines(sources);
    String text = format.equals("text") ? text(r, source) : markdown(r, source);
    output.emit(spec.commandLine().getOut(), text, summary(r));
    return Main.OK;
  }

  private String summary(MutationReport r) {
    return String.format(Locale.ROOT, "mutation %s: %d mutants, %d killed, %d survived, score %s.", revision,
        r.mutants().size(), r.detected(), r.count("SURVIVED"), r.scoreText());
  }

  private String text(MutationReport r, Lines source) {
    StringBuilder b = new StringBuilder();
    b.append("irqlab mutation ").append(revision).append(": PIT, STRONGER mutators, the conformance suite\n\n");
    row(b, "mutants", r.mutants().size(), "made of the revision's own classes");
    row(b, "killed", r.count("KILLED"), "by the suite");
    row(b, "killed only by fuzzing", r.byFuzzing(), r.byFuzzing() == 0 ? "none (or the run left fuzzing out)"
        : "the suite let them through; random scenarios did not");
    row(b, "survived", r.count("SURVIVED"), "");
    row(b, "no coverage", r.count("NO_COVERAGE"), "no scenario reaches the line");
    row(b, "timed out", r.count("TIMED_OUT"), "counted as killed");
    long other = r.mutants().size() - r.count("KILLED") - r.byFuzzing() - r.count("SURVIVED") - r.count("NO_COVERAGE")
        - r.count("TIMED_OUT");
    if (other > 0) {
      row(b, "other", other, "memory or run errors, not started");
    }
    b.append(String.format(Locale.ROOT, "  %-22s %5s  %s%n", "score", r.scoreText(), "(killed + timed out) / mutants"));
    for (String status : LISTED) {
      List<MutationReport.Mutant> ms = r.with(status);
      if (ms.isEmpty()) {
        continue;
      }
      b.append('\n').append(status.toLowerCase(Locale.ROOT).replace('_', ' ')).append('\n');
      for (MutationReport.Mutant m : ms) {
        b.append('\n');
        diff(b, m, source, "");
      }
    }
    if (!r.fuzzed().isEmpty()) {
      b.append("\nkilled only by fuzzing (a clause could read what they change)\n");
      for (MutationReport.Mutant m : r.fuzzed()) {
        b.append('\n');
        diff(b, m, source, "");
      }
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String what, long n, String note) {
    b.append(String.format(Locale.ROOT, "  %-22s %5d  %s", what, n, note).stripTrailing()).append('\n');
  }

  /** {@code --- File.java:77 connect}, the source line with {@code -}, and the mutant with {@code +}. */
  private static void diff(StringBuilder b, MutationReport.Mutant m, Lines source, String indent) {
    b.append(indent).append("--- ").append(m.file()).append(':').append(m.line()).append(' ').append(m.method()).append('\n');
    b.append(indent).append("- ").append(source.line(m.file(), m.line()).strip()).append('\n');
    b.append(indent).append("+ (").append(m.description()).append(")\n");
  }

  private String markdown(MutationReport r, Lines source) {
    StringBuilder b = new StringBuilder();
    b.append("| revision | mutants | killed | killed only by fuzzing | survived | no coverage | timed out | score |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s |%n", revision, r.mutants().size(),
        r.count("KILLED"), r.byFuzzing(), r.count("SURVIVED"), r.count("NO_COVERAGE"), r.count("TIMED_OUT"), r.scoreText()));
    for (String status : LISTED) {
      List<MutationReport.Mutant> ms = r.with(status);
      if (ms.isEmpty()) {
        continue;
      }
      b.append("\n").append(status.toLowerCase(Locale.ROOT).replace('_', ' ')).append(":\n\n```diff\n");
      for (MutationReport.Mutant m : ms) {
        diff(b, m, source, "");
      }
      b.append("```\n");
    }
    if (!r.fuzzed().isEmpty()) {
      b.append("\nkilled only by fuzzing:\n\n```diff\n");
      r.fuzzed().forEach(m -> diff(b, m, source, ""));
      b.append("```\n");
    }
    return b.toString();
  }

  /** The revision's source files, read once each. */
  private static final class Lines {
    private final Path dir;
    private final Map<String, List<String>> files = new HashMap<>();

    Lines(Path dir) {
      this.dir = dir;
    }

    String line(String file, int line) {
      List<String> lines = files.computeIfAbsent(file, f -> {
        Path p = dir.resolve(f);
        try {
          return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : new ArrayList<>();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "(no such line in " + dir.resolve(file) + ")";
    }
  }
}
