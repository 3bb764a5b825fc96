package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import java.util.List;
import java.util.Set;

/** The clauses on locking: what runs under the manager's lock. */
final class LockingClauses {
  private LockingClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book lock = new ClauseKit.Book(Category.LOCKING);
    lock.clause("LOCK-01", "Every callback runs under the manager's lock, so connects never interleave.")
        .why("The single mutex serialises registration and the whole connect; consumers rely on it.", HEADER, SEAN_COVER)
        .reads("producer-first", "consumer-first", "connect-fails")
        .check(e -> {
          for (String sc : List.of("producer-first", "consumer-first", "connect-fails")) {
            for (Trace.StepTrace s : Checks.completed(e, sc).steps()) {
              for (TraceEntry x : s.entries(x -> x.kind() == TraceEntry.Kind.CALLBACK)) {
                if ("0".equals(x.field("locks"))) {
                  return Verdict.fail(sc + ": " + x.text() + " ran with no lock held");
                }
              }
            }
          }
          return Verdict.PASS;
        });
    lock.clause("LOCK-02", "No entry point returns with a lock held, in any scenario.")
        .why("lockdep: \"lock held when returning to user space\"; every entry point takes and drops one mutex.", HEADER)
        .reads()
        .check(e -> none(e, t -> Checks.reports(t, Set.of("LOCKDEP"))));
    return lock.clauses();
  }
}
