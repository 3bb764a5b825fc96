package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code irqlab list}: history order, a series under its heading, aliases. */
class ListCommandTest {
  @Test
  void theListingHasARevisionPerEntryAndASeriesUnderItsHeading() {
    assertEquals(List.of(
            "ID                 DATE       STATUS     PARENT           ERA",
            "base               2025-01-01 proposal   -                v6.16",
            "    What base changes.",
            "    from base/target/classes",
            "Series fix, 3 patches: irqbypass: fix it in three steps",
            "  1/3 fix-1        2025-02-01 proposal   base             v6.16",
            "      What fix-1 changes.",
            "      from fix-1/target/classes",
            "  2/3 fix-2        2025-02-01 proposal   fix-1            v6.16",
            "      What fix-2 changes.",
            "      from fix-2/target/classes",
            "  3/3 fix-3 (also fix-final)",
            "                   2025-02-01 proposal   fix-2            v6.16",
            "      What fix-3 changes.",
            "      from fix-3/target/classes",
            "after              2025-03-01 proposal   fix-3            v6.16",
            "    What after changes.",
            "    from after/target/classes"),
        ListCommand.lines(FakeRevisions.withSeries()));
  }

  @Test
  void aSeriesStaysTogetherWhenAnotherRevisionComesBetweenItsPatchesInHistoryOrder() {
    List<LoadedRevision> all = RevisionLoader.inHistoryOrder(List.of(
        FakeRevisions.of("base", null, "2025-01-01"),
        FakeRevisions.of("s-1", "base", "2025-02-01", b -> b.series("s", "a cover", 1, 2)),
        FakeRevisions.of("s-2", "s-1", "2025-04-01", b -> b.series("s", "a cover", 2, 2)),
        FakeRevisions.of("side", "s-1", "2025-03-01")));
    assertEquals(List.of("base", "s-1", "side", "s-2"), all.stream().map(LoadedRevision::id).toList(), "by date");
    List<String> ids = ListCommand.lines(all).stream().filter(l -> !l.startsWith(" ") || l.startsWith("  ") && !l.startsWith("    "))
        .map(String::strip).toList();
    assertEquals(List.of("ID                 DATE       STATUS     PARENT           ERA", "base               2025-01-01 proposal   -                v6.16",
            "Series s, 2 patches: a cover", "1/2 s-1          2025-02-01 proposal   base             v6.16",
            "2/2 s-2          2025-04-01 proposal   s-1              v6.16", "side               2025-03-01 proposal   s-1              v6.16"),
        ids);
  }

  @Test
  void aSeriesWithPatchesMissingSaysHowManyAreHere() {
    List<LoadedRevision> all = RevisionLoader.inHistoryOrder(List.of(
        FakeRevisions.of("base", null, "2025-01-01"),
        FakeRevisions.of("s-1", "base", "2025-02-01", b -> b.series("s", "a cover", 1, 12)),
        FakeRevisions.of("s-2", "s-1", "2025-02-01", b -> b.series("s", "a cover", 2, 12))));
    List<String> lines = ListCommand.lines(all);
    assertTrue(lines.contains("Series s, 12 patches, 2 here: a cover"), lines.toString());
    assertTrue(lines.contains("  1/12  s-1        2025-02-01 proposal   base             v6.16"), "positions padded to 12/12: " + lines);
  }

  @Test
  void aLongCoverWrapsUnderItsHeading() {
    String cover = "irqbypass: a cover letter subject long enough that it does not fit on one line with the heading";
    List<String> lines = ListCommand.lines(RevisionLoader.inHistoryOrder(List.of(
        FakeRevisions.of("base", null, "2025-01-01"),
        FakeRevisions.of("s-1", "base", "2025-02-01", b -> b.series("long-name", cover, 1, 1)))));
    assertEquals(List.of("Series long-name, 1 patch: irqbypass: a cover letter subject long enough that it",
        "    does not fit on one line with the heading"), lines.subList(4, 6));
    Cli.fitsEightyColumns(String.join("\n", lines));
  }

  @Test
  void theCommandListsTheRevisionsOnTheClassPath() {
    Cli.Run r = Cli.run("list");
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals(String.join("\n", ListCommand.lines(RevisionLoader.load())) + "\n", r.out());
    for (String id : RevisionHistoryTest.ALL) {
      assertTrue(r.out().lines().anyMatch(l -> l.matches("( +[0-9]+/[0-9]+ +)?" + java.util.regex.Pattern.quote(id) + "( .*)?")), id);
    }
    Cli.fitsEightyColumns(r.out());
  }

  @Test
  void seanChristophersonsV2IsOneSeriesOfEightPatchesTheLastOfThemV617() {
    List<String> lines = Cli.run("list").out().lines().toList();
    int heading = lines.indexOf("Series sean-v2, 8 patches: irqbypass: Cleanups and a perf improvement");
    assertTrue(heading > 0, String.join("\n", lines));
    List<String> patches = lines.subList(heading + 1, lines.size()).stream().takeWhile(l -> l.startsWith("  "))
        .filter(l -> l.matches("  \\d/8 .*")).toList();
    assertEquals(List.of("1/8 v6.17-1", "2/8 v6.17-2", "3/8 v6.17-3", "4/8 v6.17-4", "5/8 v6.17-5", "6/8 v6.17-6", "7/8 v6.17-7",
        "8/8 v6.17 (also v6.17-8)"), patches.stream().map(l -> l.strip().replaceFirst("^(\\S+ \\S+( \\(also \\S+\\))?).*", "$1")).toList());
    assertTrue(lines.get(heading + 1).matches("  1/8 v6.17-1 +2025-05-16 merged +v6\\.16 .*"), lines.get(heading + 1));
  }
}
