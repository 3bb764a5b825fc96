package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code matrix --series}: what each patch changes from the column before it. */
class SeriesStepsTest {
  private static final List<String> CLAUSES = List.of("REG-01", "REG-09", "MOD-01");

  /** A column of {@code id} with the drivers of {@code era} and these grades of {@link #CLAUSES}. */
  private static Column column(String id, String era, Grade... grades) {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < grades.length; i++) {
      cells.add(new Cell(CLAUSES.get(i), grades[i], "", null));
    }
    return new Column(new Column.RevisionSummary(id, "t", "proposal", null, "2025-01-01", era, era, "x", Map.of()), cells, List.of());
  }

  private static List<String> ids(List<LoadedRevision> revisions) {
    return revisions.stream().map(LoadedRevision::id).toList();
  }

  private static Matrix matrix(Column... columns) {
    List<Matrix.ClauseInfo> clauses = CLAUSES.stream()
        .map(id -> new Matrix.ClauseInfo(id, "registration", "s", "r", List.of(), List.of())).toList();
    return new Matrix(Matrix.SCHEMA, clauses, List.of(), List.of(columns));
  }

  @Test
  void eachPatchIsComparedWithTheColumnBeforeIt() {
    PatchSeries s = PatchSeries.named(FakeRevisions.withSeries(), "fix");
    Matrix m = matrix(
        column("base", "v6.16", Grade.PASS, Grade.PASS, Grade.PASS),
        column("fix-1", "v6.16", Grade.PASS, Grade.PASS, Grade.PASS),
        column("fix-2", "v6.16", Grade.PASS, Grade.KNOWN, Grade.PASS),
        column("fix-3", "v6.17", Grade.PASS, Grade.KNOWN, Grade.NA));
    assertEquals(List.of(
            "Series fix, 3 patches: irqbypass: fix it in three steps",
            "The columns: base (patch 1 applies to it), then the patches. What each patch",
            "changes from the column before it:",
            "  1/3 fix-1  no change",
            "  2/3 fix-2  REG-09 pass -> known",
            "  3/3 fix-3  drivers v6.16 -> v6.17, MOD-01 pass -> n/a"),
        SeriesSteps.lines(s, m));
  }

  @Test
  void aMissingPatchOrBaseIsSaid() {
    List<LoadedRevision> all = RevisionLoader.inHistoryOrder(List.of(
        FakeRevisions.of("s-1", null, "2025-02-01", b -> b.series("s", "a cover", 1, 3)),
        FakeRevisions.of("s-3", "s-1", "2025-02-01", b -> b.series("s", "a cover", 3, 3))));
    PatchSeries s = PatchSeries.named(all, "s");
    Matrix m = matrix(column("s-1", "v6.16", Grade.PASS), column("s-3", "v6.16", Grade.FAIL));
    assertEquals(List.of(
            "Series s, 3 patches, 2 here: a cover",
            "The columns: the patches. What each patch changes from the column before it:",
            "  1/3 s-1  (the first column: nothing to compare it with)",
            "  3/3 s-3  since 1/3: REG-01 pass -> FAIL"),
        SeriesSteps.lines(s, m));
  }

  @Test
  void aLongListOfChangesBreaksBetweenItemsUnderTheFirst() {
    assertEquals(List.of("  8/8 v6.17  drivers v6.16-eventfd -> v6.17, SYS-02 pass -> known,",
            "             INV-03 pass -> known"),
        SeriesSteps.pack("  8/8 v6.17  ", List.of("drivers v6.16-eventfd -> v6.17", "SYS-02 pass -> known", "INV-03 pass -> known")));
  }

  @Test
  void theLinesGoAfterTheHeadline() {
    assertEquals("irqlab matrix: x\n\nA\nB\n\n    revision\n", MatrixCommand.afterHeadline("irqlab matrix: x\n\n    revision\n", List.of("A", "B")));
  }

  @Test
  void aSeriesIsFoundByNameAndAnUnknownOneNamesTheSeriesThereAre() {
    PatchSeries s = PatchSeries.named(FakeRevisions.withSeries(), "fix");
    assertEquals(List.of("fix-1", "fix-2", "fix-3"), ids(s.patches()));
    assertEquals("base", s.base().orElseThrow().id());
    assertTrue(s.whole());
    assertEquals(List.of("base", "fix-1", "fix-2", "fix-3"), ids(MatrixCommand.columns(s)));
    UsageException e = assertThrows(UsageException.class, () -> PatchSeries.named(FakeRevisions.withSeries(), "fixes"));
    assertEquals("unknown series 'fixes': the series are fix", e.getMessage());
    assertEquals(List.of(), PatchSeries.all(List.of()));
  }
}
