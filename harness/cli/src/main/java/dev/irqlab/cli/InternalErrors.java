package dev.irqlab.cli;

import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Trace;
import java.io.PrintWriter;
import java.util.List;

/**
 * The runs that ended in an internal error of irqlab (an exception out of the harness, not of the
 * revision): a command that ran them says so on its standard error and exits {@link
 * Main#INTERNAL}, whatever the cells say.
 */
final class InternalErrors {
  private InternalErrors() {}

  /** Says on {@code err} which runs of {@code m} ended in an internal error; true when any did. */
  static boolean report(Matrix m, PrintWriter err) {
    List<Trace> broken = m.columns().stream().map(Column::traces).flatMap(List::stream)
        .filter(t -> t.outcome().kind() == Trace.Outcome.Kind.EXCEPTION).toList();
    for (Trace t : broken) {
      err.println("irqlab: internal error of irqlab (a bug in the harness, not a fault of the revision) in scenario "
          + t.scenario() + " on " + t.revision() + ", step " + (t.outcome().step() + 1) + ": " + t.outcome().detail());
    }
    err.flush();
    return !broken.isEmpty();
  }

  /** {@link Main#INTERNAL} when a run of {@code m} ended in an internal error, else {@code code}. */
  static int or(Matrix m, PrintWriter err, int code) {
    return report(m, err) ? Main.INTERNAL : code;
  }
}
