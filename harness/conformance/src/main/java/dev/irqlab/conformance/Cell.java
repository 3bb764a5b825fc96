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
  /** How the detail of a {@link Grade#STALE} cell starts when a declared symptom did not show. */
  public static final String NOT_FOUND = "declared but not found: ";
  /** How the detail of a {@link Grade#FAIL} cell starts when the clause failed with an undeclared symptom. */
  public static final String NOT_DECLARED = "not declared: ";

  public Cell {
    detail = detail == null ? "" : detail;
  }

  /**
   * A deviation as the revision declares it.
   *
   * @param why one sentence
   * @param label what the link is
   * @param url the link
   * @param symptoms the failures it covers, as {@link dev.irqlab.spi.Symptom#toString} tells them
   *     ({@code LIST_CORRUPTION in unregister-failed, step unreg})
   */
  public record DeclaredDeviation(String why, String label, String url, java.util.List<String> symptoms) {
    public DeclaredDeviation {
      symptoms = symptoms == null ? java.util.List.of() : java.util.List.copyOf(symptoms);
    }
  }
}
