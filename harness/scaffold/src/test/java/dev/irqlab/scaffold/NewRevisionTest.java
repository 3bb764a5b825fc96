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

  /** {@code text} with its first Javadoc comment, the class's, replaced by {@code javadoc}. */
  private static String classJavadoc(String text, String javadoc) {
    int start = text.indexOf("/**");
    return text.substring(0, start) + javadoc + text.substring(text.indexOf("*/", start) + 2);
  }

  @Test
  void aCopyOfV616IsTheParentWithTheNewIdPackageStatusAndPlaceholders() {
    Path root = root();
    Scaffolded s = NewRevision.create(root, NewRevision.Request.of("unit-test-x", "v6.16"), Set.of());
    Path parent = root.resolve("revisions/v6.16");
    Path made = root.resolve("revisions/unit-test-x");
    assertEquals("dev.irqlab.rev.unit_test_x", s.packageName());
    assertEquals(List.of("pom.xml", "src/main/java/IrqBypassManager.java", "src/main/java/Provider.java",
            "src/main/java/package-info.java", "src/main/resources/META-INF/services/dev.irqlab.spi.Revision",
            "src/test/java/ConformanceTest.java", "src/test/java/IrqBypassManagerTest.java"),
        s.created().stream().map(f -> f.substring("revisions/unit-test-x/".length())).toList());
    String conformance = "src/test/java/ConformanceTest.java";
    assertEquals(replacePackage(Tree.read(parent.resolve(conformance)), "v6_16", "unit_test_x"), Tree.read(made.resolve(conformance)));
    String manager = "src/main/java/IrqBypassManager.java";
    assertEquals(replacePackage(Tree.read(parent.resolve(manager)), "v6_16", "unit_test_x"), Tree.read(made.resolve(manager)),
        "the port keeps its comments, and so every line where it was");
    String test = "src/test/java/IrqBypassManagerTest.java";
    assertEquals(classJavadoc(replacePackage(Tree.read(parent.resolve(test)), "v6_16", "unit_test_x"),
            "/**\n * TODO: describe what these tests check. They are v6.16's tests, copied: they expect v6.16's\n"
                + " * behaviour until you adapt them to this revision's.\n */"),
        Tree.read(made.resolve(test)));
    String provider = Tree.read(parent.resolve("src/main/java/Provider.java"));
    String expected = replacePackage(provider, "v6_16", "unit_test_x")
        .replace("/** The v6.16 revision: the list version as it stood from the May 2021 revert to v6.16. */",
            "/** The unit-test-x revision. TODO: say in one sentence what it is. */")
        .replace("RevisionInfo.builder(\"v6.16\")", "RevisionInfo.builder(\"unit-test-x\")")
        .replace(".title(\"virt/lib/irqbypass.c, the long-lived list version\")",
            ".title(\"TODO: give this revision a title, e.g. the patch's subject line\")")
        .replace(".author(\"Alex Williamson <alex.williamson@redhat.com>\")\n          .author(\"Zhu Lingshan <lingshan.zhu@intel.com>\")",
            ".author(\"TODO: Your Name <you@example.org>\")")
        .replace(".status(Status.MERGED)", ".status(Status.PROPOSAL)")
        .replace(".parent(\"v5.9\")", ".parent(\"v6.16\")")
        .replace(".summary(\"Lists and one mutex; a failed connect restarts both sides again. Unchanged\"\n"
                + "              + \" from the v5.9 revert (May 2021) until Sean Christopherson's 6.17 series.\")",
            ".summary(\"TODO: describe this revision: what it changes from v6.16, and what that does.\")");
    assertEquals(expected, Tree.read(made.resolve("src/main/java/Provider.java")));
    assertEquals("dev.irqlab.rev.unit_test_x.Provider\n", Tree.read(made.resolve(RevisionModules.SERVICES)));
    assertEquals(List.of(
            new Placeholder("revisions/unit-test-x/src/main/java/Provider.java", "title, author, summary, class comment"),
            new Placeholder("revisions/unit-test-x/src/main/java/package-info.java", "description; the licence stays"),
            new Placeholder("revisions/unit-test-x/src/test/java/IrqBypassManagerTest.java", "class comment")),
        s.placeholders());
  }

  @Test
  void thePackageDescriptionIsAPlaceholderAndTheLicenceStays() {
    Path root = root();
    NewRevision.create(root, NewRevision.Request.of("unit-test-x", "v6.16"), Set.of());
    assertEquals("""
        /**
         * unit-test-x: TODO: describe this revision: what it changes in v6.16 (its parent here) and why,
         * where it was posted, and how the manager works as of this revision, as
         * revisions/v6.16/src/main/java/package-info.java does for v6.16.
         *
         * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
         * Copyright (c) 2015 Linaro Ltd. It is distributed under the same licence.
         */
        package dev.irqlab.rev.unit_test_x;
        """, Tree.read(root.resolve("revisions/unit-test-x/src/main/java/package-info.java")));
  }

  @Test
  void everyCopyKeepsTheParentsDeclarationsAndDropsItsDescriptions() {
    for (RevisionModules.Module m : RevisionModules.scan(Tree.REPO)) {
      RevisionPlan plan = NewRevision.plan(Tree.REPO, NewRevision.Request.of("copy-of-it", m.id()), Set.of());
      String pkg = text(plan, "src/main/java/package-info.java");
      assertTrue(pkg.startsWith("/**\n * copy-of-it: TODO: describe this revision: what it changes in " + m.id() + " "), pkg);
      assertTrue(pkg.contains("GPL-2.0"), m.id() + ": the licence stays");
      assertFalse(pkg.contains("<h2>") || pkg.contains("Theory of operation") || pkg.contains(m.id() + ": {@code"), pkg);
      String provider = text(plan, "src/main/java/Provider.java");
      String parent = Tree.read(Tree.REPO.resolve(m.infoFile()));
      assertFalse(provider.contains("The " + m.id() + " revision"), provider);
      for (String call : List.of(".title(", ".author(", ".summary(")) {
        assertTrue(calls(provider, call).stream().allMatch(c -> c.startsWith(call + "\"TODO: ")), m.id() + " " + call);
      }
      for (String call : List.of(".deviates(", ".lacks(", ".link(", ".defaultEra(", "Symptom.")) {
        assertEquals(calls(parent, call), calls(provider, call), m.id() + ": " + call + " kept");
      }
      String test = text(plan, "src/test/java/IrqBypassManagerTest.java");
      assertTrue(test.substring(test.indexOf("/**")).startsWith("/**\n * TODO: describe "), m.id() + " test");
      String manager = text(plan, "src/main/java/IrqBypassManager.java");
      String parentManager = Tree.read(Tree.REPO.resolve("revisions/" + m.folder() + "/src/main/java/IrqBypassManager.java"));
      assertEquals(parentManager.lines().count(), manager.lines().count(), m.id() + ": the port keeps its lines");
      assertFalse(manager.contains("TODO:"), m.id() + ": the port keeps its comments");
      String parentDoc = Tree.read(Tree.REPO.resolve("revisions/" + m.folder() + "/src/test/java/IrqBypassManagerTest.java"));
      String firstLine = parentDoc.substring(parentDoc.indexOf("/**")).lines().skip(1).findFirst().orElseThrow();
      assertFalse(text(plan, "src/test/java/IrqBypassManagerTest.java").contains(firstLine), m.id() + ": " + firstLine);
    }
  }

  private static String text(RevisionPlan plan, String file) {
    return new String(plan.files().get(file), StandardCharsets.UTF_8);
  }

  /** Each occurrence of {@code call} in {@code source}, to the end of its line. */
  private static List<String> calls(String source, String call) {
    List<String> out = new ArrayList<>();
    for (int i = source.indexOf(call); i >= 0; i = source.indexOf(call, i + 1)) {
      int end = source.indexOf('\n', i);
      out.add(source.substring(i, end < 0 ? source.length() : end));
    }
    return out;
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
  void aGivenTitleAndAuthorLeaveOnlyTheSummaryAndTheCommentsToWrite() {
    Path root = root();
    var request = new NewRevision.Request("fix-c", "v6.17", "irqbypass: a title", List.of("Ann <ann@example.org>"), Status.PROPOSAL, null);
    Scaffolded s = NewRevision.create(root, request, Set.of());
    String p = Tree.read(root.resolve("revisions/fix-c/src/main/java/Provider.java"));
    assertTrue(p.contains(".title(\"irqbypass: a title\")\n          .author(\"Ann <ann@example.org>\")\n"), p);
    assertTrue(s.placeholders().contains(new Placeholder("revisions/fix-c/src/main/java/Provider.java", "summary, class comment")),
        s.placeholders().toString());
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
