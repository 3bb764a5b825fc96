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
        .reads("different-keys", "two-pairs")
        .check(e -> {
          Trace.StepTrace s = step(e, "different-keys", "other");
          Trace.StepTrace t = step(e, "two-pairs", "other-key");
          return Verdict.check(ok(s.ret()) && s.callbacks().isEmpty() && s.state().connections().isEmpty()
              && ok(t.ret()) && t.callbacks().isEmpty() && t.state().connections().isEmpty(),
              "consumer after producer: " + show(s.callbacks()) + "; " + s.state().render()
                  + "; producer after consumer: " + show(t.callbacks()) + "; " + t.state().render());
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
    pair.clause("PAIR-06", "With two pairs on two eventfds, each registration and unregistration calls back its own pair only, "
        + "and the other pair stays connected.")
        .why("\"When a token match is found\": a connect or disconnect concerns the two objects with the one token, whatever else "
            + "is registered.", HEADER, KERNEL_DOC)
        .reads("two-pairs")
        .check(PairingClauses::ownPairOnly);
    return pair.clauses();
  }

  /** PAIR-06: in each step of two-pairs, the callbacks name only that step's pair, and the connections are as expected. */
  private static Verdict ownPairOnly(Evidence e) {
    String[][] steps = {
        {"second", "1", "p1<->c1"}, {"pair0", "0", "p0<->c0 p1<->c1"}, {"leave-p1", "1", "p0<->c0"},
        {"back-p1", "1", "p0<->c0 p1<->c1"}, {"leave-c0", "0", "p1<->c1"}};
    for (String[] x : steps) {
      Trace.StepTrace s = step(e, "two-pairs", x[0]);
      List<String> others = s.callbacks().stream().filter(c -> !c.startsWith("p" + x[1] + ".") && !c.startsWith("c" + x[1] + ".")).toList();
      List<String> connected = s.state().connections().stream().sorted().toList();
      boolean called = s.callbacks().stream().anyMatch(c -> c.startsWith("c" + x[1] + "."));
      if (!others.isEmpty() || !called || !connected.equals(List.of(x[2].split(" ")))) {
        return Verdict.fail(x[0] + ": " + show(s.callbacks()) + "; " + s.state().render());
      }
    }
    return Verdict.PASS;
  }
}
