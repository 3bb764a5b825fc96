package dev.irqlab.conformance;

import dev.irqlab.spi.Link;
import java.util.List;
import java.util.Optional;

/**
 * The suite's clauses by revisions: what {@code ./irqlab matrix} shows and what a JSON report
 * saves (with every trace), so that two reports can be diffed later.
 *
 * @param schema the report schema: {@value #SCHEMA}
 * @param clauses the clauses, in the suite's order
 * @param scenarios the scenarios, in the suite's order, in the text format
 * @param columns one per revision, in history order
 */
public record Matrix(String schema, List<ClauseInfo> clauses, List<ScenarioInfo> scenarios, List<Column> columns) {
  /** The version of the report format; bumped on any incompatible change. */
  public static final String SCHEMA = "irqlab-report/2";
  /** The version before, which is still read: this format without the outcomes DEADLOCK and CRASH. */
  public static final String SCHEMA_1 = "irqlab-report/1";

  public Matrix {
    clauses = List.copyOf(clauses);
    scenarios = List.copyOf(scenarios);
    columns = List.copyOf(columns);
  }

  /**
   * A clause as a report keeps it (without its check).
   *
   * @param id the clause id
   * @param category the category's title
   * @param statement one line
   * @param rationale why
   * @param sources where it comes from
   * @param scenarios the scenarios it reads
   */
  public record ClauseInfo(String id, String category, String statement, String rationale, List<Link> sources, List<String> scenarios) {
    public ClauseInfo {
      sources = List.copyOf(sources);
      scenarios = List.copyOf(scenarios);
    }

    static ClauseInfo of(Clause c) {
      return new ClauseInfo(c.id(), c.category().title(), c.statement(), c.rationale(), c.sources(), c.scenarios());
    }
  }

  /**
   * A scenario as a report keeps it.
   *
   * @param id its id
   * @param title one line
   * @param text the scenario in the text format
   */
  public record ScenarioInfo(String id, String title, String text) {
    static ScenarioInfo of(Scenario s) {
      return new ScenarioInfo(s.id(), s.title(), s.text());
    }
  }

  public Optional<Column> column(String revision) {
    return columns.stream().filter(c -> c.revision().id().equals(revision)).findFirst();
  }

  public Optional<ClauseInfo> clause(String id) {
    return clauses.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** True when every cell is as its revision declares. */
  public boolean asDeclared() {
    return columns.stream().allMatch(c -> c.unexpected().isEmpty());
  }
}
