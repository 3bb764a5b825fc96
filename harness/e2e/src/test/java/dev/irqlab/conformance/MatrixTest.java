package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cross-revision matrix, as {@code ./irqlab matrix} computes it: every revision with the
 * drivers of its own era, every cell as the revision declares it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatrixTest {
  /** The historical designs, in history order (DESIGN.md, "The revisions"); a new module adds a column. */
  private static final List<String> HISTORY =
      List.of("rfc-2015", "v4.4", "v5.9", "v6.16", "xarray-v1-2023", "xarray-v2-2023", "cleanup-v1-2025", "v6.17");
  /** The worked proposal, made with new-revision from v6.17, and its own driver era. */
  private static final String PROPOSAL = "proposal-report-errors";

  private Matrix matrix;

  @BeforeAll
  void run() {
    matrix = new Conformance(Suite.standard()).run(RevisionLoader.load(), null);
  }

  private List<String> columnIds() {
    return matrix.columns().stream().map(c -> c.revision().id()).toList();
  }

  @Test
  void everyRevisionTheLoaderFindsIsAColumnInHistoryOrder() {
    assertEquals(RevisionLoader.load().stream().map(LoadedRevision::id).toList(), columnIds());
  }

  @Test
  void theHistoricalDesignsAreColumnsInHistoryOrder() {
    assertEquals(HISTORY, columnIds().stream().filter(HISTORY::contains).toList());
  }

  @Test
  void everyCellIsAsItsRevisionDeclares() {
    String unexpected = matrix.columns().stream()
        .flatMap(c -> c.unexpected().stream().map(cell -> c.revision().id() + " " + cell.clause() + " " + cell.grade() + ": " + cell.detail()))
        .collect(Collectors.joining("\n"));
    assertTrue(matrix.asDeclared(), unexpected);
  }

  @Test
  void theSuiteHasAtLeastFortyClausesAndEveryScenarioCompletesOnTheMergedMainline() {
    assertTrue(matrix.clauses().size() >= 40, "clauses: " + matrix.clauses().size());
    Column v616 = matrix.column("v6.16").orElseThrow();
    assertTrue(v616.traces().stream().filter(t -> !t.scenario().equals("unregister-failed-producer")).allMatch(t -> t.outcome().completed()));
  }

  /** Among the historical designs; a new revision copied from xarray-v2-2023 shows it as declared. */
  @Test
  void theNakedRegisterOnConnectFailureShowsOnlyInXarrayV2() {
    for (Column c : matrix.columns()) {
      Grade g = c.cell("ERR-02").orElseThrow().grade();
      if (c.revision().id().equals("xarray-v2-2023")) {
        assertEquals(Grade.KNOWN, g);
        assertTrue(c.cell("ERR-02").orElseThrow().detail().contains("producers p0@efd0"), c.cell("ERR-02").orElseThrow().detail());
      } else if (HISTORY.contains(c.revision().id())) {
        assertTrue(g == Grade.PASS || g == Grade.NA, c.revision().id() + " " + g);
      }
    }
  }

  /** No historical revision's own era carries the proposed driver changes, so the clauses about them are N/A there. */
  @Test
  void theClausesOfTheProposedDriversAreNotApplicableOnEveryUpstreamEra() {
    for (Column c : matrix.columns()) {
      if (!HISTORY.contains(c.revision().id())) {
        continue;
      }
      for (String clause : List.of("SYS-08", "SYS-09", "SYS-10")) {
        Cell cell = c.cell(clause).orElseThrow();
        assertEquals(Grade.NA, cell.grade(), c.revision().id() + " " + clause);
        assertTrue(cell.detail().contains("(proposal, not upstream), which the " + c.revision().era() + " era does not have"), cell.detail());
      }
    }
  }

  /**
   * The proposal's column: its era reports failed connects and takes the flag, and carries the
   * deassign fix, so the clauses v6.17 fails on its own drivers pass, and the two that assume a
   * swallowed producer failure do not apply.
   */
  @Test
  void theProposalPassesTheClausesOfItsDriversAndTheDeassignFix() {
    Column c = matrix.column(PROPOSAL).orElseThrow();
    assertEquals(PROPOSAL, c.revision().era());
    for (String clause : List.of("SYS-08", "SYS-09", "SYS-10", "SYS-02", "INV-03")) {
      assertEquals(Grade.PASS, c.cell(clause).orElseThrow().grade(), clause + ": " + c.cell(clause).orElseThrow().detail());
    }
    for (String clause : List.of("SYS-04", "SYS-05")) {
      assertEquals(Grade.NA, c.cell(clause).orElseThrow().grade(), clause);
    }
    Column v617 = matrix.column("v6.17").orElseThrow();
    for (String clause : List.of("SYS-02", "INV-03")) {
      assertEquals(Grade.KNOWN, v617.cell(clause).orElseThrow().grade(), clause);
    }
  }

  /**
   * v6.17 with the proposal's drivers: the new clauses hold, the two that assume a swallowed
   * producer failure are N/A, and everything else is graded as with v6.17-fix.
   */
  @Test
  void theProposalEraOnV617() {
    List<dev.irqlab.spi.LoadedRevision> v617 = RevisionLoader.load().stream().filter(r -> r.id().equals("v6.17")).toList();
    Column proposal = new Conformance(Suite.standard()).run(v617, "proposal-report-errors").columns().get(0);
    Column fix = new Conformance(Suite.standard()).run(v617, "v6.17-fix").columns().get(0);
    for (Cell cell : proposal.cells()) {
      Grade expected = switch (cell.clause()) {
        case "SYS-08", "SYS-09", "SYS-10" -> Grade.PASS;
        case "SYS-04", "SYS-05" -> Grade.NA;
        default -> fix.cell(cell.clause()).orElseThrow().grade();
      };
      assertEquals(expected, cell.grade(), cell.clause() + ": " + cell.detail());
    }
    assertEquals(Grade.NA, fix.cell("SYS-08").orElseThrow().grade());
    assertEquals(Grade.PASS, fix.cell("SYS-04").orElseThrow().grade());
  }

  @Test
  void aRunWithAnotherEraIsGradedAgainstTheSameDeclarations() {
    Matrix fixed = new Conformance(Suite.standard()).run(
        RevisionLoader.load().stream().filter(r -> r.id().equals("v6.17")).toList(), "v6.17-fix");
    Column c = fixed.columns().get(0);
    assertEquals("v6.17-fix", c.revision().era());
    assertEquals(Grade.STALE, c.cell("SYS-02").orElseThrow().grade(), "the January 2026 fix makes the declared deassign bug go away");
  }
}
