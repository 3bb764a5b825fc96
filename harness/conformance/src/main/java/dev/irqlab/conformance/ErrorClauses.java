package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import dev.irqlab.spi.Feature;
import java.util.List;

/** The clauses on error paths: what a failed connect returns, undoes and leaves behind. */
final class ErrorClauses {
  private ErrorClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book err = new ClauseKit.Book(Category.ERRORS);
    err.clause("ERR-01", "A registration whose connect fails returns the callback's error.")
        .why("The caller must be able to tell that bypass is not set up.", HEADER, NAK)
        .reads("connect-fails", "connect-fails-producer", "connect-fails-bare-producer")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          String a = step(e, "connect-fails", "connect").ret();
          String b = step(e, "connect-fails-producer", "connect").ret();
          String c = step(e, "connect-fails-bare-producer", "connect").ret();
          return Verdict.check("-EBUSY".equals(a) && "-EBUSY".equals(b) && "-EBUSY".equals(c),
              "got " + a + ", " + b + " and, for a producer with no callbacks, " + c);
        });
    err.clause("ERR-02", "A registration whose connect fails leaves nothing registered.")
        .why("\"The producer is registered to the xarray regardless of the result of the connect operation and the caller cannot distinguish between failures.\"",
            NAK)
        .reads("connect-fails", "connect-fails-producer", "connect-fails-bare-producer")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          for (String[] x : new String[][] {{"connect-fails", "p0"}, {"connect-fails-producer", "c0"}, {"connect-fails-bare-producer", "p0"}}) {
            Trace.StepTrace s = step(e, x[0], "connect");
            if (s.state().registers(x[1])) {
              return Verdict.fail(x[0] + ": after the failed connect: " + s.state().render());
            }
          }
          return Verdict.PASS;
        });
    err.clause("ERR-03", "After a failed connect the partner stays registered, and a later producer connects to it.")
        .why("A failed connect is not the partner's fault; \"there is a number of benign reasons for a connect to fail\".", REVERT, NAK)
        .reads("connect-fails-later-partner")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          Trace.StepTrace s = step(e, "connect-fails-later-partner", "later");
          return Verdict.check(ok(s.ret()) && s.state().connections().equals(List.of("p1<->c0")), "got " + s.ret() + "; " + s.state().render());
        });
    err.clause("ERR-04", "A failed connect restarts both sides: each stop is followed by its start.")
        .why("Stopping a consumer may suspend the VM (arm64 GICv4); \"should the connect fail, the VM will not be resumed\".", REVERT, M59)
        .reads("connect-fails", "connect-fails-producer")
        .needs(Feature.CONNECT_ERRORS, Feature.STOP_START)
        .check(e -> {
          for (String sc : List.of("connect-fails", "connect-fails-producer")) {
            List<String> got = step(e, sc, "connect").callbacks();
            if (count(got, "p0.stop") != count(got, "p0.start") || count(got, "c0.stop") != count(got, "c0.start")
                || got.indexOf("c0.start") < got.indexOf("c0.stop")) {
              return Verdict.fail(sc + ": " + show(got));
            }
          }
          return Verdict.PASS;
        });
    err.clause("ERR-05", "When add_producer fails after add_consumer succeeded, del_consumer undoes it.")
        .why("__connect: \"if (ret && prod->del_consumer) prod->del_consumer(prod, cons)\".", FIRST, HEADER)
        .reads("connect-fails")
        .needs(Feature.CONNECT_ERRORS, Feature.PRODUCER_CALLBACKS)
        .check(e -> {
          List<String> got = step(e, "connect-fails", "connect").callbacks();
          int add = got.indexOf("c0.add_producer");
          int del = got.indexOf("p0.del_consumer");
          return Verdict.check(add >= 0 && del > add && count(got, "p0.del_consumer") == 1, show(got));
        });
    err.clause("ERR-06", "When add_consumer fails, neither add_producer nor any del callback runs.")
        .why("Only the side that connected is undone.", FIRST)
        .reads("connect-fails-producer")
        .needs(Feature.CONNECT_ERRORS, Feature.PRODUCER_CALLBACKS)
        .check(e -> {
          List<String> got = step(e, "connect-fails-producer", "connect").callbacks();
          return Verdict.check(got.contains("p0.add_consumer") && got.stream().noneMatch(c -> c.endsWith(".add_producer") || c.contains(".del_")), show(got));
        });
    err.clause("ERR-07", "Unregistering an object whose connect failed is harmless.")
        .why("\"Note, it's safe to call this even if registration was unsuccessful.\" (v6.17 kernel-doc)", KERNEL_DOC, NAK)
        .reads("connect-fails", "connect-fails-beside-pair")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          Verdict alone = harmlessAlone(step(e, "connect-fails", "unreg"));
          if (!alone.passed()) {
            return Verdict.fail("connect-fails: " + alone.detail());
          }
          Trace.StepTrace s = step(e, "connect-fails-beside-pair", "unreg");
          Verdict beside = harmlessAlone(s);
          return Verdict.check(beside.passed() && s.state().connections().equals(List.of("p1<->c1")),
              "connect-fails-beside-pair: " + beside.detail() + (beside.detail().isEmpty() ? "" : "; ") + s.state().render());
        });
    err.clause("ERR-08", "A registration that failed to connect can be retried and connects.")
        .why("The caller was told it failed; nothing of it may stand in the way of the next attempt.", NAK)
        .reads("connect-fails-retry")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          Trace.StepTrace s = step(e, "connect-fails-retry", "retry");
          return Verdict.check(ok(s.ret()) && s.state().connections().equals(List.of("p0<->c0")), "retry got " + s.ret() + "; " + s.state().render());
        });
    return err.clauses();
  }
}
