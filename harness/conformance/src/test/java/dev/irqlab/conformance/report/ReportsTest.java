package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Matrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @TempDir Path dir;

  @Test
  void aMatrixComesBackEqualFromItsJson() {
    Matrix m = Fixtures.matrix();
    Matrix back = Reports.fromJson("m.json", Reports.toJson(m));
    assertEquals(m, back);
    assertEquals(Reports.toJson(m), Reports.toJson(back));
  }

  @Test
  void theJsonIsDeterministicWithSortedMapKeysAndNoTimeStamp() {
    String json = Reports.toJson(Fixtures.matrix());
    assertEquals(json, Reports.toJson(Fixtures.matrix()));
    assertTrue(json.startsWith("{\n  \"schema\" : \"irqlab-report/2\",\n"), json.substring(0, 60));
    assertFalse(json.contains("\r"));
    int eventfd = json.indexOf("\"eventfd\" : 1");
    int posted = json.indexOf("\"posted\" : 2");
    assertTrue(eventfd > 0 && eventfd < posted, "deliveries not sorted by key");
    int callback = json.indexOf("\"callback\" : \"add_producer\"");
    int object = json.indexOf("\"object\" : \"c0\"", callback);
    assertTrue(callback > 0 && callback < object, "trace entry fields not sorted by key");
    assertFalse(json.matches("(?s).*20[0-9]{2}-[0-9]{2}-[0-9]{2}T.*"), "a time stamp");
  }

  @Test
  void writeThenReadGivesTheSameMatrixAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("before.json");
    Files.writeString(file, "old content");
    Reports.write(Fixtures.matrix(), file);
    assertEquals(Fixtures.matrix(), Reports.read(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void writingIntoAMissingFolderSaysSoAndWritesNothing() {
    Path file = dir.resolve("no/such/dir/report.json");
    ReportException e = assertThrows(ReportException.class, () -> Reports.write(Fixtures.matrix(), file));
    assertEquals("cannot write " + file + ": no such file or directory", e.getMessage());
  }

  @Test
  void anotherSchemaIsRefusedNamingTheFileAndWhatWasExpected() throws IOException {
    Path file = dir.resolve("old.json");
    Files.writeString(file, Reports.toJson(Fixtures.matrix()).replace("irqlab-report/2", "irqlab-report/0"));
    ReportException e = assertThrows(ReportException.class, () -> Reports.read(file));
    assertEquals(file + ": schema \"irqlab-report/0\": expected \"irqlab-report/2\""
        + " (a report of another format or version of irqlab)", e.getMessage());
  }

  @Test
  void aFileWithoutASchemaIsNotAReport() {
    ReportException e = assertThrows(ReportException.class, () -> Reports.fromJson("x.json", "{\"columns\": []}"));
    assertEquals("x.json: not an irqlab report: expected a \"schema\" field \"irqlab-report/2\"", e.getMessage());
    ReportException array = assertThrows(ReportException.class, () -> Reports.fromJson("y.json", "[1, 2]"));
    assertTrue(array.getMessage().startsWith("y.json: not an irqlab report"), array.getMessage());
  }

  @Test
  void malformedJsonIsReportedWithItsLineAndColumn() throws IOException {
    Path file = dir.resolve("cut.json");
    Files.writeString(file, "{\n  \"schema\" : \"irqlab-report/1\",\n  \"clauses\" : [ ,\n", StandardCharsets.UTF_8);
    ReportException e = assertThrows(ReportException.class, () -> Reports.read(file));
    assertTrue(e.getMessage().startsWith(file + ":3:17: malformed JSON: Unexpected character (','"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    ReportException cut = assertThrows(ReportException.class,
        () -> Reports.fromJson("cut.json", "{\"schema\": \"irqlab-report/1\", \"clauses\": [\n"));
    assertEquals("cut.json:2:1: malformed JSON: Unexpected end-of-input: expected close marker for Array"
        + " (start marker at line 1, column 42)", cut.getMessage());
  }

  @Test
  void aFieldOfTheWrongTypeIsReportedWithItsLineAndPath() {
    String json = Reports.toJson(Fixtures.matrix()).replaceFirst("\"grade\" : \"PASS\"", "\"grade\" : \"MAYBE\"");
    ReportException e = assertThrows(ReportException.class, () -> Reports.fromJson("bad.json", json));
    int line = (int) json.substring(0, json.indexOf("\"MAYBE\"")).lines().count();
    assertTrue(e.getMessage().startsWith("bad.json:" + line + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("not a valid irqlab-report/2 report"), e.getMessage());
    assertTrue(e.getMessage().contains("columns[0].cells[0].grade"), e.getMessage());
    assertTrue(e.getMessage().contains("MAYBE"), e.getMessage());
  }

  @Test
  void aMissingFileSaysSo() {
    ReportException e = assertThrows(ReportException.class, () -> Reports.read(dir.resolve("none.json")));
    assertEquals("cannot read " + dir.resolve("none.json") + ": no such file or directory", e.getMessage());
  }

  @Test
  void theTracesOfOneScenarioComeBackEqualFromTheirJson() {
    RunReport run = new RunReport(RunReport.SCHEMA, Fixtures.SCENARIO,
        List.of(Fixtures.trace("v6.16", false), Fixtures.trace("xarray-v2-2023", true)));
    String json = Reports.toJson(run);
    assertTrue(json.contains("\"schema\" : \"irqlab-run/2\""), json);
    assertEquals(run, Reports.runFromJson("run.json", json));
    ReportException e = assertThrows(ReportException.class, () -> Reports.fromJson("run.json", json));
    assertTrue(e.getMessage().contains("schema \"irqlab-run/2\": expected \"irqlab-report/2\""), e.getMessage());
  }

  /** Version 2 only added the outcomes DEADLOCK and CRASH: a report saved by version 1 still reads. */
  @Test
  void aReportOfTheVersionBeforeStillReads() {
    String json = Reports.toJson(Fixtures.matrix()).replace("irqlab-report/2", "irqlab-report/1");
    assertEquals(Fixtures.matrix().columns(), Reports.fromJson("old.json", json).columns());
    String run = Reports.toJson(new RunReport(RunReport.SCHEMA, Fixtures.SCENARIO, List.of(Fixtures.trace("v6.16", false))));
    assertEquals(Fixtures.SCENARIO, Reports.runFromJson("old-run.json", run.replace("irqlab-run/2", "irqlab-run/1")).scenario());
  }
}
