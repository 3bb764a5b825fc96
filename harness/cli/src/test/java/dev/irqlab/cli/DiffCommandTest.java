package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irqlab diff} between revisions run now and saved reports. */
class DiffCommandTest {
  @TempDir static Path dir;
  private static Path report;
  private static Cli.Run byIds;

  @BeforeAll
  static void saveAReport() {
    report = dir.resolve("before.json");
    Cli.run("matrix", "--format", "json", "-o", report.toString());
    byIds = Cli.run("diff", "v6.16", "xarray-v2-2023");
  }

  /** Lines of the diff's own, outside hunks, fit 80 columns; trace lines inside hunks stay whole. */
  private static void ownLinesFitEightyColumns(String diff) {
    boolean hunk = false;
    for (String l : diff.lines().toList()) {
      hunk = l.startsWith("@@ ") || (hunk && !l.isEmpty() && " +-".indexOf(l.charAt(0)) >= 0);
      if (!hunk) {
        assertTrue(l.length() <= 80, "longer than 80 columns: " + l);
      }
    }
  }

  @Test
  void xarrayV2LeavesTheFailedProducerRegisteredWhereV616DoesNot() {
    assertEquals(Main.OK, byIds.code(), byIds.err());
    List<String> lines = byIds.out().lines().toList();
    assertEquals("irqlab diff v6.16 xarray-v2-2023", lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.matches("ERR-02 +pass -> (FAIL|known) +A registration whose connect fails.*")),
        byIds.out());
    int minus = lines.indexOf("--- v6.16/connect-fails");
    assertTrue(minus > 0, byIds.out());
    assertEquals("+++ xarray-v2-2023/connect-fails", lines.get(minus + 1));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("+    state: producers p0@efd0;")), byIds.out());
    ownLinesFitEightyColumns(byIds.out());
  }

  @Test
  void withExitCodeADiffExitsOneWhenAVerdictIsWorseOnB() {
    Cli.Run worse = Cli.run("diff", "--exit-code", "v6.16", "xarray-v2-2023");
    assertEquals(Main.UNEXPECTED, worse.code(), worse.err());
    assertTrue(worse.err().startsWith("irqlab: worse on xarray-v2-2023: "), worse.err());
    assertTrue(worse.err().contains("ERR-02"), "the connect failure NAKed in 2023: " + worse.err());
    assertEquals(byIds.out(), worse.out(), "the same diff, whatever the exit code");
    assertEquals(Main.OK, Cli.run("diff", "--exit-code", "v6.16", "v6.16").code());
    assertEquals(Main.OK, byIds.code(), "without --exit-code, 0 whatever it finds");
  }

  @Test
  void aColumnOfASavedReportDiffsLikeTheRevisionRunNow() {
    Cli.Run r = Cli.run("diff", report + ":v6.16", report + ":xarray-v2-2023");
    assertEquals(Main.OK, r.code(), r.err());
    String relabelled = r.out().replace(report + ":", "");
    assertEquals(from("Clauses whose verdict differs", byIds.out()).get(1), from("Clauses whose verdict differs", relabelled).get(1));
    assertEquals(files(from("Scenarios whose trace differs", byIds.out())), files(from("Scenarios whose trace differs", relabelled)));
    assertTrue(r.out().contains("\n--- a/connect-fails\n+++ b/connect-fails\n"),
        "a label too long for 80 columns names the files as git does: " + r.out());
  }

  /** The lines, each file header cut to its scenario: the labels before it differ by side. */
  private static List<String> files(List<String> lines) {
    return lines.stream().map(l -> l.startsWith("--- ") || l.startsWith("+++ ") ? l.substring(0, 4) + l.substring(l.lastIndexOf('/') + 1) : l)
        .toList();
  }

  private static List<String> from(String prefix, String text) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return lines.subList(i, lines.size());
      }
    }
    return List.of("no line starts with " + prefix, text);
  }

  @Test
  void aWholeReportAgainstARevisionUsesTheColumnOfThatRevision() {
    Cli.Run r = Cli.run("diff", report.toString(), "v6.17");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("irqlab diff " + report + ":v6.17 v6.17\n"), r.out());
    assertTrue(r.out().contains("No clause changes its verdict."), r.out());
    assertTrue(r.out().contains("No trace differs"), r.out());
  }

  @Test
  void twoWholeReportsCompareEveryRevisionTheyShare(@TempDir Path other) {
    Path one = other.resolve("one.json");
    Cli.run("matrix", "--format", "json", "--revisions", "v6.16,v6.17", "-o", one.toString());
    Cli.Run r = Cli.run("diff", report.toString(), one.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals(List.of("irqlab diff " + report + ":v6.16 " + one + ":v6.16", "irqlab diff " + report + ":v6.17 " + one + ":v6.17"),
        List.of(r.out().split("\n(?!    )")).stream().filter(l -> l.startsWith("irqlab diff ")).map(l -> l.replace("\n    ", " ")).toList(),
        "the head of each diff, folded at a label to fit 80 columns");
    assertTrue(r.out().contains("Only in " + report + ":"), r.out());
  }

  @Test
  void aMissingOrMalformedReportOrAnUnknownRevisionIsAUsageError(@TempDir Path other) throws IOException {
    Cli.run("diff", "nothere.json", "v6.16").assertUsageError("nothere.json: no such file");
    Cli.run("diff", "v6.16", "v9.9").assertUsageError("'v9.9' is neither a revision nor a report file: the revisions are "
        + String.join(", ", RevisionHistoryTest.ALL));
    Cli.run("diff", report + ":v9.9", "v6.16").assertUsageError(report + " has no revision 'v9.9': it has "
        + String.join(", ", RevisionHistoryTest.ALL));
    Path cut = other.resolve("cut.json");
    Files.writeString(cut, "{\"schema\": \"irqlab-report/1\", \"clauses\": [\n");
    Cli.run("diff", cut.toString(), "v6.16").assertUsageError(cut + ":2:1: at $.clauses: malformed JSON: Unexpected end-of-input:"
        + " expected close marker for Array (start marker at line 1, column 42)");
    Path lacking = other.resolve("lacking.json");
    Files.writeString(lacking, Files.readString(report).replaceFirst("\"machine\" : \\{", "\"machinery\" : {"));
    Cli.Run r = Cli.run("diff", lacking.toString(), report.toString());
    assertEquals(Main.USAGE, r.code(), r.err());
    assertTrue(r.err().matches("irqlab: " + Pattern.quote(lacking.toString()) + ":[0-9]+:[0-9]+: at \\$\\.columns\\[0\\]\\.traces\\[0\\]\\.machine:"
        + " missing: expected a MachineState object\n"), r.err());
    Path run = other.resolve("run.json");
    Files.writeString(run, "{\"schema\": \"irqlab-run/2\"}");
    Cli.run("diff", run.toString(), "v6.16").assertUsageError(run + ":1:12: at $.schema: found a string \"irqlab-run/2\": expected \"irqlab-report/2\""
        + " (a report of another format or version of irqlab)");
  }

  @Test
  void asAMailItIsTheBodyOfAReplyWithTheWorseClausesTheirTracesAndLinkTrailers() {
    Cli.Run r = Cli.run("diff", "--format", "mail", "v6.16", "xarray-v2-2023");
    assertEquals(Main.OK, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("xarray-v2-2023 against v6.16: 14 clauses change their verdict, 12 for the worse", lines.get(0));
    assertEquals("", lines.get(1), "a blank line after the summary");
    int worse = lines.indexOf("Worse on xarray-v2-2023, a clause that held now fails or a cell is not");
    int other = lines.indexOf("Changed otherwise (2):");
    assertTrue(worse > 0 && other > worse, r.out());
    assertTrue(lines.get(worse + 2).matches("  REG-07 +pass -> known  A registered producer registering again with"), r.out());
    assertTrue(lines.subList(other, lines.size()).stream().anyMatch(l -> l.startsWith("  UNR-04   known -> pass")), r.out());
    assertTrue(lines.contains("connect-fails (ERR-02, ERR-07, MOD-02):"), r.out());
    assertTrue(lines.contains("--- v6.16/connect-fails"), r.out());
    int links = lines.indexOf("Link: https://lore.kernel.org/all/20230801085408.69597-1-likexu@tencent.com/");
    assertTrue(links > 0 && lines.get(links - 1).isEmpty(), r.out());
    assertTrue(lines.subList(links, lines.size()).stream().allMatch(l -> l.matches("Link: https?://\\S+")),
        "the trailers end the mail, one per line: " + r.out());
    assertEquals(lines.subList(links, lines.size()).stream().distinct().count(), lines.size() - links, "each link once");
    assertTrue(lines.get(0).length() <= 80, "a summary a subject line could be");
    lines.subList(1, links).stream().filter(l -> !l.startsWith("-") && !l.startsWith("+") && !l.startsWith(" ") && !l.startsWith("@@"))
        .forEach(l -> assertTrue(l.length() <= 72, "prose is wrapped at 72 columns, as a reply quotes it: " + l));
    Cli.fitsEightyColumns(String.join("\n", lines.subList(0, links)));
  }

  @Test
  void aMailComparesOnePairAndNoOtherFormatIsKnown(@TempDir Path other) {
    Path one = other.resolve("one.json");
    Cli.run("matrix", "--format", "json", "--revisions", "v6.16,v6.17", "-o", one.toString());
    Cli.run("diff", "--format", "mail", report.toString(), one.toString()).assertUsageError("--format mail compares one pair,"
        + " and " + report + " and " + one + " have 2 revisions in common: name one column of each as FILE:ID");
    Cli.run("diff", "--format", "html", "v6.16", "v6.17").assertUsageError("unknown format 'html': diff writes text or mail");
    Path single = other.resolve("single.json");
    Cli.run("matrix", "--format", "json", "--revisions", "v6.17", "-o", single.toString());
    Cli.Run mail = Cli.run("diff", "--format", "mail", report.toString(), single.toString());
    assertEquals(Main.OK, mail.code(), mail.err());
    assertTrue(mail.out().lines().noneMatch(l -> l.startsWith("Only in")), "nothing after the trailers: " + mail.out());
    assertEquals(Main.OK, Cli.run("diff", "--format", "MAIL", "v6.17", "v6.17").code());
  }
}
