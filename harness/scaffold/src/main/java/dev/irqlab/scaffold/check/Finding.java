package dev.irqlab.scaffold.check;

import java.util.Comparator;

/**
 * One violation of a rule, at a place in a revision's source.
 *
 * @param file the file as the user names it (relative to the working directory when inside it)
 * @param line the 1-based line
 * @param column the 1-based column
 * @param rule the rule's id, e.g. {@code no-collections}
 * @param message what was found and why a revision may not do it
 */
public record Finding(String file, int line, int column, String rule, String message)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::file)
          .thenComparingInt(Finding::line)
          .thenComparingInt(Finding::column)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }

  /** {@code file:line:col: [rule] message}, the form compilers and Error Prone print. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": [" + rule + "] " + message;
  }
}
