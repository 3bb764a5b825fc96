package dev.irqlab.scaffold.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The revision modules of this repository pass, and a copy of one that breaks a rule does not. */
class RealRevisionsTest {
  private static final Path REVISIONS =
      Path.of(System.getProperty("basedir", ".")).resolve("../../revisions").normalize();

  /**
   * The historical revisions, which the rules must all accept (a module added later is checked
   * by the build itself, at its own process-sources step).
   */
  static List<String> historicalRevisions() {
    return List.of("rfc-2015", "v4.4", "v5.9", "v6.16", "xarray-v1-2023", "xarray-v2-2023",
        "cleanup-v1-2025", "v6.17");
  }

  @ParameterizedTest
  @MethodSource("historicalRevisions")
  void everyHistoricalRevisionPasses(String module) throws IOException {
    Path dir = REVISIONS.resolve(module);
    try (Stream<Path> files = Files.list(dir.resolve("src/main/java"))) {
      assertTrue(files.filter(f -> f.toString().endsWith(".java")).count() >= 3, module);
    }
    List<Finding> findings = new RevisionCheck().checkModule(dir);
    assertEquals("", lines(findings), module);
  }

  @Test
  void aCopyThatImportsHashMapFailsNamingFileLineAndRule(@TempDir Path tmp) throws IOException {
    Path copy = copy(REVISIONS.resolve("v6.16"), tmp.resolve("copy-of-v6.16"));
    Path manager = copy.resolve("src/main/java/IrqBypassManager.java");
    String text = Files.readString(manager, StandardCharsets.UTF_8);
    text = insertAfter(text, "import java.util.ArrayList;", "import java.util.HashMap;");
    text = insertAfter(text, "  private final Mutex lock;",
        "  private final HashMap<Long, IrqBypassProducer> byToken = new HashMap<>();");
    Files.writeString(manager, text, StandardCharsets.UTF_8);
    int line = text.lines().toList().indexOf("import java.util.HashMap;") + 1;

    List<Finding> findings = new RevisionCheck().checkModule(copy);

    String expected =
        RevisionCheck.label(manager) + ":" + line + ":1: [no-collections] java.util.HashMap: a"
            + " revision keeps its data in the emulated kernel's structures (ListHead, XArray),"
            + " not in java.util collections";
    assertTrue(findings.stream().anyMatch(f -> f.toString().equals(expected)), lines(findings));
  }

  @Test
  void theSnapshotExceptionDoesNotCoverListsElsewhere(@TempDir Path tmp) throws IOException {
    Path copy = copy(REVISIONS.resolve("v6.17"), tmp.resolve("v6.17"));
    Path manager = copy.resolve("src/main/java/IrqBypassManager.java");
    String text = Files.readString(manager, StandardCharsets.UTF_8);
    text = insertAfter(text, "  private final Mutex lock;",
        "  private final List<Long> tokens = new ArrayList<>();");
    Files.writeString(manager, text, StandardCharsets.UTF_8);

    List<Finding> findings = new RevisionCheck().checkModule(copy);

    List<String> what = findings.stream().map(f -> f.message().split(":")[0]).toList();
    assertEquals(List.of("java.util.ArrayList", "java.util.List"), what, lines(findings));
  }

  @Test
  void aCopyWhoseServicesFileIsRenamedButNotItsSourcesFails(@TempDir Path tmp) throws IOException {
    Path copy = copy(REVISIONS.resolve("v6.17"), tmp.resolve("renamed"));
    Files.writeString(
        copy.resolve("src/main/resources/" + RevisionModule.SERVICES_FILE),
        "dev.irqlab.rev.renamed.Provider\n",
        StandardCharsets.UTF_8);

    List<Finding> findings = new RevisionCheck().checkModule(copy);

    assertEquals(3, findings.size(), lines(findings));
    assertTrue(findings.stream().allMatch(f -> f.rule().equals("revision-package")));
    assertTrue(
        findings.get(0).message().startsWith(
            "package dev.irqlab.rev.v6_17: the module's Provider, named in "),
        lines(findings));
  }

  private static String insertAfter(String text, String line, String added) {
    assertTrue(text.contains(line + "\n"), line);
    return text.replace(line + "\n", line + "\n" + added + "\n");
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.filter(p -> !p.toString().contains("/target")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static String lines(List<Finding> findings) {
    return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
  }
}
