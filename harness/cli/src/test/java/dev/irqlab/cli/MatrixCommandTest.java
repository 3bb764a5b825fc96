package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Clause;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Conformance;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.spi.RevisionLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irqlab matrix} on the real revisions, in every format. */
class MatrixCommandTest {
  private static Matrix expected;
  private static Cli.Run text;

  @BeforeAll
  static void runTheSuiteOnce() {
    expected = new Conformance(Suite.standard()).run(RevisionLoader.load(), null);
    text = Cli.run("matrix");
  }

  private static int exitFor(Matrix m) {
    return m.asDeclared() ? Main.OK : Main.UNEXPECTED;
  }

  @Test
  void clausesPicksRowsAndOnlyUnexpectedShowsTheCellsNotAsDeclared() {
    Cli.Run two = Cli.run("matrix", "--revisions", "v6.17", "--clauses", "err-02,LOCK-01");
    assertEquals(Main.OK, two.code(), two.err());
    assertTrue(two.out().startsWith("irqlab matrix: 2 clauses on 1 revision"), two.out());
    assertTrue(two.out().contains("\n  ERR-02   pass\n") && two.out().contains("\n  LOCK-01  pass\n"), two.out());
    Cli.run("matrix", "--clauses", "NOPE-1").assertUsageError("--clauses: no clause 'NOPE-1': the clauses are "
        + String.join(", ", Suite.standard().clauses().stream().map(Clause::id).toList()));

    Cli.Run stale = Cli.run("matrix", "--revisions", "v6.17", "--era", "v6.17-fix", "--only-unexpected");
    assertEquals(Main.UNEXPECTED, stale.code(), stale.err());
    assertTrue(stale.out().startsWith("irqlab matrix: 2 clauses on 1 revision"), "the fixed drivers make two declarations stale: " + stale.out());
    assertTrue(stale.out().contains("\n  SYS-02  STALE\n") && stale.out().contains("\n  INV-03  STALE\n"), stale.out());

    Cli.Run none = Cli.run("matrix", "--revisions", "v6.17", "--only-unexpected");
    assertEquals(Main.OK, none.code(), none.err());
    assertEquals("irqlab matrix: " + Suite.standard().clauses().size() + " clauses on 1 revision, each with the drivers of its era\n\n"
        + "All " + Suite.standard().clauses().size() + " cells as declared. Nothing unexpected to show.\n", none.out());
  }

  @Test
  void anUndeclaredFailureOrAStaleDeclarationExitsOne() {
    Column.RevisionSummary r = new Column.RevisionSummary("v6.16", "t", "merged", null, "2021-05-08", "v6.16", "v6.16", "x", Map.of());
    for (Grade g : Grade.values()) {
      Matrix m = new Matrix(Matrix.SCHEMA, expected.clauses().subList(0, 1), List.of(),
          List.of(new Column(r, List.of(new Cell(expected.clauses().get(0).id(), g, "", null)), List.of())));
      assertEquals(g == Grade.FAIL || g == Grade.STALE ? 1 : 0, MatrixCommand.exitCode(m), g.name());
    }
  }

  @Test
  void theExitCodeSaysWhetherEveryCellIsAsDeclared() {
    assertEquals(exitFor(expected), text.code(), text.err());
    assertEquals(!expected.asDeclared(), text.out().contains("\nUnexpected:\n"), text.out());
    assertEquals("", text.err());
  }

  @Test
  void theTextMatrixHasEveryRevisionAndClauseWithinEightyColumns() {
    Cli.fitsEightyColumns(text.out());
    for (String id : RevisionHistoryTest.ALL) {
      assertTrue(text.out().lines().anyMatch(l -> l.matches("[A-Z]{1,2} +" + java.util.regex.Pattern.quote(id) + " .*")),
          "no legend line for " + id + "\n" + text.out());
    }
    for (Clause c : Suite.standard().clauses()) {
      assertTrue(text.out().lines().anyMatch(l -> l.startsWith("  " + c.id() + " ")), "no row for " + c.id());
    }
    assertTrue(text.out().startsWith("irqlab matrix: " + Suite.standard().clauses().size() + " clause"), text.out());
  }

