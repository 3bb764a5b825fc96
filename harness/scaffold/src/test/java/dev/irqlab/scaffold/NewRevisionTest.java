package dev.irqlab.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.spi.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scaffolding real revisions into a copy of the repository's revisions and module lists. */
class NewRevisionTest {
  @TempDir Path dir;

  private Path root() {
    return Tree.copyOfRepo(dir);
  }

  private static String replacePackage(String text, String from, String to) {
    return text.replace("dev.irqlab.rev." + from + ";", "dev.irqlab.rev." + to + ";")
        .replace("dev.irqlab.rev." + from + ".", "dev.irqlab.rev." + to + ".");
  }

  @Test
  void aCopyOfV616IsTheParentWithTheNewIdPackageAndStatus() {
    Path root = root();
    Scaffolded s = NewRevision.create(root, NewRevision.Request.of("unit-test-x", "v6.16"), Set.of());
    Path parent = root.resolve("revisions/v6.16");
    Path made = root.resolve("revisions/unit-test-x");
    assertEquals("dev.irqlab.rev.unit_test_x", s.packageName());
    assertEquals(List.of("pom.xml", "src/main/java/IrqBypassManager.java", "src/main/java/Provider.java",
            "src/main/java/package-info.java", "src/main/resources/META-INF/services/dev.irqlab.spi.Revision",
            "src/test/java/ConformanceTest.java", "src/test/java/IrqBypassManagerTest.java"),
        s.created().stream().map(f -> f.substring("revisions/unit-test-x/".length())).toList());
    for (String f : List.of("src/main/java/IrqBypassManager.java", "src/main/java/package-info.java",
        "src/test/java/ConformanceTest.java", "src/test/java/IrqBypassManagerTest.java")) {
      assertEquals(replacePackage(Tree.read(parent.resolve(f)), "v6_16", "unit_test_x"), Tree.read(made.resolve(f)), f);
    }
    String provider = Tree.read(parent.resolve("src/main/java/Provider.java"));
    String expected = replacePackage(provider, "v6_16", "unit_test_x")
        .replace("RevisionInfo.builder(\"v6.16\")", "RevisionInfo.builder(\"unit-test-x\")")
        .replace(".status(Status.MERGED)", ".status(Status.PROPOSAL)")
        .replace(".parent(\"v5.9\")", ".parent(\"v6.16\")");
    assertEquals(expected, Tree.read(made.resolve("src/main/java/Provider.java")));
    assertEquals("dev.irqlab.rev.unit_test_x.Provider\n", Tree.read(made.resolve(RevisionModules.SERVICES)));
  }

  @Test
  void thePomNamesTheNewArtifactAndKeepsEverythingElse() {
    Path root = root();
    NewRevision.create(root, NewRevision.Request.of("unit-test-x", "v6.16"), Set.of());
    String parent = Tree.read(root.resolve("revisions/v6.16/pom.xml"));
    String made = Tree.read(root.resolve("revisions/unit-test-x/pom.xml"));
    String expected = parent.replace("<artifactId>irqlab-revision-v6.16</artifactId>", "<artifactId>irqlab-revision-unit-test-x</artifactId>")
        .replace("<name>revision v6.16</name>", "<name>revision unit-test-x</name>")
        .replaceFirst("<description>.*</description>",
            "<description>A copy of revision v6.16, to be changed into a new design.</description>");
    assertEquals(expected, made);
    assertTrue(made.contains("<artifactId>irqlab-revisions</artifactId>"), made);
  }

  @Test
  void titleAuthorsDateAndStatusAreTheGivenOnesOnLinesOfTheirOwn() {
    Path root = root();
    var request = new NewRevision.Request("fix-a", "v6.16", "A \"quoted\" title & <more>",
        List.of("Ann <ann@example.org>"), Status.MERGED, LocalDate.parse("2026-02-03"));
    NewRevision.create(root, request, Set.of());
    String p = Tree.read(root.resolve("revisions/fix-a/src/main/java/Provider.java"));
    assertTrue(p.contains("\n          .title(\"A \\\"quoted\\\" title & <more>\")\n"
        + "          .author(\"Ann <ann@example.org>\")\n"
        + "          .date(\"2026-02-03\")\n"
        + "          .status(Status.MERGED)\n"
        + "          .parent(\"v6.16\")\n"), p);
    assertFalse(p.contains("Zhu Lingshan"), "the parent's second author is dropped");
    assertTrue(Tree.read(root.resolve("revisions/fix-a/pom.xml")).contains("<description>A \"quoted\" title &amp; &lt;more&gt;</description>"));
  }

