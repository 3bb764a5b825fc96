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
    assertEquals(from("Scenarios whose trace differs", byIds.out()), from("Scenarios whose trace differs", relabelled));
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
        r.out().lines().filter(l -> l.startsWith("irqlab diff ")).toList());
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
}
