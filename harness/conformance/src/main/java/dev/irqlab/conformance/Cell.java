package dev.irqlab.conformance;

/**
 * One clause on one revision.
 *
 * @param clause the clause id
 * @param grade how it is graded against the revision's declarations
 * @param detail the verdict's detail: what happened instead, or why N/A (empty for a pass)
 * @param deviation the revision's declared deviation from this clause, or null
 */
public record Cell(String clause, Grade grade, String detail, DeclaredDeviation deviation) {
  public Cell {
    detail = detail == null ? "" : detail;
  }

  /**
   * A deviation as the revision declares it.
   *
   * @param why one sentence
   * @param label what the link is
   * @param url the link
   */
  public record DeclaredDeviation(String why, String label, String url) {}
}
