package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.spi.LoadedRevision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the commands pick revisions by id: an alias is the revision it names. */
class RevisionsTest {
  private final Revisions all = Revisions.of(FakeRevisions.withSeries());

  private static List<String> ids(List<LoadedRevision> revisions) {
    return revisions.stream().map(LoadedRevision::id).toList();
  }

  @Test
  void anAliasIsTheRevisionItNames() {
    assertEquals("fix-3", all.byId("fix-final").id());
    assertTrue(all.has("fix-final"));
    assertEquals("fix-3", all.canonical("fix-final"));
    assertEquals("fix-2", all.canonical("fix-2"));
    assertEquals("nope", all.canonical("nope"), "an unknown id is left as it is, for the command to refuse");
    assertEquals(List.of("fix-2", "fix-3"), all.canonical(List.of("fix-2", " fix-final")));
  }

  @Test
  void anAliasAndItsRevisionAreOneColumn() {
    assertEquals(List.of("fix-1", "fix-3"), ids(all.select(List.of("fix-final", "fix-1", "fix-3"))));
  }

  @Test
  void anUnknownIdListsTheRealIds() {
    UsageException e = assertThrows(UsageException.class, () -> all.byId("fix-4"));
    assertEquals("unknown revision 'fix-4': the revisions are base, fix-1, fix-2, fix-3, after", e.getMessage());
    assertFalse(all.has("fix-4"));
  }

  /** Sean Christopherson's v2 as merged: v6.17 is its patch 8/8, and answers to v6.17-8. */
  @Test
  void v6178IsV617ForEveryCommandThatTakesAnId() {
    Revisions real = Revisions.load();
    assertEquals("v6.17", real.byId("v6.17-8").id());
    Cli.Run run = Cli.run("run", "../../examples/connect-fails.irq", "--revision", "v6.17-8");
    assertEquals(Main.OK, run.code(), run.err());
    assertEquals(Cli.run("run", "../../examples/connect-fails.irq", "--revision", "v6.17").out(), run.out());
    Cli.Run one = Cli.run("matrix", "--revisions", "v6.17-8,v6.17", "--clauses", "REG-09");
    assertTrue(one.out().startsWith("irqlab matrix: 1 clause on 1 revision,"), one.out());
    Cli.Run diff = Cli.run("diff", "v6.17-7", "v6.17-8");
    assertEquals(Main.OK, diff.code(), diff.err());
    assertTrue(diff.out().contains("+++ v6.17: "), diff.out());
    assertEquals(Cli.run("source-diff", "v6.17-7", "v6.17").out(), Cli.run("source-diff", "v6.17-7", "v6.17-8").out(),
        "the alias reads revisions/v6.17");
    Cli.run("run", "../../examples/connect-fails.irq", "--revision", "v6.17-9")
        .assertUsageError("unknown revision 'v6.17-9': the revisions are " + real.ids());
  }

  @Test
  void bisectTakesAnAliasAndFindsThePatchThatChangedAClause() {
    Cli.Run r = Cli.run("bisect", "v6.16", "v6.17-8", "--clause", "REG-09");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("\nChanged at v6.17-3, patch 3/8 of sean-v2: "), r.out());
  }
}
