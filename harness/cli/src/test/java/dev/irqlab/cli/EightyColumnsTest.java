package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Clause;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.report.MailDiff;
import dev.irqlab.conformance.report.ReportDiff;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.conformance.Suite;
import dev.irqlab.scaffold.Checkout;
import dev.irqlab.spi.LoadedRevision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every text output of every command keeps to 80 columns and breaks no word, name or path, over
 * every revision and every pair of them: what pastes into a mail reads as it was printed.
 *
 * <p>The lines left out, each for its reason: a line that is only a URL, or a {@code Link:}
 * trailer (a URL is never broken, so that it can be followed, and a trailer is one line); and
 * the lines of source inside a patch ({@code source-diff}, {@code mutation}), which are the
 * revision's own lines, shown whole as any diff shows them. Formats that are not text for
 * people (json, html, junit), markdown (a table row is one line) and KTAP (a result is one line,
 * for parsers) are checked by their own tests.
 */
class EightyColumnsTest {
  @TempDir static Path dir;
  private static List<String> ids;
  private static Path report;
  private static Matrix matrix;

  @BeforeAll
  static void saveTheMatrix() {
    ids = Revisions.load().all().stream().map(LoadedRevision::id).toList();
    // Relative, as a user names a report: the diff's labels carry the name as it was given.
    report = Path.of("target", "eighty-columns.json");
    Cli.Run r = Cli.run("matrix", "--format", "json", "-o", report.toString());
    assertTrue(r.code() == Main.OK || r.code() == Main.UNEXPECTED, r.err());
    matrix = Reports.read(report);
  }

  /** Every ordered pair of two revisions. */
  private static List<String[]> pairs() {
    List<String[]> out = new ArrayList<>();
    for (String a : ids) {
      ids.stream().filter(b -> !b.equals(a)).forEach(b -> out.add(new String[] {a, b}));
    }
    return out;
  }

  /** A place a report names: {@code File.java:206}, always closed by its parenthesis. */
  private static final Pattern PLACE = Pattern.compile("[\\w$]+\\.(?:java|c|h):\\d+(.?)");

