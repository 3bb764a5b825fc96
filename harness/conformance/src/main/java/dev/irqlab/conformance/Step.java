package dev.irqlab.conformance;

import java.util.List;
import java.util.Objects;

/**
 * One operation of a scenario, where it was written.
 *
 * @param line its line in the scenario file (or its number, from 1, in a Java-built scenario)
 * @param label the name a clause refers to it by ({@code connect:}), or null
 * @param op what it does
 * @param columns the column (from 1) of each word of the line, for error messages; empty for a
 *     Java-built step
 */
public record Step(int line, String label, Op op, List<Integer> columns) {
  public Step {
    Objects.requireNonNull(op, "op");
    columns = List.copyOf(columns);
  }

  /** The column of word {@code arg} (0 is the verb), or 1 when unknown. */
  int column(int arg) {
    return arg < columns.size() ? columns.get(arg) : 1;
  }

  /** The step as the text format writes it, with its label. */
  public String text() {
    return (label == null ? "" : label + ": ") + op.text();
  }
}
