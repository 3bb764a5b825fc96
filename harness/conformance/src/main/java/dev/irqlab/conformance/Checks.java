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
    e.reading(scenario, label);
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
      String text = t.scenario() + ": no step '" + label + "'";
      return new Conformance.Stopped(text, new Finding(t.scenario(), label, null, text));
    }
    String text = t.scenario() + " stopped" + where + ": " + o.kind().name().toLowerCase(java.util.Locale.ROOT) + " in step " + (o.step() + 1) + ": " + o.headline();
    return new Conformance.Stopped(text, new Finding(t.scenario(), stepLabel(t, o.step()), o.kind().name(), text));
  }

  /** The label of step {@code index} ({@code teardown} past the last step), or null when it has none. */
  static String stepLabel(Trace t, int index) {
    if (index >= 0 && index < t.steps().size()) {
      return t.steps().get(index).label();
    }
    return index >= 0 ? "teardown" : null;
  }

  /**
   * Every report of one of {@code kinds} in {@code t} (headlines only), each a finding at the step
   * it was logged in, told as its headline.
   */
  static java.util.List<Finding> reports(Trace t, java.util.Set<String> kinds) {
    java.util.List<Finding> out = new java.util.ArrayList<>();
    for (int i = 0; i <= t.steps().size(); i++) {
      java.util.List<TraceEntry> entries = i < t.steps().size() ? t.steps().get(i).entries() : t.teardown();
      out.addAll(reports(entries, t.scenario(), stepLabel(t, i), kinds));
    }
    return out;
  }

  /** The reports of one of {@code kinds} among {@code entries}, logged in the step {@code label} of {@code scenario}. */
  static java.util.List<Finding> reports(java.util.List<TraceEntry> entries, String scenario, String label,
      java.util.Set<String> kinds) {
    java.util.List<Finding> out = new java.util.ArrayList<>();
    for (TraceEntry x : entries) {
      String kind = x.field("report");
      if (x.kind() == TraceEntry.Kind.REPORT && x.field("detail") == null && kinds.contains(kind)) {
        out.add(new Finding(scenario, label, kind, x.text()));
      }
    }
    return out;
  }
}
