package dev.irqlab.conformance;

/**
 * What clauses read from traces, with a run that stopped early turned into a failure that says
 * where and why ("oops in step 3: BUG: ...", "hang in step 5: did not finish within 5 s, at
 * ...": the headline of the outcome, without a thread dump's further lines).
 */
final class Checks {
  private Checks() {}

  /** The trace of {@code scenario}, which must have reached step {@code label}. */
  static Trace.StepTrace step(Evidence e, String scenario, String label) {
    Trace t = e.trace(scenario);
    Trace.StepTrace s = t.step(label);
    if (s == null || stoppedIn(s)) {
      throw stopped(t, label);
    }
    return s;
  }

  /** The trace of {@code scenario}, which must have completed. */
  static Trace completed(Evidence e, String scenario) {
    Trace t = e.trace(scenario);
    if (!t.outcome().completed()) {
      throw stopped(t, null);
    }
    return t;
  }

  /** True for the step a run stopped in: its result is how ({@code oops}, {@code hang}, ...). */
  private static boolean stoppedIn(Trace.StepTrace s) {
    for (Trace.Outcome.Kind k : Trace.Outcome.Kind.values()) {
      if (k != Trace.Outcome.Kind.COMPLETED && k.name().toLowerCase(java.util.Locale.ROOT).equals(s.result())) {
        return true;
      }
    }
    return false;
  }

  private static Conformance.Stopped stopped(Trace t, String label) {
    Trace.Outcome o = t.outcome();
    String where = label == null ? "" : " before step '" + label + "' finished";
    if (o.completed()) {
      return new Conformance.Stopped(t.scenario() + ": no step '" + label + "'");
    }
    return new Conformance.Stopped(t.scenario() + " stopped" + where + ": " + o.kind().name().toLowerCase(java.util.Locale.ROOT) + " in step " + (o.step() + 1) + ": " + o.headline());
  }
}
