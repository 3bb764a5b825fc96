package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import java.util.List;

/** The clauses on allocation failure: a registration that cannot allocate. */
final class AllocationClauses {
  private AllocationClauses() {}

  /** The scenario where each side registers while allocations fail, and that side. */
  private static final String[][] SIDES = {{"alloc-fails", "p0"}, {"alloc-fails-consumer", "c0"}};

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book mem = new ClauseKit.Book(Category.ALLOCATION);
    mem.clause("MEM-01", "A registration that cannot allocate either succeeds or leaves nothing registered and nothing connected.")
        .why("\"This leaves the producer and consumer connected but not tracked in the producers xarray.\"", V1_REVIEW)
        .reads("alloc-fails", "alloc-fails-consumer")
        .check(e -> {
          for (String[] x : SIDES) {
            Trace.StepTrace s = step(e, x[0], "reg");
            boolean added = s.callbacks().contains("c0.add_producer") && !s.callbacks().contains("c0.del_producer");
            boolean fine = ok(s.ret()) ? s.state().connections().equals(List.of("p0<->c0")) : !s.state().registers(x[1]) && !added;
            if (!fine) {
              return Verdict.fail(x[0] + ": returned " + s.ret() + " after " + show(s.callbacks()) + "; " + s.state().render());
            }
          }
          return Verdict.PASS;
        });
    mem.clause("MEM-02", "After an allocation failure, the retry connects the pair exactly once.")
        .why("A connect left behind by a failed registration is repeated by the retry.", V1_REVIEW)
        .reads("alloc-fails", "alloc-fails-consumer")
        .check(e -> {
          for (String[] x : SIDES) {
            Trace.StepTrace a = step(e, x[0], "reg");
            Trace.StepTrace b = step(e, x[0], "retry");
            long adds = count(a.callbacks(), "c0.add_producer") - count(a.callbacks(), "c0.del_producer") + count(b.callbacks(), "c0.add_producer");
            if (adds != 1 || !b.state().connections().equals(List.of("p0<->c0"))) {
              return Verdict.fail(x[0] + ": add_producer ran " + adds + " times without a del; " + b.state().render());
            }
          }
          return Verdict.PASS;
        });
    return mem.clauses();
  }
}
