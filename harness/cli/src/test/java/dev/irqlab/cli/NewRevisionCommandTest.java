package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irqlab new-revision} on a copy of the repository's revisions and module lists. */
class NewRevisionCommandTest {
  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
  private static final List<String> LISTS = List.of("revisions/pom.xml", "harness/cli/pom.xml", "harness/e2e/pom.xml");

  @TempDir Path dir;

  /** revisions/ without build output, and the poms that list the revisions. */
  private Path copy() {
    return copy(dir);
  }

  private static Path copy(Path dir) {
    try (Stream<Path> all = Files.walk(REPO.resolve("revisions"))) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String rel = REPO.relativize(p).toString().replace('\\', '/');
        if (!rel.contains("/target/")) {
          Files.createDirectories(dir.resolve(rel).getParent());
          Files.copy(p, dir.resolve(rel));
        }
      }
      for (String pom : LISTS.subList(1, LISTS.size())) {
        Files.createDirectories(dir.resolve(pom).getParent());
        Files.copy(REPO.resolve(pom), dir.resolve(pom));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static Map<String, String> snapshot(Path root) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        out.put(root.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "<dir>");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static int lineOf(Path file, String text) throws IOException {
    return Files.readAllLines(file).indexOf(text) + 1;
  }

  @Test
  void makesTheModuleAndPrintsItsFilesTheAddedLinesAndTheNextSteps() throws IOException {
    Path root = copy();
    Cli.Run r = Cli.run("new-revision", "unit-test-x", "--from", "v6.16", "--root", root.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals("", r.err());
    List<String> out = r.out().lines().toList();
    assertEquals(List.of("Created revisions/unit-test-x, a copy of revisions/v6.16:", "  pom.xml", "  src/main/java/IrqBypassManager.java", "  src/main/java/Provider.java",
        "  src/main/java/package-info.java", "  src/main/resources/META-INF/services/dev.irqlab.spi.Revision",
        "  src/test/java/ConformanceTest.java", "  src/test/java/IrqBypassManagerTest.java", "",
        "Added these lines, and changed nothing else:"), out.subList(0, 10));
    int module = lineOf(root.resolve("revisions/pom.xml"), "    <module>unit-test-x</module>");
    int cli = lineOf(root.resolve("harness/cli/pom.xml"), "      <artifactId>irqlab-revision-unit-test-x</artifactId>");
    assertTrue(out.get(10).matches("  revisions/pom.xml:" + module + "  +<module>unit-test-x</module>"), out.get(10));
    assertTrue(out.get(11).matches("  harness/cli/pom.xml:" + (cli - 2) + "-" + (cli + 3) + "  +<dependency> irqlab-revision-unit-test-x"), out.get(11));
    assertEquals(out.get(10).indexOf('<'), out.get(11).indexOf('<'), "one column");
    assertTrue(r.out().contains("\nNext steps:\n  1. Say what the revision is: replace the placeholders (text starting TODO:)\n"
        + "     that stand where v6.16 described itself, in revisions/unit-test-x:\n"
        + "       src/main/java/Provider.java: title, author, summary, class comment\n"
        + "       src/main/java/package-info.java: description; the licence stays\n"
        + "       src/test/java/IrqBypassManagerTest.java: class comment\n"
        + "       (grep -rn 'TODO:' revisions/unit-test-x lists them).\n"), r.out());
    assertTrue(r.out().contains("  2. Make the change in src/main/java/IrqBypassManager.java, and its comments\n"
        + "     with it (they are v6.16's, kept so that every line stays where it was)."), r.out());
    assertTrue(r.out().contains(" tests\n     the behaviour of v6.16: it passes until you change that, then fails until\n     you adapt it.\n"), r.out());
    assertTrue(r.out().contains("\n       ./irqlab matrix\n       ./irqlab diff v6.16 unit-test-x\n"), r.out());
    assertTrue(r.out().contains("\n  rm -r revisions/unit-test-x\n  git checkout -- harness/cli/pom.xml harness/e2e/pom.xml revisions/pom.xml\n"), r.out());
    Cli.fitsEightyColumns(r.out());
    String provider = Files.readString(root.resolve("revisions/unit-test-x/src/main/java/Provider.java"));
    assertTrue(provider.contains(".status(Status.PROPOSAL)"), provider);
    assertTrue(provider.contains(".title(\"TODO: give this revision a title, e.g. the patch's subject line\")"), provider);
    assertTrue(provider.contains(".summary(\"TODO: describe this revision: what it changes from v6.16, and what that does.\")"), provider);
    assertTrue(!provider.contains("long-lived") && !provider.contains("Alex Williamson <"), provider);
    assertTrue(provider.contains(".deviates(\"UNR-04\"") && provider.contains(".deviates(\"INV-04\""), provider);
  }

  @Test
  void givenTitleAndAuthorAreNotListedAsPlaceholders() {
    Path root = copy();
    Cli.Run r = Cli.run("new-revision", "fix-b", "--from", "v6.17", "--root", root.toString(), "--title", "irqbypass: a fix",
        "--author", "Ann Dev <ann@example.org>");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("\n       src/main/java/Provider.java: summary, class comment\n"), r.out());
  }

  @Test
  void theOptionsSetTitleAuthorsStatusAndDate() throws IOException {
    Path root = copy();
    Cli.Run r = Cli.run("new-revision", "fix-a", "--from", "v6.17", "--root", root.toString(), "--title", "irqbypass: report errors",
        "--author", "Ann Dev <ann@example.org>", "--status", "Superseded", "--date", "2026-01-02");
    assertEquals(Main.OK, r.code(), r.err());
    String p = Files.readString(root.resolve("revisions/fix-a/src/main/java/Provider.java"));
    assertTrue(p.contains("RevisionInfo.builder(\"fix-a\")\n          .title(\"irqbypass: report errors\")\n"
        + "          .author(\"Ann Dev <ann@example.org>\")\n          .date(\"2026-01-02\")\n"
        + "          .status(Status.SUPERSEDED)\n          .parent(\"v6.17\")\n"), p);
  }

  private void refused(String message, String... args) {
    Path root = copy(dir.resolve("tree" + dir.toFile().list().length));
    Map<String, String> before = snapshot(root);
    String[] all = Stream.concat(Stream.of(args), Stream.of("--root", root.toString())).toArray(String[]::new);
    Cli.run(all).assertUsageError(message);
    assertEquals(before, snapshot(root), "nothing written");
  }

  @Test
  void refusesATakenIdAnUnknownParentAndAMalformedIdWritingNothing() {
    refused("revision 'v6.17' exists: revisions/v6.17 is already there", "new-revision", "v6.17", "--from", "v6.16");
    refused("unknown parent 'v9.9': the revisions are " + String.join(", ", RevisionHistoryTest.ALL.stream().sorted().toList()),
        "new-revision", "unit-test-x", "--from", "v9.9");
    refused("'Scratch' is not a valid revision id: use lower-case letters and digits in words joined by single '.' or '-',"
        + " starting with a letter (e.g. v6.18, proposal-report-errors)", "new-revision", "Scratch", "--from", "v6.16");
    refused("unknown status 'draft': use proposal, merged, superseded or rejected", "new-revision", "x", "--from", "v6.16", "--status", "draft");
    refused("--date '16 May 2025': expected a date as YYYY-MM-DD", "new-revision", "x", "--from", "v6.16", "--date", "16 May 2025");
  }

  @Test
  void refusesAnIdThatARevisionOnTheClassPathHas() throws IOException {
    Path root = copy();
    try (Stream<Path> all = Files.walk(root.resolve("revisions/v6.17"))) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Path pom = root.resolve("revisions/pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("    <module>v6.17</module>\n", ""));
    for (String list : LISTS.subList(1, LISTS.size())) {
      Path p = root.resolve(list);
      Files.writeString(p, Files.readString(p).replace("irqlab-revision-v6.17<", "irqlab-revision-v6.17-gone<"));
    }
    Map<String, String> before = snapshot(root);
    Cli.run("new-revision", "v6.17", "--from", "v6.16", "--root", root.toString())
        .assertUsageError("revision 'v6.17' exists: a revision module on the class path provides it");
    assertEquals(before, snapshot(root));
  }

  @Test
  void refusesARootThatIsNoCheckout() {
    Cli.run("new-revision", "unit-test-x", "--from", "v6.16", "--root", dir.toString())
        .assertUsageError(dir.toAbsolutePath().normalize() + " is not an irqbypass-lab checkout: it has no revisions/pom.xml");
  }

  @Test
  void withoutFromItIsAUsageError() {
    Cli.Run r = Cli.run("new-revision", "unit-test-x", "--root", copy().toString());
    assertEquals(Main.USAGE, r.code(), r.err());
    assertTrue(r.err().contains("Missing required option: '--from=PARENT'"), r.err());
  }

  @Test
  void seriesMakesChainedPatchesAndSaysWhatToDoWithThem() throws IOException {
    Path root = copy();
    Cli.Run r = Cli.run("new-revision", "fix", "--from", "v6.16", "--series", "fix-it:3", "--root", root.toString(),
        "--title", "irqbypass: fix it in three steps");
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals("", r.err());
    List<String> out = r.out().lines().toList();
    assertEquals(List.of("Created series fix-it, 3 patches on v6.16, each module a copy of the one before:",
        "  revisions/fix-1  patch 1/3 on v6.16", "  revisions/fix-2  patch 2/3 on fix-1",
        "  revisions/fix-3  patch 3/3 on fix-2", "each with these files:", "  pom.xml"), out.subList(0, 6));
    int module = lineOf(root.resolve("revisions/pom.xml"), "    <module>fix-1</module>");
    assertTrue(out.stream().anyMatch(l -> l.matches("  revisions/pom.xml:" + module + "-" + (module + 2) + "  +<module> for each patch")),
        r.out());
    int cli = lineOf(root.resolve("harness/cli/pom.xml"), "      <artifactId>irqlab-revision-fix-1</artifactId>");
    assertTrue(out.stream().anyMatch(l -> l.matches("  harness/cli/pom.xml:" + (cli - 2) + "-" + (cli + 15)
        + "  +<dependency> for each patch")), r.out());
    assertTrue(r.out().contains("\n       (grep -rn 'TODO:' revisions/fix-{1..3} lists them).\n  2. Module k holds"), r.out());
    assertTrue(r.out().contains("\n       ./irqlab matrix --series fix-it\n"), r.out());
    assertTrue(r.out().contains("\n  rm -r revisions/fix-{1..3}\n  git checkout -- harness/cli/pom.xml harness/e2e/pom.xml revisions/pom.xml\n"), r.out());
    Cli.fitsEightyColumns(r.out());
    for (int k = 1; k <= 3; k++) {
      String p = Files.readString(root.resolve("revisions/fix-" + k + "/src/main/java/Provider.java"));
      assertTrue(p.contains(".parent(\"" + (k == 1 ? "v6.16" : "fix-" + (k - 1)) + "\")\n"
          + "          .series(\"fix-it\", \"irqbypass: fix it in three steps\", " + k + ", 3)\n"), p);
      assertTrue(p.contains(".title(\"TODO: give this revision a title, e.g. the patch's subject line\")"), p);
    }
  }

  @Test
  void aSeriesWithALongerNameStillFitsEightyColumns() {
    Cli.Run r = Cli.run("new-revision", "report-connect-errors", "--from", "v6.17", "--series", "report-connect-errors:12",
        "--root", copy().toString());
    assertEquals(Main.OK, r.code(), r.err());
    Cli.fitsEightyColumns(r.out());
    assertTrue(r.out().contains("\n       ./mvnw -B -q verify -am \\\n           -pl \"$(echo revisions/report-connect-errors-{1..12}"
        + " | tr ' ' ,)\"\n"), r.out());
  }

  @Test
  void aSeriesOfOnePatchIsItsOwnLastPatch() {
    Path root = copy();
    Cli.Run r = Cli.run("new-revision", "fix", "--from", "v6.17", "--series", "fix-it:1", "--root", root.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("Created series fix-it, 1 patch on v6.17, each module a copy of the one before:\n"
        + "  revisions/fix-1  patch 1/1 on v6.17\n"), r.out());
    assertTrue(r.out().contains("\n  rm -r revisions/fix-1\n"), r.out());
    assertTrue(r.out().contains("\n     The cover letter's subject, in .series(...), is to be the same in every\n     patch.\n"), r.out());
  }

  @Test
  void refusesAMalformedSeriesWritingNothing() {
    refused("--series 'fix-it': expected NAME:N, the series' name and its number of patches (e.g. --series fix:3)",
        "new-revision", "fix", "--from", "v6.16", "--series", "fix-it");
    refused("--series 'fix-it:x': expected NAME:N, the series' name and its number of patches (e.g. --series fix:3)",
        "new-revision", "fix", "--from", "v6.16", "--series", "fix-it:x");
    refused("a series of 0 patches: give 1 to 99", "new-revision", "fix", "--from", "v6.16", "--series", "fix-it:0");
    refused("series name 'Fix': use lower-case letters, digits and '-', starting with a letter or digit",
        "new-revision", "fix", "--from", "v6.16", "--series", "Fix:2");
    refused("series 'sean-v2' exists: revision v6.17-1 on the class path is patch 1/8 of it",
        "new-revision", "fix", "--from", "v6.17", "--series", "sean-v2:2");
    refused("revision 'v6.17-1' exists: revisions/v6.17-1 is already there", "new-revision", "v6.17", "--from", "v6.16", "--series", "x:2");
    refused("revision 'v6.17-8' exists: a revision module on the class path provides it", "new-revision", "v6.17-8", "--from", "v6.16");
  }

  @Test
  void fromTakesAnAliasAndTheCopyIsNoPatchOfTheSeries() throws IOException {
    Path root = copy();
    Cli.Run r = Cli.run("new-revision", "fix-d", "--from", "v6.17-8", "--root", root.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("Created revisions/fix-d, a copy of revisions/v6.17:\n"), r.out());
    String p = Files.readString(root.resolve("revisions/fix-d/src/main/java/Provider.java"));
    assertTrue(p.contains(".parent(\"v6.17\")") && !p.contains(".series(") && !p.contains(".alias("), p);
  }
}
