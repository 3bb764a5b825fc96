package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.spi.LoadedRevision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a benchmark runs when no revision is named, and when some are. */
class RevisionsTest {
  private static List<String> ids(List<LoadedRevision> revisions) {
    return revisions.stream().map(LoadedRevision::id).toList();
  }

  /** A series counts once, by its last patch: the earlier ones are the way there. */
  @Test
  void byDefaultEveryDesignWithASeriesByItsLastPatch() {
    List<String> designs = ids(Revisions.select(List.of()));
    assertEquals(List.of("rfc-2015", "v4.4", "v5.9", "v6.16", "xarray-v1-2023", "xarray-v2-2023", "cleanup-v1-2025", "v6.17",
        "proposal-report-errors"), designs);
    assertTrue(ids(Revisions.all()).containsAll(List.of("v6.17-1", "v6.17-7", "producer-fix-2023")));
  }

  @Test
  void aNamedPatchOfASeriesRuns() {
    assertEquals(List.of("v6.17-3", "v6.17"), ids(Revisions.select(List.of("v6.17", "v6.17-3"))));
  }
}
