package dev.irqlab.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The failure a declared {@link Deviation} covers, as jcstress declares an outcome: in which
 * scenarios of the suite, and what: the step it shows in, the report or outcome it raises
 * ({@code LIST_CORRUPTION}, {@code KASAN}, {@code OOPS}, ...), or a pattern over the clause's
 * account of it. A failure of the same clause with another symptom is not covered, so a new
 * fault is never taken for the declared one.
 *
 * <p>Make one with {@link #in}: {@code Symptom.in("unregister-failed").step("unreg")
 * .report("LIST_CORRUPTION")}, {@code Symptom.in("null-key").detail("producer got 0")}.
 *
 * @param scenarios the scenarios of the suite it shows in (at least one)
 * @param step the label of the step it shows in, or null for any
 * @param report the kind of report or run outcome it raises, or null for any
 * @param detail a regular expression the clause's account of the failure must contain, or null
 */
public record Symptom(List<String> scenarios, String step, String report, String detail) {
  public Symptom {
    scenarios = List.copyOf(scenarios);
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("a symptom names the scenarios it shows in");
    }
    if (detail != null) {
      try {
        Pattern.compile(detail);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("symptom pattern '" + detail + "' is not a regular expression: " + e.getDescription(), e);
      }
    }
  }

  /**
   * A symptom in {@code scenarios}, of any failure there until {@link #step}, {@link #report}
   * or {@link #detail} says which; a {@link Deviation} takes only a symptom that says.
   */
  public static Symptom in(String... scenarios) {
    return new Symptom(List.of(scenarios), null, null, null);
  }

  /** True when it says something of the failure: a step, a report or a detail. */
  public boolean saysWhat() {
    return step != null || report != null || detail != null;
  }

  /**
   * True when a failure the clause found in {@code scenario}, at step {@code stepLabel} (null
   * when unknown), raising {@code kind} (null for none), told as {@code text}, is this symptom.
   */
  public boolean matches(String scenario, String stepLabel, String kind, String text) {
    return scenarios.contains(scenario)
        && (step == null || step.equals(stepLabel))
        && (report == null || report.equals(kind))
        && (detail == null || text != null && Pattern.compile(detail).matcher(text).find());
  }

  /** {@code LIST_CORRUPTION in unregister-failed, step unreg}, for the matrix and explain. */
  @Override
  public String toString() {
    List<String> what = new ArrayList<>();
    if (report != null) {
      what.add(report);
    }
    if (detail != null) {
      what.add("/" + detail + "/");
    }
    String where = "in " + String.join(", ", scenarios) + (step == null ? "" : ", step " + step);
    return what.isEmpty() ? where : String.join(" ", what) + " " + where;
  }

  /** The same symptom, shown in step {@code label} only. */
  public Symptom step(String label) {
    return new Symptom(scenarios, Objects.requireNonNull(label, "label"), report, detail);
  }

  /** The same symptom, raising a report or outcome of {@code kind}. */
  public Symptom report(String kind) {
    return new Symptom(scenarios, step, kind.toUpperCase(Locale.ROOT), detail);
  }

  /** The same symptom, with an account that contains {@code regex}. */
  public Symptom detail(String regex) {
    return new Symptom(scenarios, step, report, regex);
  }
}
