package dev.irqlab.conformance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One revision's run of the suite: its identity, its cells in clause order, and the trace of
 * every scenario.
 *
 * @param revision who it is
 * @param cells one per clause, in the suite's order
 * @param traces one per scenario, in the suite's order
 */
public record Column(RevisionSummary revision, List<Cell> cells, List<Trace> traces) {
  public Column {
    cells = List.copyOf(cells);
    traces = List.copyOf(traces);
  }

  /**
   * A revision as a report names it.
   *
   * @param id the revision id
   * @param title its title
   * @param status merged, superseded, rejected or proposal
   * @param parent the parent id, or null
   * @param date yyyy-mm-dd
   * @param era the driver era it ran with
   * @param defaultEra the era it runs with by default
   * @param source where it was loaded from (a jar or a folder)
   * @param lacks the interface features it lacks, with why
   */
  public record RevisionSummary(
      String id, String title, String status, String parent, String date, String era, String defaultEra,
      String source, Map<String, String> lacks) {
    public RevisionSummary {
      lacks = lacks == null ? Map.of() : Map.copyOf(lacks);
    }
  }

  /** The cell of {@code clause}. */
  public Optional<Cell> cell(String clause) {
    return cells.stream().filter(c -> c.clause().equals(clause)).findFirst();
  }

  /** The trace of {@code scenario}. */
  public Optional<Trace> trace(String scenario) {
    return traces.stream().filter(t -> t.scenario().equals(scenario)).findFirst();
  }

  /** The cells nobody declared: undeclared failures and stale declarations. */
  public List<Cell> unexpected() {
    return cells.stream().filter(c -> c.grade().unexpected()).toList();
  }

  /** How many cells have {@code grade}. */
  public long count(Grade grade) {
    return cells.stream().filter(c -> c.grade() == grade).count();
  }
}
