package dev.irqlab.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.spi.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A patch series laid out as chained revision modules, in a copy of the repository. */
class NewSeriesTest {
  @TempDir Path dir;

  private static NewSeries.Request request(String stem, String parent, String name, int patches, String cover) {
    return new NewSeries.Request(stem, parent, name, patches, cover, List.of(), Status.PROPOSAL, null);
  }

  private static String provider(Path root, String id) {
    return Tree.read(root.resolve("revisions/" + id + "/src/main/java/Provider.java"));
  }

  @Test
  void eachPatchIsACopyOfTheOneBeforeItWithItsPlaceInTheSeries() {
    Path root = Tree.copyOfRepo(dir);
    List<Scaffolded> made = NewSeries.create(root, request("fix", "v6.16", "fix-it", 3, null), Set.of());
    assertEquals(List.of("fix-1", "fix-2", "fix-3"), made.stream().map(Scaffolded::id).toList());
    assertEquals(List.of("v6.16", "fix-1", "fix-2"), made.stream().map(Scaffolded::parent).toList());
    for (int k = 1; k <= 3; k++) {
      String p = provider(root, "fix-" + k);
      String parent = k == 1 ? "v6.16" : "fix-" + (k - 1);
      assertTrue(p.contains("RevisionInfo.builder(\"fix-" + k + "\")\n"), p);
      assertTrue(p.contains("\n          .parent(\"" + parent + "\")\n          .series(\"fix-it\", \"" + InfoRewriter.COVER + "\", "
          + k + ", 3)\n          .link("), p);
      assertEquals(1, p.split("\\.series\\(", -1).length - 1, "one series call: " + p);
      assertTrue(p.contains(".summary(\"TODO: describe this revision: what it changes from " + parent + ", and what that does.\")"), p);
      assertTrue(Tree.read(root.resolve("revisions/fix-" + k + "/pom.xml")).contains("<description>Patch " + k
          + "/3 of series fix-it: a copy of revision " + parent + ", to be changed into that patch.</description>"));
      assertTrue(made.get(k - 1).placeholders().contains(new Placeholder("revisions/fix-" + k + "/src/main/java/Provider.java",
          "title, author, summary, series cover, class comment")), made.get(k - 1).placeholders().toString());
    }
    String manager = "src/main/java/IrqBypassManager.java";
    assertEquals(Tree.read(root.resolve("revisions/v6.16/" + manager)).replace("rev.v6_16", "rev.fix_3"),
        Tree.read(root.resolve("revisions/fix-3/" + manager)), "the last patch is still the parent's code");
    List<String> modules = Tree.read(root.resolve("revisions/pom.xml")).lines().filter(l -> l.contains("<module>fix-")).toList();
    assertEquals(List.of("    <module>fix-1</module>", "    <module>fix-2</module>", "    <module>fix-3</module>"), modules);
  }

  @Test
  void aGivenCoverIsEveryPatchsAndLeavesNoPlaceholderForIt() {
    Path root = Tree.copyOfRepo(dir);
    List<Scaffolded> made = NewSeries.create(root, request("fix", "v6.17", "fix-it", 2, "irqbypass: \"Two\" fixes"), Set.of());
    for (int k = 1; k <= 2; k++) {
      assertTrue(provider(root, "fix-" + k).contains(".series(\"fix-it\", \"irqbypass: \\\"Two\\\" fixes\", " + k + ", 2)"));
    }
    assertTrue(made.get(0).placeholders().contains(new Placeholder("revisions/fix-1/src/main/java/Provider.java",
        "title, author, summary, class comment")), made.get(0).placeholders().toString());
  }

  /** A parent that is itself a patch of a series, with an alias, as the last patch of a merged series is. */
  private static Path parentInASeries(Path root) {
    Path file = root.resolve("revisions/v6.16/src/main/java/Provider.java");
    String p = Tree.read(file);
    String withSeries = p.replace("          .parent(\"v5.9\")\n",
        "          .parent(\"v5.9\")\n          .series(\"old\", \"an old series\", 1, 1)\n          .alias(\"v6.16-1\")\n");
    assertFalse(p.equals(withSeries));
    Tree.write(file, withSeries);
    return root;
  }

  @Test
  void aCopyIsNoPatchOfItsParentsSeriesAndTakesNoneOfItsAliases() {
    Path root = parentInASeries(Tree.copyOfRepo(dir));
    NewRevision.create(root, NewRevision.Request.of("plain", "v6.16"), Set.of());
    String plain = provider(root, "plain");
    assertTrue(plain.contains("          .parent(\"v6.16\")\n          .link("), plain);
    assertFalse(plain.contains(".series(") || plain.contains(".alias("), plain);
    NewSeries.create(root, request("fix", "v6.16", "fix-it", 1, "c"), Set.of());
    String patch = provider(root, "fix-1");
    assertTrue(patch.contains("          .parent(\"v6.16\")\n          .series(\"fix-it\", \"c\", 1, 1)\n          .link("), patch);
    assertFalse(patch.contains(".alias("), patch);
  }

  /** Runs the scaffold on {@code root}, expects a refusal, checks nothing changed; returns the message. */
  private static String refused(Path root, NewSeries.Request request, Set<String> loaded) {
    Map<String, String> before = Tree.snapshot(root);
    ScaffoldException e = assertThrows(ScaffoldException.class, () -> NewSeries.create(root, request, loaded));
    assertEquals(before, Tree.snapshot(root), "a refusal writes nothing");
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void refusalsWriteNothing() {
    Path root = parentInASeries(Tree.copyOfRepo(dir));
    assertEquals("a series of 0 patches: give 1 to 99", refused(root, request("fix", "v6.16", "fix-it", 0, null), Set.of()));
    assertEquals("a series of 100 patches: give 1 to 99", refused(root, request("fix", "v6.16", "fix-it", 100, null), Set.of()));
    assertEquals("series name 'Fix': use lower-case letters, digits and '-', starting with a letter or digit",
        refused(root, request("fix", "v6.16", "Fix", 2, null), Set.of()));
    assertEquals("series fix-it has no cover letter subject", refused(root, request("fix", "v6.16", "fix-it", 2, " "), Set.of()));
    assertEquals("series 'old' exists: revisions/v6.16/src/main/java/Provider.java puts revision v6.16 in it",
        refused(root, request("fix", "v6.16", "old", 2, null), Set.of()));
    assertTrue(refused(root, request("fix", "nope", "fix-it", 2, null), Set.of()).startsWith("unknown parent 'nope': the revisions are "));
    assertEquals("revision 'fix-3' exists: a revision module on the class path provides it",
        refused(root, request("fix", "v6.16", "fix-it", 3, null), Set.of("fix-3")), "the last patch's id is checked first too");
    assertEquals("'fix.-1' is not a valid revision id: use lower-case letters and digits in words joined by single '.' or '-',"
        + " starting with a letter (e.g. v6.18, proposal-report-errors)", refused(root, request("fix.", "v6.16", "fix-it", 2, null), Set.of()));
  }
}
