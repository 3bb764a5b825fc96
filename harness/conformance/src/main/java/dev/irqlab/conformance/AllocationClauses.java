package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import java.util.List;

/** The clauses on allocation failure: a registration that cannot allocate. */
final class AllocationClauses {
  private AllocationClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book mem = new ClauseKit.Book(Category.ALLOCATION);
    mem.clause("MEM-01", "A registration that cannot allocate either succeeds or leaves nothing registered and nothing connected.")
        .why("\"This leaves the producer and consumer connected but not tracked in the producers xarray.\"", V1_REVIEW)
        .reads("alloc-fails")
        .check(e -> {
          Trace.StepTrace s = step(e, "alloc-fails", "reg");
          if (ok(s.ret())) {
            return Verdict.check(s.state().connections().equals(List.of("p0<->c0")), "returned 0; " + s.state().render());
          }
          boolean added = s.callbacks().contains("c0.add_producer") && !s.callbacks().contains("c0.del_producer");
          return Verdict.check(!s.state().registers("p0") && !added,
              "returned " + s.ret() + " after " + show(s.callbacks()) + "; " + s.state().render());
        });
    mem.clause("MEM-02", "After an allocation failure, the retry connects the pair exactly once.")
        .why("A connect left behind by a failed registration is repeated by the retry.", V1_REVIEW)
        .reads("alloc-fails")
        .check(e -> {
          Trace.StepTrace a = step(e, "alloc-fails", "reg");
          Trace.StepTrace b = step(e, "alloc-fails", "retry");
          long adds = count(a.callbacks(), "c0.add_producer") - count(a.callbacks(), "c0.del_producer") + count(b.callbacks(), "c0.add_producer");
          return Verdict.check(adds == 1 && b.state().connections().equals(List.of("p0<->c0")),
              "add_producer ran " + adds + " times without a del; " + b.state().render());
        });
    return mem.clauses();
  }
}
