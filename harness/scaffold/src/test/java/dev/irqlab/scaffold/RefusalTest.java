package dev.irqlab.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each refusal names what is wrong in one line and leaves the tree as it was. */
class RefusalTest {
  /** The historical designs, which every checkout has; a new module adds to them. */
  private static final List<String> HISTORY =
      List.of("cleanup-v1-2025", "rfc-2015", "v4.4", "v5.9", "v6.16", "v6.17", "xarray-v1-2023", "xarray-v2-2023");

  @TempDir Path dir;

  /** Runs the scaffold on {@code root}, expects a refusal, checks nothing changed; returns the message. */
  private static String refused(Path root, String id, String parent, Set<String> loaded) {
    Map<String, String> before = Tree.snapshot(root);
    ScaffoldException e = assertThrows(ScaffoldException.class,
        () -> NewRevision.create(root, NewRevision.Request.of(id, parent), loaded));
    assertEquals(before, Tree.snapshot(root), "a refusal writes nothing");
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void anExistingRevision() {
    Path root = Tree.copyOfRepo(dir);
    assertEquals("revision 'v6.17' exists: revisions/v6.17 is already there", refused(root, "v6.17", "v6.16", Set.of()));
  }

  @Test
  void anExistingFolderThatIsNoModule() {
    Path root = Tree.copyOfRepo(dir);
    Tree.write(root.resolve("revisions/notes/README"), "scratch\n");
    assertEquals("revision 'notes' exists: revisions/notes is already there", refused(root, "notes", "v6.16", Set.of()));
  }

  @Test
  void anIdAModuleProvidesUnderAnotherFolder() {
    Path root = Tree.copyOfRepo(dir);
    Path p = root.resolve("revisions/v6.17/src/main/java/Provider.java");
    Tree.write(p, Tree.read(p).replace("builder(\"v6.17\")", "builder(\"v6.17-final\")"));
    assertEquals("revision 'v6.17-final' exists: revisions/v6.17/src/main/java/Provider.java provides it",
        refused(root, "v6.17-final", "v6.16", Set.of()));
  }

  @Test
  void anIdOnTheClassPath() {
    Path root = Tree.copyOfRepo(dir);
    assertEquals("revision 'elsewhere' exists: a revision module on the class path provides it",
        refused(root, "elsewhere", "v6.16", Set.of("elsewhere")));
  }

  @Test
  void anIdTheModuleListAlreadyNames() {
    Path root = Tree.copyOfRepo(dir);
    Path pom = root.resolve("revisions/pom.xml");
    Tree.write(pom, Tree.read(pom).replace("    <module>v6.17</module>\n", "    <module>v6.17</module>\n    <module>ghost</module>\n"));
    int line = Tree.read(pom).lines().toList().indexOf("    <module>ghost</module>") + 1;
    assertEquals("revisions/pom.xml:" + line + ": already lists module 'ghost'", refused(root, "ghost", "v6.16", Set.of()));
  }

  @Test
  void anIdAPomAlreadyDependsOn() {
    Path root = Tree.copyOfRepo(dir);
    Path pom = root.resolve("harness/e2e/pom.xml");
    Tree.write(pom, Tree.read(pom).replace("irqlab-revision-v6.17<", "irqlab-revision-ghost<"));
    int line = Tree.read(pom).lines().toList().indexOf("      <artifactId>irqlab-revision-ghost</artifactId>") + 1;
    assertEquals("harness/e2e/pom.xml:" + line + ": already depends on irqlab-revision-ghost", refused(root, "ghost", "v6.16", Set.of()));
  }

  @Test
  void anIdWhosePackageIsTaken() {
    Path root = Tree.copyOfRepo(dir);
    assertEquals("'v6-16' would use package dev.irqlab.rev.v6_16, which revisions/v6.16 has", refused(root, "v6-16", "v6.17", Set.of()));
  }

  /** The revisions an unknown-parent message names: sorted, with {@code present} and not {@code absent}. */
  private static void assertNamesRevisions(String message, String parent, List<String> present, String absent) {
    String head = "unknown parent '" + parent + "': the revisions are ";
    assertTrue(message.startsWith(head), message);
    List<String> named = List.of(message.substring(head.length()).split(", "));
    assertEquals(named.stream().sorted().toList(), named, message);
    assertTrue(named.containsAll(present) && !named.contains(absent), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v9.9", "V6.16", "target", "pom.xml", "../v6.16"})
  void anUnknownParent(String parent) {
    Path root = Tree.copyOfRepo(dir);
    assertNamesRevisions(refused(root, "unit-test-x", parent, Set.of()), parent, HISTORY, parent);
  }

  @Test
  void aParentFolderThatIsNotListed() {
    Path root = Tree.copyOfRepo(dir);
    Path pom = root.resolve("revisions/pom.xml");
    Tree.write(pom, Tree.read(pom).replace("    <module>v5.9</module>\n", ""));
    assertNamesRevisions(refused(root, "unit-test-x", "v5.9", Set.of()), "v5.9",
        HISTORY.stream().filter(id -> !id.equals("v5.9")).toList(), "v5.9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Scratch", "6.18", "a..b", "a-", "a_b", "int", "target", "../x", "x/y"})
  void anInvalidId(String id) {
    Path root = Tree.copyOfRepo(dir);
    String message = refused(root, id, "v6.16", Set.of());
    assertTrue(message.contains("revision id"), message);
  }

  @Test
  void aTreeWithoutRevisions() {
    ScaffoldException e = assertThrows(ScaffoldException.class,
        () -> NewRevision.create(dir, NewRevision.Request.of("unit-test-x", "v6.16"), Set.of()));
    assertEquals(dir + " is not an irqbypass-lab checkout: revisions/pom.xml is missing", e.getMessage());
  }

  @Test
  void aSecondRunOfTheSameCommand() {
    Path root = Tree.copyOfRepo(dir);
    NewRevision.create(root, NewRevision.Request.of("unit-test-x", "v6.16"), Set.of());
    assertEquals("revision 'unit-test-x' exists: revisions/unit-test-x is already there", refused(root, "unit-test-x", "v6.16", Set.of()));
  }
}
