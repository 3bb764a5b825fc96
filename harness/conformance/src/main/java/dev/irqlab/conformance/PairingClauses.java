package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import java.util.List;

/** The clauses on pairing: which producer connects to which consumer. */
final class PairingClauses {
  private PairingClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book pair = new ClauseKit.Book(Category.PAIRING);
    pair.clause("PAIR-01", "A consumer registering after its producer connects to it.")
        .why("\"When a token match is found\" the pair is connected, whichever side came first.", HEADER)
        .reads("producer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "producer-first", "connect");
          return Verdict.check(ok(s.ret()) && s.state().connections().equals(List.of("p0<->c0")), "got " + s.ret() + "; " + s.state().render());
        });
    pair.clause("PAIR-02", "A producer registering after its consumer connects to it.")
        .why("\"When a token match is found\" the pair is connected, whichever side came first.", HEADER)
        .reads("consumer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "consumer-first", "connect");
          return Verdict.check(ok(s.ret()) && s.state().connections().equals(List.of("p0<->c0")), "got " + s.ret() + "; " + s.state().render());
        });
    pair.clause("PAIR-03", "A producer and a consumer with different eventfds do not connect.")
        .why("Matching is by eventfd (the token) only.", HEADER)
        .reads("different-keys")
        .check(e -> {
          Trace.StepTrace s = step(e, "different-keys", "other");
          return Verdict.check(ok(s.ret()) && s.callbacks().isEmpty() && s.state().connections().isEmpty(),
              show(s.callbacks()) + "; " + s.state().render());
        });
    pair.clause("PAIR-04", "When a producer leaves, the consumer connects to the next producer with its eventfd.")
        .why("The partner stays registered with no connection, and a later registration reconnects to it.", HEADER, KERNEL_DOC)
        .reads("producer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "producer-first", "reconnect");
          return Verdict.check(ok(s.ret()) && s.state().connections().equals(List.of("p1<->c0")), "got " + s.ret() + "; " + s.state().render());
        });
    pair.clause("PAIR-05", "The producer's IRQ is set when the consumer's add_producer runs.")
        .why("\"KVM expects the IRQ to be valid as soon as a connection is possible.\"", PASS_IRQ)
        .reads("consumer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "consumer-first", "connect");
          List<TraceEntry> adds = s.entries(x -> x.kind() == TraceEntry.Kind.CALLBACK && "add_producer".equals(x.field("callback")));
          if (adds.isEmpty()) {
            return Verdict.fail("add_producer did not run");
          }
          String irq = adds.get(0).field("irq");
          return Verdict.check(String.valueOf(Machine.FIRST_API_IRQ).equals(irq), "add_producer saw irq " + irq);
        });
    return pair.clauses();
  }
}
