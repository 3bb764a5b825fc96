package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.ScenarioParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irqlab fuzz A [B]}: the summary, the files, the exit codes and the usage errors. */
class FuzzCommandTest {
  @TempDir Path dir;

  private List<Path> files(Path out, String glob) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName())).sorted().toList();
    }
  }

  @Test
  void twoRevisionsGiveASummaryForAMailAndAScenarioAndADiffPerDifference() throws IOException {
    Path out = dir.resolve("found");
    Cli.Run r = Cli.run("fuzz", "v6.16", "v6.17", "--runs", "200", "--only", "returns", "--out", out.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("irqlab fuzz: v6.16 against v6.17, seed 1\n  200 scenarios, 400 runs in "), r.out());
    assertTrue(r.out().contains("register producer returns -EBUSY / -EINVAL"), r.out());
    Cli.fitsEightyColumns(r.out());
    List<Path> irq = files(out, "*.irq");
    assertEquals(irq.size(), files(out, "*.diff").size());
    assertTrue(irq.size() >= 2, irq.toString());
    for (Path p : irq) {
      String text = Files.readString(p);
      Cli.fitsEightyColumns(text);
      Scenario s = ScenarioParser.parse(p);
      assertTrue(s.steps().stream().anyMatch(st -> "here".equals(st.label())), text);
      Cli.Run again = Cli.run("run", p.toString(), "--revision", "v6.17");
      assertEquals(Main.OK, again.code(), again.err());
    }
  }

  @Test
  void theSameSeedFindsTheSameAndAnEarlierRunsFilesGo() throws IOException {
    Path out = dir.resolve("found");
    Files.createDirectories(out);
    Files.writeString(out.resolve("99-old.irq"), "scenario old\n");
    Files.writeString(out.resolve("notes.txt"), "mine\n");
    Cli.Run a = Cli.run("fuzz", "v6.16", "xarray-v2-2023", "--runs", "100", "--format", "json", "--out", out.toString());
    Cli.Run b = Cli.run("fuzz", "v6.16", "xarray-v2-2023", "--runs", "100", "--format", "json", "--out", out.toString());
    assertEquals(Main.OK, a.code(), a.err());
    JsonNode ja = new ObjectMapper().readTree(a.out());
    JsonNode jb = new ObjectMapper().readTree(b.out());
    assertEquals("irqlab-fuzz/1", ja.get("schema").asText());
    assertEquals(ja.get("findings"), jb.get("findings"));
    assertTrue(Files.exists(out.resolve("notes.txt")));
    assertTrue(Files.notExists(out.resolve("99-old.irq")));
    assertEquals(ja.get("findings").size(), files(out, "*.irq").size());
  }

  @Test
  void oneRevisionAloneExitsOneWhenItShowsAFault() throws IOException {
    Cli.Run r = Cli.run("fuzz", "v6.16", "--runs", "300", "--only", "LIST_CORRUPTION", "--format", "markdown",
        "--out", dir.resolve("one").toString());
    assertEquals(Main.UNEXPECTED, r.code(), r.err());
    assertTrue(r.out().startsWith("## irqlab fuzz: v6.16, seed 1\n"), r.out());
    assertTrue(r.out().contains("### 1. LIST_CORRUPTION at unregister producer"), r.out());
    assertEquals(1, files(dir.resolve("one"), "01-*.trace").size());
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Cli.run("fuzz", "v6.16", "--time", "0").assertUsageError("--time 0: expected 1 to 86400 seconds");
    Cli.run("fuzz", "v6.16", "--runs", "0").assertUsageError("--runs 0: expected 1 or more");
    Cli.run("fuzz", "v6.16", "--runs", "1", "--out", file.toString()).assertUsageError("--out " + file + ": not a directory");
    Cli.run("fuzz", "v6.16", "--runs", "1", "--only", "(").assertUsageError(
        "--only (: not a regular expression: Unclosed group");
    Cli.run("fuzz", "v6.16", "--runs", "1", "--format", "html").assertUsageError("unknown format 'html': expected text, markdown or json");
    Cli.run("fuzz", "v6.16", "--runs", "1", "--details", "-1").assertUsageError("--details -1: expected 0 or more");
    Cli.run("fuzz", "nosuch", "--runs", "1", "--out", dir.resolve("x").toString()).assertUsageError(
        "unknown revision 'nosuch': the revisions are " + String.join(", ", RevisionHistoryTest.ALL));
  }
}
