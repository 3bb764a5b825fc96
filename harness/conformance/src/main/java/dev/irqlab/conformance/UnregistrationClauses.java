package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import java.util.List;

/** The clauses on unregistration: what leaving disconnects, and which unregisters are harmless. */
final class UnregistrationClauses {
  private UnregistrationClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book unr = new ClauseKit.Book(Category.UNREGISTRATION);
    unr.clause("UNR-01", "Unregistering a connected producer disconnects it and leaves the consumer registered.")
        .why("The partner stays registered, unconnected, for a later producer.", HEADER, KERNEL_DOC)
        .reads("producer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "producer-first", "disconnect");
          return Verdict.check(s.callbacks().contains("c0.del_producer") && !s.state().registers("p0") && s.state().registers("c0")
              && s.state().connections().isEmpty(), show(s.callbacks()) + "; " + s.state().render());
        });
    unr.clause("UNR-02", "Unregistering a connected consumer disconnects it and leaves the producer registered.")
        .why("The partner stays registered, unconnected, for a later consumer.", HEADER, KERNEL_DOC)
        .reads("consumer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "consumer-first", "disconnect");
          return Verdict.check(s.callbacks().contains("c0.del_producer") && !s.state().registers("c0") && s.state().registers("p0")
              && s.state().connections().isEmpty(), show(s.callbacks()) + "; " + s.state().render());
        });
    unr.clause("UNR-03", "Unregistering an object that never registered is harmless.")
        .why("Sean Christopherson asked whether unregister without register is allowed; v6.17 returns early for it.", SEAN_RULES, TOKEN_OWNERSHIP)
        .reads("unregister-never-registered")
        .check(e -> {
          for (String l : List.of("producer", "consumer")) {
            Trace.StepTrace s = step(e, "unregister-never-registered", l);
            boolean reports = s.entries().stream().anyMatch(x -> x.kind() == TraceEntry.Kind.REPORT);
            if (!s.callbacks().isEmpty() || reports || !s.state().connections().equals(List.of("p0<->c0"))) {
              return Verdict.fail(l + ": " + show(s.callbacks()) + (reports ? ", a report" : "") + "; " + s.state().render());
            }
          }
          return Verdict.PASS;
        });
    unr.clause("UNR-04", "Unregistering a producer whose registration failed is harmless.")
        .why("The 2020 list_del crash: vfio-pci unregistered a producer refused with -EBUSY and the manager matched another by token.",
            CLEAR_TOKEN, PRODUCER_IDENTITY, KERNEL_DOC)
        .reads("unregister-failed-producer")
        .check(e -> harmless(step(e, "unregister-failed-producer", "unreg")));
    unr.clause("UNR-05", "Unregistering a consumer whose registration failed is harmless.")
        .why("Commit 4f3dbdf47e15 made unregister_consumer find the consumer by identity, not by token.", CONSUMER_IDENTITY, KERNEL_DOC)
        .reads("unregister-failed-consumer")
        .check(e -> harmless(step(e, "unregister-failed-consumer", "unreg")));
    unr.clause("UNR-06", "Unregistering an object a second time is harmless.")
        .why("Callers tear down on several paths; v6.17 returns early for an unregistered object.", TOKEN_OWNERSHIP, SEAN_RULES)
        .reads("unregister-twice")
        .check(e -> {
          for (String l : List.of("producer", "consumer")) {
            Trace.StepTrace s = step(e, "unregister-twice", l);
            boolean reports = s.entries().stream().anyMatch(x -> x.kind() == TraceEntry.Kind.REPORT);
            if (!s.callbacks().isEmpty() || reports) {
              return Verdict.fail(l + ": " + show(s.callbacks()) + (reports ? ", a report" : ""));
            }
          }
          return Verdict.PASS;
        });
    unr.clause("UNR-07", "An unregistered object can register again, with another eventfd, and connects.")
        .why("Drivers reuse the struct embedded in their context when user space changes the eventfd.", HEADER)
        .reads("reuse-after-unregister")
        .check(e -> {
          Trace.StepTrace r = step(e, "reuse-after-unregister", "reuse");
          Trace.StepTrace c = step(e, "reuse-after-unregister", "connect");
          return Verdict.check(ok(r.ret()) && ok(c.ret()) && c.state().connections().equals(List.of("p0<->c1")),
              "reuse got " + r.ret() + ", connect got " + c.ret() + "; " + c.state().render());
        });
    return unr.clauses();
  }

  /** Harmless: no callback, no report, and the registered pair p0-c0 still connected. */
  private static Verdict harmless(Trace.StepTrace s) {
    List<String> reports = s.entries(x -> x.kind() == TraceEntry.Kind.REPORT && x.field("detail") == null).stream().map(TraceEntry::text).toList();
    if (!s.callbacks().isEmpty() || !reports.isEmpty() || !s.state().connections().equals(List.of("p0<->c0"))) {
      return Verdict.fail(show(s.callbacks()) + (reports.isEmpty() ? "" : "; " + reports.get(0)) + "; " + s.state().render());
    }
    return Verdict.PASS;
  }
}
