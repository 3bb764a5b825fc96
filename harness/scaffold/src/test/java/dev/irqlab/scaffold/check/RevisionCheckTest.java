package dev.irqlab.scaffold.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point the build runs: what it prints, and how it fails. */
class RevisionCheckTest {

  @Test
  void ruleIdsAreUniqueAndLowerCaseWords() {
    List<String> ids = RevisionCheck.RULES.stream().map(RevisionRule::id).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size(), ids::toString);
    assertTrue(ids.stream().allMatch(id -> id.matches("[a-z]+(-[a-z]+)*")), ids::toString);
  }

  @Test
  void aCleanModulePrintsNothingAndPasses(@TempDir Path tmp) throws IOException {
    Path module = module(tmp, "clean", "package dev.irqlab.rev.clean;\n\nfinal class Provider {}\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertNull(RevisionCheck.run(List.of(module.toString()), print(out)));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aFolderWithoutSourcesHasNothingToCheck(@TempDir Path tmp) {
    assertNull(RevisionCheck.run(List.of(tmp.toString()), print(new ByteArrayOutputStream())));
  }

  @Test
  void findingsArePrintedSortedAndSummarisedOnOneLine(@TempDir Path tmp) throws IOException {
    Path module =
        module(tmp, "bad", "package dev.irqlab.rev.bad;\n\nimport java.util.HashMap;\n\n"
            + "final class Provider {\n  static int count;\n}\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    String summary = RevisionCheck.run(List.of(module.toString()), print(out));

    String file = RevisionCheck.label(module.resolve("src/main/java/Provider.java"));
    List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, printed.size(), printed::toString);
    assertTrue(printed.get(0).startsWith(file + ":3:1: [no-collections] java.util.HashMap: "));
    assertTrue(
        printed.get(1).startsWith(
            file + ":6:14: [no-static-mutable-state] static field count is not final: "));
    assertEquals(
        "revision check: 2 findings (no-collections 1, no-static-mutable-state 1) in "
            + RevisionCheck.label(module)
            + ": a revision uses only the SPI, the emulated kernel and java.lang basics",
        summary);
  }

  @Test
  void mainFailsWithTheSummaryAndNoStackTrace(@TempDir Path tmp) throws IOException {
    Path module = module(tmp, "bad", "package dev.irqlab.rev.other;\n\nfinal class Provider {}\n");
    PrintStream stdout = System.out;
    RevisionCheckFailure failure;
    try {
      System.setOut(print(new ByteArrayOutputStream()));
      String[] args = {module.toString()};
      failure = assertThrows(RevisionCheckFailure.class, () -> RevisionCheck.main(args));
    } finally {
      System.setOut(stdout);
    }
    assertTrue(
        failure.getMessage().startsWith("revision check: 1 finding (revision-package 1) in "),
        failure.getMessage());
    assertEquals(0, failure.getStackTrace().length);
  }

  @Test
  void aMissingFolderOrNoArgumentIsAOneLineUsageError(@TempDir Path tmp) {
    PrintStream out = print(new ByteArrayOutputStream());
    String missing = tmp.resolve("nope").toString();
    assertEquals(
        "revision check: " + missing + " is not a folder (expected a revision module folder)",
        RevisionCheck.run(List.of(missing), out));
    assertTrue(RevisionCheck.run(List.of(), out).startsWith("usage: RevisionCheck MODULE_DIR..."));
  }

  @Test
  void anUnreadableFileIsAOneLineError(@TempDir Path tmp) throws IOException {
    Path module = module(tmp, "latin1", "package dev.irqlab.rev.latin1;\n");
    Path file = module.resolve("src/main/java/Provider.java");
    Files.write(file, new byte[] {'/', '/', ' ', (byte) 0xE9, '\n'});

    String summary =
        RevisionCheck.run(List.of(module.toString()), print(new ByteArrayOutputStream()));

    String expected = "revision check: cannot read " + RevisionCheck.label(file) + " as UTF-8: ";
    assertTrue(summary.startsWith(expected), summary);
  }

  @Test
  void aFileThatDoesNotParseIsAFinding() {
    List<Finding> findings =
        new RevisionCheck()
            .checkSources("x", Map.of("Broken.java", "package dev.irqlab.rev.x;\nclass {"));
    assertEquals(1, findings.size());
    assertEquals(RevisionCheck.PARSE_ERROR, findings.get(0).rule());
    assertEquals(2, findings.get(0).line());
  }

  @Test
  void aSourceMustDeclareAPackageUnderDevIrqlabRev() {
    List<Finding> none = new RevisionCheck().checkSources("x", Map.of("A.java", "class A {}"));
    List<Finding> harness =
        new RevisionCheck()
            .checkSources("x", Map.of("A.java", "package dev.irqlab.devices;\nclass A {}"));
    assertEquals(
        "A.java:1:1: [revision-package] no package declaration: the sources of revision x are in"
            + " package dev.irqlab.rev.x (the id with . and - as _)",
        none.get(0).toString());
    assertEquals(
        "A.java:1:1: [revision-package] package dev.irqlab.devices: a revision's sources are in a"
            + " package of their own under dev.irqlab.rev",
        harness.get(0).toString());
  }

  @Test
  void packageOfFollowsTheModuleNamingConvention() {
    assertEquals("dev.irqlab.rev.cleanup_v1_2025", RevisionModule.packageOf("cleanup-v1-2025"));
    assertEquals("dev.irqlab.rev.v6_17", RevisionModule.packageOf("v6.17"));
  }

  private static Path module(Path tmp, String id, String provider) throws IOException {
    Path sources = Files.createDirectories(tmp.resolve(id).resolve("src/main/java"));
    Files.writeString(sources.resolve("Provider.java"), provider, StandardCharsets.UTF_8);
    return tmp.resolve(id);
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
