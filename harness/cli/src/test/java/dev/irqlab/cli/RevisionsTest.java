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
}
