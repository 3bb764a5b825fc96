package dev.irqlab.conformance;

import java.util.Objects;

/**
 * What a clause's check concluded for one revision.
 *
 * @param kind pass, fail, or not applicable
 * @param detail why, in one line: for a failure what happened instead, for N/A what the
 *     revision does not have; empty for a pass
 */
public record Verdict(Kind kind, String detail) {
  /** The three conclusions of a check. */
  public enum Kind {
    PASS,
    FAIL,
    NA
  }

  public static final Verdict PASS = new Verdict(Kind.PASS, "");

  public Verdict {
    Objects.requireNonNull(kind, "kind");
    detail = detail == null ? "" : detail;
  }

  public static Verdict fail(String detail) {
    return new Verdict(Kind.FAIL, detail);
  }

  public static Verdict na(String detail) {
    return new Verdict(Kind.NA, detail);
  }

  /** PASS when {@code ok}, else a failure saying {@code detail}. */
  public static Verdict check(boolean ok, String detail) {
    return ok ? PASS : fail(detail);
  }

  public boolean passed() {
    return kind == Kind.PASS;
  }
}
