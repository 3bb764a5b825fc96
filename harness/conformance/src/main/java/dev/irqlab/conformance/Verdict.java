package dev.irqlab.conformance;

import java.util.List;
import java.util.Objects;

/**
 * What a clause's check concluded for one revision.
 *
 * @param kind pass, fail, or not applicable
 * @param detail why, in one line: for a failure what happened instead, for N/A what the
 *     revision does not have; empty for a pass
 * @param findings for a failure, each failure found, with where it showed; empty otherwise (and
 *     for a failure whose check did not say, until {@link Conformance} fills in where it was
 *     reading)
 */
public record Verdict(Kind kind, String detail, List<Finding> findings) {
  /** The three conclusions of a check. */
  public enum Kind {
    PASS,
    FAIL,
    NA
  }

  public static final Verdict PASS = new Verdict(Kind.PASS, "", List.of());

  public Verdict {
    Objects.requireNonNull(kind, "kind");
    detail = detail == null ? "" : detail;
    findings = List.copyOf(findings);
  }

  public Verdict(Kind kind, String detail) {
    this(kind, detail, List.of());
  }

  public static Verdict fail(String detail) {
    return new Verdict(Kind.FAIL, detail);
  }

  /** A failure made of {@code findings}, told as the first and how many more scenarios. */
  public static Verdict fail(List<Finding> findings) {
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a failure needs at least one finding");
    }
    long scenarios = findings.stream().map(Finding::scenario).distinct().count();
    Finding first = findings.get(0);
    String detail = first.scenario() + ": " + first.text() + (scenarios > 1 ? " (and " + (scenarios - 1) + " more scenarios)" : "");
    return new Verdict(Kind.FAIL, detail, findings);
  }

  public static Verdict na(String detail) {
    return new Verdict(Kind.NA, detail);
  }

  /** This failure, with {@code where} as its one finding when its check named none. */
  Verdict orFoundAt(Finding where) {
    return kind != Kind.FAIL || !findings.isEmpty() || where == null ? this : new Verdict(kind, detail, List.of(where));
  }

  /** PASS when {@code ok}, else a failure saying {@code detail}. */
  public static Verdict check(boolean ok, String detail) {
    return ok ? PASS : fail(detail);
  }

  public boolean passed() {
    return kind == Kind.PASS;
  }
}
