package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import dev.irqlab.spi.Feature;
import java.util.List;

/** The clauses on callback order: which callbacks a connect and a disconnect run, in which order. */
final class OrderClauses {
  private OrderClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book ord = new ClauseKit.Book(Category.ORDER);
    ord.clause("ORD-01", "A connect runs stop(P), stop(C), add_consumer(P), add_producer(C), start(C), start(P), and nothing else.")
        .why("The theory of operation: optional @stop, then @add_*, then optional @start; stop is producer first, start consumer first.", HEADER, FIRST)
        .reads("producer-first", "consumer-first")
        .needs(Feature.STOP_START, Feature.PRODUCER_CALLBACKS)
        .check(e -> runs(e, "connect", List.of("p0.stop", "c0.stop", "p0.add_consumer", "c0.add_producer", "c0.start", "p0.start")));
    ord.clause("ORD-02", "A disconnect runs stop(P), stop(C), del_producer(C), del_consumer(P), start(C), start(P).")
        .why("\"When either side unregisters, the same process runs with @del_* in place of @add_*\"; del is the reverse of add.", HEADER, FIRST)
        .reads("producer-first", "consumer-first")
        .needs(Feature.STOP_START, Feature.PRODUCER_CALLBACKS)
        .check(e -> runs(e, "disconnect", List.of("p0.stop", "c0.stop", "c0.del_producer", "p0.del_consumer", "c0.start", "p0.start")));
    ord.clause("ORD-03", "Optional callbacks left NULL are skipped: a producer with none connects and disconnects.")
        .why("vfio-pci and vhost-vdpa set no producer callbacks; only the consumer's add/del are required.", HEADER)
        .reads("optional-callbacks")
        .check(e -> {
          Trace.StepTrace c = step(e, "optional-callbacks", "connect");
          Trace.StepTrace d = step(e, "optional-callbacks", "disconnect");
          return Verdict.check(ok(c.ret()) && c.callbacks().equals(List.of("c0.add_producer")) && d.callbacks().equals(List.of("c0.del_producer")),
              "connect: " + show(c.callbacks()) + "; disconnect: " + show(d.callbacks()));
        });
    ord.clause("ORD-04", "A successful connect calls no del callback.")
        .why("The v5.9 change \"erroneously calls the producer destructor unconditionally\", said its revert.", REVERT, M59)
        .reads("producer-first", "consumer-first")
        .needs(Feature.PRODUCER_CALLBACKS)
        .check(e -> {
          for (String sc : List.of("producer-first", "consumer-first")) {
            List<String> got = step(e, sc, "connect").callbacks();
            if (got.stream().anyMatch(c -> c.contains(".del_"))) {
              return Verdict.fail(sc + ": " + show(got));
            }
          }
          return Verdict.PASS;
        });
    ord.clause("ORD-05", "Each side's add callback runs once per connect, and del once per disconnect.")
        .why("Consumers such as KVM's set up posting in add_producer; a second call would do it twice.", HEADER)
        .reads("producer-first", "consumer-first", "optional-callbacks")
        .check(e -> {
          for (String sc : List.of("producer-first", "consumer-first", "optional-callbacks")) {
            List<String> c = step(e, sc, "connect").callbacks();
            List<String> d = step(e, sc, "disconnect").callbacks();
            if (count(c, "c0.add_producer") != 1 || count(d, "c0.del_producer") != 1 || count(c, "p0.add_consumer") > 1) {
              return Verdict.fail(sc + ": connect " + show(c) + "; disconnect " + show(d));
            }
          }
          return Verdict.PASS;
        });
    return ord.clauses();
  }

  /** Step {@code label} of both producer-first and consumer-first ran exactly the callbacks {@code want}. */
  private static Verdict runs(Evidence e, String label, List<String> want) {
    for (String sc : List.of("producer-first", "consumer-first")) {
      List<String> got = step(e, sc, label).callbacks();
      if (!got.equals(want)) {
        return Verdict.fail(sc + ": " + show(got));
      }
    }
    return Verdict.PASS;
  }
}