  @Test
  void moreAuthorsThanTheParentHasAreAddedInOrder() {
    Path root = root();
    var request = new NewRevision.Request("fix-b", "v6.17", null, List.of("A <a@x>", "B <b@x>", "C <c@x>"), Status.PROPOSAL, null);
    NewRevision.create(root, request, Set.of());
    String p = Tree.read(root.resolve("revisions/fix-b/src/main/java/Provider.java"));
    assertTrue(p.contains("\n          .author(\"A <a@x>\")\n          .author(\"B <b@x>\")\n          .author(\"C <c@x>\")\n"
        + "          .date(\"2025-05-16\")\n"), p);
  }

  @Test
  void aCopyOfTheRootOfTheHistoryGainsAParentLine() {
    Path root = root();
    NewRevision.create(root, NewRevision.Request.of("rfc-2015b", "rfc-2015"), Set.of());
    String p = Tree.read(root.resolve("revisions/rfc-2015b/src/main/java/Provider.java"));
    assertTrue(p.contains("\n          .status(Status.PROPOSAL)\n          .parent(\"rfc-2015\")\n"), p);
    assertTrue(p.startsWith("package dev.irqlab.rev.rfc_2015b;\n"), p);
  }

  @Test
  void theModuleListsOnlyGainLinesAtTheirEnd() {
    Path root = root();
    Map<String, String> before = Tree.snapshot(root);
    Scaffolded s = NewRevision.create(root, NewRevision.Request.of("unit-test-x", "v6.16"), Set.of());
    assertEquals(List.of("harness/bench/pom.xml", "harness/cli/pom.xml", "harness/e2e/pom.xml", "revisions/pom.xml"),
        s.added().stream().map(Insertion::file).sorted().toList());
    for (Insertion i : s.added()) {
      List<String> lines = new ArrayList<>(ModuleLists.split(Tree.read(root.resolve(i.file()))));
      assertEquals(i.lines(), lines.subList(i.line() - 1, i.line() - 1 + i.lines().size()).stream().map(String::stripTrailing).toList());
      lines.subList(i.line() - 1, i.line() - 1 + i.lines().size()).clear();
      assertEquals(before.get(i.file()), String.join("", lines), "removing the added lines gives " + i.file() + " back");
    }
    Insertion module = s.added().stream().filter(i -> i.file().equals("revisions/pom.xml")).findFirst().orElseThrow();
    assertEquals(List.of("    <module>unit-test-x</module>"), module.lines());
    List<String> pom = Tree.read(root.resolve("revisions/pom.xml")).lines().toList();
    String last = before.get("revisions/pom.xml").lines().filter(l -> l.contains("<module>")).reduce((x, y) -> y).orElseThrow();
    assertEquals(last, pom.get(module.line() - 2), "after the last module");
    Insertion cli = s.added().stream().filter(i -> i.file().equals("harness/cli/pom.xml")).findFirst().orElseThrow();
    assertEquals(List.of("    <dependency>", "      <groupId>dev.irqlab</groupId>", "      <artifactId>irqlab-revision-unit-test-x</artifactId>",
        "      <version>${project.version}</version>", "      <scope>test</scope>", "    </dependency>"), cli.lines());
  }

  @Test
  void deletingTheFolderAndTheAddedLinesRestoresTheTree() {
    Path root = root();
    Map<String, String> before = Tree.snapshot(root);
    Scaffolded s = NewRevision.create(root, NewRevision.Request.of("unit-test-x", "v6.16"), Set.of());
    Tree.delete(root.resolve("revisions/unit-test-x"));
    for (Insertion i : s.added()) {
      List<String> lines = new ArrayList<>(ModuleLists.split(Tree.read(root.resolve(i.file()))));
      lines.subList(i.line() - 1, i.line() - 1 + i.lines().size()).clear();
      Tree.write(root.resolve(i.file()), String.join("", lines));
    }
    assertEquals(before, Tree.snapshot(root));
  }

  @Test
  void theSameCommandMakesTheSameBytes(@TempDir Path other) {
    Path a = root();
    Path b = Tree.copyOfRepo(other);
    NewRevision.create(a, NewRevision.Request.of("unit-test-x", "xarray-v2-2023"), Set.of());
    NewRevision.create(b, NewRevision.Request.of("unit-test-x", "xarray-v2-2023"), Set.of());
    assertEquals(Tree.snapshot(a), Tree.snapshot(b));
  }

  @Test
  void everyRevisionCanBeAParent() {
    for (RevisionModules.Module m : RevisionModules.scan(Tree.REPO)) {
      RevisionPlan plan = NewRevision.plan(Tree.REPO, NewRevision.Request.of("copy-of-it", m.id()), Set.of());
      String provider = new String(plan.files().get("src/main/java/Provider.java"), StandardCharsets.UTF_8);
      assertTrue(provider.startsWith("package dev.irqlab.rev.copy_of_it;\n"), m.id());
      assertTrue(provider.contains("RevisionInfo.builder(\"copy-of-it\")") && provider.contains(".parent(\"" + m.id() + "\")"), provider);
      JavaSources.parse(m.id(), provider);
      assertEquals(4, plan.insertions().size(), m.id());
    }
  }
}
