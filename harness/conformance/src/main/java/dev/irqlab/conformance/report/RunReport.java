package dev.irqlab.conformance.report;

import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Trace;
import java.util.List;

/**
 * What {@code ./irqlab run --format json} prints: one scenario and its trace on each revision it
 * ran on.
 *
 * @param schema the format: {@value #SCHEMA}
 * @param scenario the scenario, with its text
 * @param traces one per revision, in history order
 */
public record RunReport(String schema, Matrix.ScenarioInfo scenario, List<Trace> traces) {
  /** The version of this format; bumped on any incompatible change. */
  public static final String SCHEMA = "irqlab-run/2";
  /** The version before, which is still read: this format without the outcomes DEADLOCK and CRASH. */
  public static final String SCHEMA_1 = "irqlab-run/1";

  public RunReport {
    traces = List.copyOf(traces);
  }
}
