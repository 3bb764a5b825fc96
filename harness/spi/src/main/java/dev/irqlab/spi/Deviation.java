package dev.irqlab.spi;

import java.util.List;
import java.util.Objects;

/**
 * A clause of the conformance suite that a revision is known not to meet, as the revision
 * declares it: which clause, the failures it covers ({@link Symptom}s), one sentence on why,
 * and where that is said upstream.
 *
 * <p>A declaration is a claim about behaviour, checked on every run: the suite fails when a
 * declared symptom no longer happens, when a clause fails without a declaration, and when it
 * fails with a symptom the declaration does not cover.
 *
 * @param clause the clause id ({@code ERR-02})
 * @param symptoms the failures it covers, at least one
 * @param why one sentence: what the revision does instead
 * @param link the review, revert or commit that says so
 */
public record Deviation(String clause, List<Symptom> symptoms, String why, Link link) {
  public Deviation {
    Objects.requireNonNull(clause, "clause");
    Objects.requireNonNull(link, "link");
    symptoms = List.copyOf(symptoms);
    if (symptoms.isEmpty()) {
      throw new IllegalArgumentException("deviation from " + clause + " names no symptom: say in which scenarios it fails, and how");
    }
    for (Symptom s : symptoms) {
      if (!s.saysWhat()) {
        throw new IllegalArgumentException("deviation from " + clause + ": the symptom " + s + " says nothing of the failure: give a step, a report or a detail");
      }
    }
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException("deviation from " + clause + " gives no reason");
    }
  }
}
