package dev.irqlab.conformance;

/**
 * A cell of the matrix, graded as jcstress grades outcomes: against what the revision declares.
 * {@link #FAIL} and {@link #STALE} are unexpected: they fail the build and make {@code ./irqlab
 * matrix} exit 1.
 */
public enum Grade {
  /** The clause holds. */
  PASS("pass", false),
  /** The clause needs something the revision does not have. */
  NA("n/a", false),
  /** The clause fails, as the revision declares (with a sentence and a link). */
  KNOWN("known", false),
  /** The clause fails and the revision does not declare it. */
  FAIL("FAIL", true),
  /** The revision declares a deviation that no longer happens. */
  STALE("STALE", true);

  private final String mark;
  private final boolean unexpected;

  Grade(String mark, boolean unexpected) {
    this.mark = mark;
    this.unexpected = unexpected;
  }

  /** How the matrix prints it: {@code pass}, {@code n/a}, {@code known}, {@code FAIL}, {@code STALE}. */
  public String mark() {
    return mark;
  }

  /** True for the outcomes nobody declared. */
  public boolean unexpected() {
    return unexpected;
  }

  /** Grades a verdict against a declaration (null when the revision declares none). */
  static Grade of(Verdict v, boolean declared) {
    return switch (v.kind()) {
      case PASS -> declared ? STALE : PASS;
      case NA -> declared ? STALE : NA;
      case FAIL -> declared ? KNOWN : FAIL;
    };
  }
}
