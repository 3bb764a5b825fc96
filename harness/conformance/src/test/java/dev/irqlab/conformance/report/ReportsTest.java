package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    assertEquals("cannot write " + file + ": no such directory " + file.getParent(), e.getMessage());
  }

  @Test
  void anotherSchemaIsRefusedNamingTheFileAndWhatWasExpected() throws IOException {
    Path file = dir.resolve("old.json");
    Files.writeString(file, Reports.toJson(Fixtures.matrix()).replace("irqlab-report/2", "irqlab-report/0"));
    ReportException e = assertThrows(ReportException.class, () -> Reports.read(file));
    assertEquals(file + ":2:14: at $.schema: found a string \"irqlab-report/0\": expected \"irqlab-report/2\""
        + " (a report of another format or version of irqlab)", e.getMessage());
  }

  @Test
  void aFileWithoutASchemaIsNotAReport() {
    ReportException e = assertThrows(ReportException.class, () -> Reports.fromJson("x.json", "{\"columns\": []}"));
    assertEquals("x.json:1:1: at $.schema: missing: expected \"irqlab-report/2\"", e.getMessage());
    ReportException array = assertThrows(ReportException.class, () -> Reports.fromJson("y.json", "[1, 2]"));
    assertEquals("y.json:1:1: at $: found an array: expected a JSON object with \"schema\": \"irqlab-report/2\"",
        array.getMessage());
    ReportException empty = assertThrows(ReportException.class, () -> Reports.fromJson("z.json", " \n"));
    assertEquals("z.json:1:1: at $: empty: expected a JSON object with \"schema\": \"irqlab-report/2\"", empty.getMessage());
  }

  @Test
  void malformedJsonIsReportedWithItsLineAndColumn() throws IOException {
    Path file = dir.resolve("cut.json");
    Files.writeString(file, "{\n  \"schema\" : \"irqlab-report/1\",\n  \"clauses\" : [ ,\n", StandardCharsets.UTF_8);
    ReportException e = assertThrows(ReportException.class, () -> Reports.read(file));
    assertTrue(e.getMessage().startsWith(file + ":3:17: at $.clauses[0]: malformed JSON: Unexpected character (','"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    ReportException cut = assertThrows(ReportException.class,
        () -> Reports.fromJson("cut.json", "{\"schema\": \"irqlab-report/1\", \"clauses\": [\n"));
    assertEquals("cut.json:2:1: at $.clauses: malformed JSON: Unexpected end-of-input: expected close marker for Array"
        + " (start marker at line 1, column 42)", cut.getMessage());
  }

  @Test
  void aFieldOfTheWrongTypeIsReportedWithItsLineAndPath() {
    String json = Reports.toJson(Fixtures.matrix()).replaceFirst("\"grade\" : \"PASS\"", "\"grade\" : \"MAYBE\"");
    ReportException e = assertThrows(ReportException.class, () -> Reports.fromJson("bad.json", json));
    String before = json.substring(0, json.indexOf("\"MAYBE\""));
    int line = (int) before.lines().count();
    assertEquals("bad.json:" + line + ":" + (before.length() - before.lastIndexOf('\n')) + ": at $.columns[0].cells[0].grade: found a string \"MAYBE\":"
        + " expected one of \"PASS\", \"NA\", \"KNOWN\", \"FAIL\", \"STALE\"", e.getMessage());
  }

  /** A field left out, or null where the schema has no {@code ?}, is named by its path at its object's line. */
  @Test
  void aMissingOrNullFieldIsReportedAtItsObjectWithItsPath() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode tree = (ObjectNode) mapper.readTree(Reports.toJson(Fixtures.matrix()));
    ((ObjectNode) tree.get("columns").get(2).get("traces").get(0)).remove("machine");
    String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    ReportException e = assertThrows(ReportException.class, () -> Reports.fromJson("m.json", json));
    String traces = "\"traces\" : [ ";
    int at = json.indexOf(traces, json.indexOf("\"xarray-v2-2023\"")) + traces.length();
    String before = json.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = at - before.lastIndexOf('\n');
    assertEquals("m.json:" + line + ":" + column + ": at $.columns[2].traces[0].machine: missing: expected a MachineState object",
        e.getMessage());
    ((ObjectNode) tree.get("columns").get(0).get("revision")).putNull("id");
    ReportException id = assertThrows(ReportException.class,
        () -> Reports.fromJson("m.json", mapper.writeValueAsString(tree)));
    assertTrue(id.getMessage().endsWith(": at $.columns[0].revision.id: found null: expected a string"), id.getMessage());
    ((ObjectNode) tree.get("columns").get(0).get("traces").get(0).get("steps").get(0)).put("line", 1.5);
    ReportException line2 = assertThrows(ReportException.class,
        () -> Reports.fromJson("m.json", mapper.writeValueAsString(tree).replace("\"id\":null", "\"id\":\"x\"")));
    assertTrue(line2.getMessage().endsWith(": at $.columns[0].traces[0].steps[0].line: found a number 1.5: expected an integer"),
        line2.getMessage());
  }

  @Test
  void theFieldsThatMayBeNullAreTheOnesTheSchemaMarksWithAQuestionMark() throws IOException {
    java.util.Set<String> marked = new java.util.TreeSet<>();
    String section = null;
    for (String line : Files.readAllLines(Path.of("../../docs/report-schema.md"))) {
      java.util.regex.Matcher h = java.util.regex.Pattern.compile("### `([A-Za-z]+)`").matcher(line);
      if (h.matches()) {
        section = h.group(1);
      }
      java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\| `([A-Za-z]+)` \\| [^|]*\\? \\|.*").matcher(line);
      if (row.matches()) {
        marked.add(section + "." + row.group(1));
      }
    }
    assertEquals(marked, new java.util.TreeSet<>(ReportShape.NULLABLE));
  }

  @Test
  void aMissingFileSaysSo() {
    ReportException e = assertThrows(ReportException.class, () -> Reports.read(dir.resolve("none.json")));
    assertEquals(dir.resolve("none.json") + ": no such file", e.getMessage());
    assertEquals(dir + ": is a directory: expected a JSON report",
        assertThrows(ReportException.class, () -> Reports.read(dir)).getMessage());
  }

  @Test
  void theTracesOfOneScenarioComeBackEqualFromTheirJson() {
    RunReport run = new RunReport(RunReport.SCHEMA, Fixtures.SCENARIO,
        List.of(Fixtures.trace("v6.16", false), Fixtures.trace("xarray-v2-2023", true)));
    String json = Reports.toJson(run);
    assertTrue(json.contains("\"schema\" : \"irqlab-run/2\""), json);
    assertEquals(run, Reports.runFromJson("run.json", json));
    ReportException e = assertThrows(ReportException.class, () -> Reports.fromJson("run.json", json));
    assertTrue(e.getMessage().contains("at $.schema: found a string \"irqlab-run/2\": expected \"irqlab-report/2\""), e.getMessage());
  }

  /** Version 2 only added the outcomes DEADLOCK and CRASH: a report saved by version 1 still reads. */
  @Test
  void aReportOfTheVersionBeforeStillReads() {
    String json = Reports.toJson(Fixtures.matrix()).replace("irqlab-report/2", "irqlab-report/1");
    assertEquals(Fixtures.matrix().columns(), Reports.fromJson("old.json", json).columns());
    String older = json.replaceAll(",\\s*\"managerConnections\" : \\[[^\\]]*\\]", "").replaceAll(",\\s*\"symptoms\" : \\[[^\\]]*\\]", "");
    assertFalse(older.contains("managerConnections") || older.contains("symptoms"), "version 1 had neither field");
    Matrix read = Reports.fromJson("older.json", older);
    assertEquals(Fixtures.matrix().columns().size(), read.columns().size());
    assertTrue(read.columns().stream().flatMap(c -> c.cells().stream()).filter(c -> c.deviation() != null)
        .allMatch(c -> c.deviation().symptoms().isEmpty()), "a declaration of version 1 names no symptom");
    String run = Reports.toJson(new RunReport(RunReport.SCHEMA, Fixtures.SCENARIO, List.of(Fixtures.trace("v6.16", false))));
    assertEquals(Fixtures.SCENARIO, Reports.runFromJson("old-run.json", run.replace("irqlab-run/2", "irqlab-run/1")).scenario());
  }
}