  @Test
  void jsonIsTheReportOfTheSameRunAndReadsBackEqual(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("report.json");
    Cli.Run r = Cli.run("matrix", "--format", "json", "-o", file.toString());
    assertEquals(exitFor(expected), r.code(), r.err());
    assertTrue(r.out().startsWith("irqlab: wrote " + file + ":"), r.out());
    Matrix back = Reports.read(file);
    assertEquals(back, Reports.fromJson("again", Files.readString(file)));
    assertEquals(expected.clauses(), back.clauses());
    assertEquals(expected.columns().stream().map(c -> c.cells()).toList(), back.columns().stream().map(c -> c.cells()).toList());
    assertEquals(expected.columns().stream().map(c -> c.traces()).toList(), back.columns().stream().map(c -> c.traces()).toList());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left");
    }
  }

  @Test
  void markdownKtapAndHtmlNameEveryRevision() {
    for (String format : List.of("markdown", "ktap", "html")) {
      Cli.Run r = Cli.run("matrix", "--format", format);
      assertEquals(exitFor(expected), r.code(), format + ": " + r.err());
      RevisionHistoryTest.ALL.forEach(id -> assertTrue(r.out().contains(id), format + " lacks " + id));
    }
    Cli.Run ktap = Cli.run("matrix", "--format", "KTAP", "--revisions", "v6.16");
    assertTrue(ktap.out().startsWith("KTAP version 1\n"), ktap.out());
    assertTrue(ktap.out().contains("\n1..1\n  KTAP version 1\n  # Subtest: v6.16\n"), ktap.out());
  }

  @Test
  void revisionsAndEraChooseTheColumnsAndTheirDrivers() {
    Cli.Run r = Cli.run("matrix", "--revisions", "v6.17,v6.16", "--era", "v6.16");
    assertTrue(r.out().startsWith("irqlab matrix: " + Suite.standard().clauses().size()), r.out());
    assertTrue(r.out().contains(" revisions, all with the v6.16 drivers\n"), r.out());
    List<String> legend = r.out().lines().filter(l -> l.matches("[A-Z] +v6\\.1[67] .*")).toList();
    assertEquals(2, legend.size(), r.out());
    assertTrue(legend.get(0).startsWith("A   v6.16 "), "history order: " + legend);
    assertTrue(legend.get(1).endsWith(" v6.16"), "drivers: " + legend);
  }

  @Test
  void anUnknownRevisionEraOrFormatIsAUsageError() {
    Cli.run("matrix", "--revisions", "v6.16,v9.9").assertUsageError("unknown revision 'v9.9': the revisions are "
        + String.join(", ", RevisionHistoryTest.ALL));
    Cli.run("matrix", "--era", "v2.6").assertUsageError(
        "unknown driver era 'v2.6': the known eras are rfc-2015, v4.4, v5.9, v6.5, v6.16, v6.16-eventfd, v6.17, v6.17-fix, proposal-report-errors");
    Cli.run("matrix", "--format", "pdf").assertUsageError("Invalid value for option '--format': unknown format 'pdf':"
        + " expected one of text, markdown, json, ktap, html, junit: see 'irqlab matrix --help'");
  }

  @Test
  void anOutputFileInAMissingFolderIsAUsageError(@TempDir Path dir) {
    Path file = dir.resolve("missing/report.txt");
    Cli.run("matrix", "--revisions", "v6.16", "-o", file.toString())
        .assertUsageError("cannot write " + file + ": no such directory " + file.getParent());
  }

  /** An output that is not a regular file is refused before the suite runs, and left as it was; a link is followed. */
  @Test
  void anOutputThatIsNotARegularFileIsRefusedAndALinkIsWrittenThrough(@TempDir Path dir) throws IOException {
    Cli.run("matrix", "-o", "/dev/null").assertUsageError("cannot write /dev/null: it is a character device, not a regular file");
    assertEquals(020000, ((Integer) Files.getAttribute(Path.of("/dev/null"), "unix:mode")) & 0170000);
    Cli.run("matrix", "-o", "/").assertUsageError("cannot write /: it is a directory, not a regular file");
    Cli.run("matrix", "-o", dir.toString()).assertUsageError("cannot write " + dir + ": it is a directory, not a regular file");
    Path link = Files.createSymbolicLink(dir.resolve("latest.txt"), Path.of("matrix.txt"));
    Cli.Run r = Cli.run("matrix", "--revisions", "v6.16", "-o", link.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(dir.resolve("matrix.txt")).startsWith("irqlab matrix: 66 clauses on 1 revision"),
        Files.readString(dir.resolve("matrix.txt")));
  }

  @Test
  void seriesPutsTheBaseAndThePatchesSideBySideAndSaysWhatEachChanged() {
    Cli.Run r = Cli.run("matrix", "--series", "sean-v2");
    assertEquals(Main.OK, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(List.of("irqlab matrix: " + Suite.standard().clauses().size() + " clauses on 9 revisions, each with the drivers of its era",
            "", "Series sean-v2, 8 patches: irqbypass: Cleanups and a perf improvement",
            "The columns: v6.16 (patch 1 applies to it), then the patches. What each patch",
            "changes from the column before it:",
            "  1/8 v6.17-1  no change"),
        lines.subList(0, 6));
    assertTrue(r.out().contains("\n  3/8 v6.17-3  drivers v6.16 -> v6.16-eventfd, REG-09 pass -> known,"), r.out());
    List<String> legend = lines.stream().filter(l -> l.matches("[A-I]   \\S+ .*")).map(l -> l.split(" +")[1]).toList();
    assertEquals(List.of("v6.16", "v6.17-1", "v6.17-2", "v6.17-3", "v6.17-4", "v6.17-5", "v6.17-6", "v6.17-7", "v6.17"), legend);
    Cli.fitsEightyColumns(r.out());
  }

  @Test
  void seriesInAnotherFormatHasTheSameColumnsAndNoSeriesText() {
    Cli.Run r = Cli.run("matrix", "--series", "sean-v2", "--format", "markdown", "--clauses", "REG-09");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("v6.17-3") && !r.out().contains("Series sean-v2"), r.out());
  }

  @Test
  void anUnknownSeriesOrSeriesWithRevisionsIsAUsageError() {
    Cli.run("matrix", "--series", "sean-v3").assertUsageError("unknown series 'sean-v3': the series are likexu-v2, sean-v2");
    Cli.run("matrix", "--series", "sean-v2", "--revisions", "v6.17")
        .assertUsageError("--series and --revisions both choose the columns: give one of them");
  }
}
