package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import java.util.List;

/** The clauses on registration: who may register, with which eventfd, and what a refusal returns. */
final class RegistrationClauses {
  private RegistrationClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book reg = new ClauseKit.Book(Category.REGISTRATION);
    reg.clause("REG-01", "A producer registers alone: 0, registered, not connected.")
        .why("Producers and consumers register independently; a producer may come first.", HEADER)
        .reads("producer-alone")
        .check(e -> {
          Trace.StepTrace s = step(e, "producer-alone", "reg");
          return Verdict.check(ok(s.ret()) && s.state().registers("p0") && !s.state().connects("p0"),
              "register returned " + s.ret() + "; " + s.state().render());
        });
    reg.clause("REG-02", "A consumer registers alone: 0, registered, not connected.")
        .why("Producers and consumers register independently; a consumer may come first.", HEADER)
        .reads("consumer-alone")
        .check(e -> {
          Trace.StepTrace s = step(e, "consumer-alone", "reg");
          return Verdict.check(ok(s.ret()) && s.state().registers("c0") && !s.state().connects("c0"),
              "register returned " + s.ret() + "; " + s.state().render());
        });
    reg.clause("REG-03", "A producer whose eventfd another producer holds is refused with -EBUSY.")
        .why("\"Match tokens must be unique per producer/consumer\"; -EBUSY is what every merged version returns.", HEADER, FIRST)
        .reads("duplicate-producer")
        .check(e -> {
          String ret = step(e, "duplicate-producer", "dup").ret();
          return Verdict.check("-EBUSY".equals(ret), "the duplicate got " + ret);
        });
    reg.clause("REG-04", "A consumer whose eventfd another consumer holds is refused with -EBUSY.")
        .why("1:N pairings are not supported; the second consumer must be told.", HEADER, FIRST)
        .reads("duplicate-consumer")
        .check(e -> {
          String ret = step(e, "duplicate-consumer", "dup").ret();
          return Verdict.check("-EBUSY".equals(ret), "the duplicate got " + ret);
        });
    reg.clause("REG-05", "A refused duplicate calls no callback and leaves the registered pair connected.")
        .why("A refusal must not disturb the pair that holds the key.", HEADER)
        .reads("duplicate-producer", "duplicate-consumer")
        .check(e -> {
          for (String sc : List.of("duplicate-producer", "duplicate-consumer")) {
            Trace.StepTrace s = step(e, sc, "dup");
            if (!s.callbacks().isEmpty() || !s.state().connections().equals(List.of("p0<->c0"))) {
              return Verdict.fail(sc + ": " + show(s.callbacks()) + "; " + s.state().render());
            }
          }
          return Verdict.PASS;
        });
    reg.clause("REG-06", "Registering a registered producer again fails and leaves it registered once.")
        .why("Sean Christopherson asked whether in-flight (un)registration of the same object is allowed; v6.17 WARNs and refuses it.",
            SEAN_RULES, TOKEN_OWNERSHIP)
        .reads("reregister-producer")
        .check(e -> {
          Trace.StepTrace s = step(e, "reregister-producer", "again");
          return Verdict.check(error(s.ret()) && s.state().registrations("p0") == 1, "got " + s.ret() + "; " + s.state().render());
        });
    reg.clause("REG-07", "A registered producer registering again with another eventfd is refused.")
        .why("One struct is one registration; storing it under two keys corrupts the registry.", PRODUCER_IDENTITY, SEAN_RULES)
        .reads("reregister-producer-new-key")
        .check(e -> {
          Trace.StepTrace s = step(e, "reregister-producer-new-key", "again");
          return Verdict.check(error(s.ret()) && s.state().registrations("p0") == 1, "got " + s.ret() + "; " + s.state().render());
        });
    reg.clause("REG-08", "A registered consumer registering again with another eventfd is refused.")
        .why("Commit 4f3dbdf47e15 added the identity check; Sean noted it \"subtly gets dropped on the conversion to xarray\".",
            CONSUMER_IDENTITY, SEAN_COVER)
        .reads("reregister-consumer-new-key")
        .check(e -> {
          Trace.StepTrace s = step(e, "reregister-consumer-new-key", "again");
          return Verdict.check(error(s.ret()) && s.state().registrations("c0") == 1, "got " + s.ret() + "; " + s.state().render());
        });
    reg.clause("REG-09", "Registering without an eventfd (a NULL key) is refused with -EINVAL.")
        .why("The header says the token is non-NULL; a NULL key pairs unrelated objects.", HEADER)
        .reads("null-key")
        .check(e -> {
          String p = step(e, "null-key", "producer").ret();
          String c = step(e, "null-key", "consumer").ret();
          return Verdict.check("-EINVAL".equals(p) && "-EINVAL".equals(c), "producer got " + p + ", consumer got " + c);
        });
    reg.clause("REG-10", "A consumer without add_producer or del_producer is refused with -EINVAL.")
        .why("The header marks both consumer callbacks required; the manager calls them unchecked.", HEADER, FIRST)
        .reads("consumer-without-callbacks", "consumer-missing-one-callback")
        .check(e -> {
          for (String[] x : new String[][] {{"consumer-without-callbacks", "reg", "c0"}, {"consumer-missing-one-callback", "add-only", "c0"},
              {"consumer-missing-one-callback", "del-only", "c1"}}) {
            Trace.StepTrace s = step(e, x[0], x[1]);
            if (!"-EINVAL".equals(s.ret()) || s.state().registers(x[2])) {
              String where = x[0].equals("consumer-without-callbacks") ? "" : x[1] + ": ";
              return Verdict.fail(where + "got " + s.ret() + "; " + s.state().render());
            }
          }
          return Verdict.PASS;
        });
    reg.clause("REG-11", "Producers with different eventfds register side by side, and so do consumers.")
        .why("Tokens are unique per producer and per consumer, not across the manager: one producer per eventfd, as many eventfds as "
            + "the callers have vectors.", HEADER, FIRST)
        .reads("two-pairs")
        .check(e -> {
          Trace.StepTrace p = step(e, "two-pairs", "second");
          Trace.StepTrace c = step(e, "two-pairs", "pair0");
          return Verdict.check(ok(p.ret()) && ok(c.ret()) && c.state().registers("p0") && c.state().registers("p1")
              && c.state().registers("c0") && c.state().registers("c1"),
              "the second producer got " + p.ret() + ", the second consumer " + c.ret() + "; " + c.state().render());
        });
    return reg.clauses();
  }
}