  /** The lines of {@code out} that are too wide or break a word; empty when none does. */
  static List<String> faults(String what, String out, boolean patch) {
    List<String> faults = new ArrayList<>();
    List<String> lines = out.lines().toList();
    boolean hunk = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      hunk = patch && (l.startsWith("@@ ") || (hunk && !l.isEmpty() && " +-".indexOf(l.charAt(0)) >= 0));
      if (hunk && !l.startsWith("@@ ")) {
        continue;
      }
      String bare = l.strip();
      if (bare.matches("(Link: )?https?://\\S+")) {
        continue;
      }
      if (l.length() > 80) {
        faults.add(what + ": " + l.length() + " columns: " + l);
      }
      Matcher m = PLACE.matcher(l);
      while (m.find()) {
        if (!m.group(1).equals(")")) {
          faults.add(what + ": a place cut short: " + l);
        }
      }
      String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
      String last = bare.substring(bare.lastIndexOf(' ') + 1);
      if (!next.isEmpty() && (last.matches("(?:[\\w.~-]+/){2,}") || last.endsWith("(.")
          || last.matches(".*\\w\\.") && next.matches("(?:svg|png|java|c|h|json|irq|xml|html)\\b.*"))) {
        faults.add(what + ": a word or path broken across two lines: " + l + " / " + next);
      }
    }
    return faults;
  }

  private static void check(List<String> faults) {
    assertTrue(faults.isEmpty(), faults.size() + " lines:\n" + String.join("\n", faults.subList(0, Math.min(30, faults.size()))));
  }

  private static String ran(List<String> faults, boolean patch, String... args) {
    Cli.Run r = Cli.run(args);
    assertTrue(r.code() == Main.OK || r.code() == Main.UNEXPECTED, String.join(" ", args) + ": " + r.err());
    faults.addAll(faults(String.join(" ", args), r.out(), patch));
    faults.addAll(faults(String.join(" ", args) + " (stderr)", r.err(), false));
    return r.out();
  }

  @Test
  void theCheckCatchesAWideLineACutPlaceAndABrokenPath() {
    assertEquals(1, faults("x", "x".repeat(81), false).size());
    assertEquals(List.of(), faults("x", "x".repeat(80) + "\n    https://lore.kernel.org/all/" + "x".repeat(80) + "/", false));
    assertEquals(1, faults("x", "at IrqBypassManager.irqBypassUnregisterProducer(IrqBypassManager.java:20\n 6)", false).size());
    assertEquals(1, faults("x", "write to FILE (.\n  svg)", false).size());
    assertEquals(1, faults("x", "see revisions/v6.17/\n   src/main/java", false).size());
    assertEquals(List.of(), faults("x", "a sentence.\nAnother one, e.g.\nthis", false));
    assertEquals(List.of(), faults("x", "shows as /^got 0; producers p0@efd0;/\n  in reregister", false));
    assertEquals(List.of(), faults("x", "@@ -1 +1 @@\n+" + "x".repeat(90), true), "a line of source in a patch");
  }

  @Test
  void matrixListInfoAndTheHelpOfEveryCommand() {
    List<String> faults = new ArrayList<>();
    ran(faults, false, "matrix");
    ran(faults, false, "matrix", "--only-unexpected");
    ran(faults, false, "matrix", "--clauses", "REG-07,ERR-02,INV-04");
    for (String series : PatchSeries.all(Revisions.load().all()).stream().map(PatchSeries::name).toList()) {
      ran(faults, false, "matrix", "--series", series);
    }
    ran(faults, false, "list");
    ran(faults, false, "info");
    ran(faults, false, "info", "--no-tour");
    ran(faults, false, "--help");
    ran(faults, false, "--version");
    ran(faults, false, "stress", "v6.16", "v6.17", "-t", "4", "-n", "40", "--no-progress");
    ran(faults, false, "scale", "v6.16", "v6.17", "--max", "32");
    for (String command : new CommandLine(new Main()).getSubcommands().keySet()) {
      ran(faults, false, "help", command);
    }
    check(faults);
  }

  /**
   * The diff and the mail of every ordered pair, rendered from one saved matrix as {@code diff
   * FILE:A FILE:B} renders them; the command itself once on revisions and once on the report.
   */
  @Test
  void diffAndMailOverEveryPairOfRevisions() {
    List<String> faults = new ArrayList<>();
    for (String[] pair : pairs()) {
      ReportDiff.Side x = ReportDiff.Side.of(report + ":" + pair[0], matrix, pair[0]);
      ReportDiff.Side y = ReportDiff.Side.of(report + ":" + pair[1], matrix, pair[1]);
      faults.addAll(faults("diff " + pair[0] + " " + pair[1], ReportDiff.diff(x, y), false));
      faults.addAll(faults("diff --format mail " + pair[0] + " " + pair[1], MailDiff.of(x, y), false));
    }
    ran(faults, false, "diff", "v6.16", "xarray-v2-2023");
    ran(faults, false, "diff", "--format", "mail", report + ":rfc-2015", report + ":v6.17");
    check(faults);
  }

  @Test
  void sourceDiffOverEveryPairOfRevisions() {
    List<String> faults = new ArrayList<>();
    for (String[] pair : pairs()) {
      ran(faults, true, "source-diff", pair[0], pair[1]);
    }
    check(faults);
  }

  /** The trace of every suite scenario on every revision, as {@code run} prints it; {@code run} itself on the examples. */
  @Test
  void theTraceOfEveryScenarioOnEveryRevision() throws IOException {
    List<String> faults = new ArrayList<>();
    for (Column c : matrix.columns()) {
      faults.addAll(faults("run (every scenario) --revision " + c.revision().id(), RunCommand.text(c.traces()), false));
    }
    try (var examples = Files.list(Checkout.find(null, Path.of("")).root().resolve("examples"))) {
      for (Path e : examples.filter(p -> p.toString().endsWith(".irq")).sorted().toList()) {
        ran(faults, false, "run", e.toString(), "--revision", "all");
      }
    }
    check(faults);
  }

  /** {@code explain} of every clause as it prints it from the cells of every revision; the command itself once. */
  @Test
  void explainEveryClause() {
    List<String> faults = new ArrayList<>();
    Suite suite = Suite.standard();
    for (Clause c : suite.clauses()) {
      faults.addAll(faults("explain " + c.id(), String.join("\n", ExplainCommand.text(c, suite, matrix)), false));
    }
    ran(faults, false, "explain", "REG-07");
    check(faults);
  }

  /**
   * {@code fuzz} of the first, a middle and the newest merged revision alone, and of a pair: each
   * run starts a worker, and the text of a pair's findings is their diffs, rendered as {@code
   * diff} renders them (checked above, over every pair).
   */
  @Test
  void fuzzAloneAndAPair() {
    List<String> faults = new ArrayList<>();
    for (String id : List.of("rfc-2015", "v6.16", "v6.17")) {
      ran(faults, false, "fuzz", id, "--runs", "30", "--out", dir.resolve("fuzz-" + id).toString());
    }
    ran(faults, false, "fuzz", "v6.16", "xarray-v2-2023", "--runs", "30", "--out", dir.resolve("fuzz-pair").toString());
    check(faults);
  }
}
