package dev.irqlab.conformance;

import dev.irqlab.spi.Symptom;

/**
 * One failure a clause found: where (the scenario and the step) and what (the report or run
 * outcome it raised, and the clause's account of it). A declared {@link Symptom} covers it or
 * does not.
 *
 * @param scenario the scenario it showed in
 * @param step the label of the step it showed in ({@code teardown} after the last step), or null
 *     when the step has no label or is not known
 * @param report the kind of report ({@code KASAN}, {@code LIST_CORRUPTION}, ...) or of run
 *     outcome ({@code OOPS}, {@code HANG}, ...) it raised, or null for a wrong result
 * @param text the clause's account of it
 */
public record Finding(String scenario, String step, String report, String text) {
  /** True when {@code symptom} covers this failure. */
  public boolean covered(Symptom symptom) {
    return symptom.matches(scenario, step, report, text);
  }

  /** {@code LIST_CORRUPTION in unregister-failed, step unreg: list_del corruption ...}. */
  @Override
  public String toString() {
    String where = "in " + scenario + (step == null ? "" : ", step " + step);
    return (report == null ? "" : report + " ") + where + ": " + text;
  }
}
