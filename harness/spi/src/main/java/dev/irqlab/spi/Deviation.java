package dev.irqlab.spi;

import java.util.Objects;

/**
 * A clause of the conformance suite that a revision is known not to meet, as the revision
 * declares it: which clause, one sentence on why, and where that is said upstream.
 *
 * <p>A declaration is a claim about behaviour, checked on every run: the suite fails when a
 * declared deviation no longer happens, and when a clause fails without one.
 *
 * @param clause the clause id ({@code ERR-02})
 * @param why one sentence: what the revision does instead
 * @param link the review, revert or commit that says so
 */
public record Deviation(String clause, String why, Link link) {
  public Deviation {
    Objects.requireNonNull(clause, "clause");
    Objects.requireNonNull(link, "link");
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException("deviation from " + clause + " gives no reason");
    }
  }
}
