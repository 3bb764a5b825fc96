package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The clauses on global invariants: what must hold in every scenario. */
final class InvariantClauses {
  private InvariantClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book inv = new ClauseKit.Book(Category.INVARIANT);
    inv.clause("INV-01", "No use-after-free, double free or invalid free, in any scenario.")
        .why("KASAN: every object the manager reaches must be live.", HEADER)
        .reads()
        .check(e -> none(e, t -> Checks.reports(t, Set.of("KASAN"))));
    inv.clause("INV-02", "Nothing is left allocated after every process exits and the module unloads.")
        .why("kmemleak after teardown: the manager's own allocations (xarray nodes) go with its registrations.", KERNEL_DOC)
        .reads()
        .check(e -> none(e, t -> {
          List<Finding> r = new ArrayList<>(Checks.reports(t, Set.of("KMEMLEAK")));
          t.machine().leaks().forEach(l -> r.add(new Finding(t.scenario(), "teardown", "LEAK", l)));
          return r;
        }));
    inv.clause("INV-03", "No interrupt is lost, misrouted or delivered twice, in any scenario.")
        .why("The guest counts every interrupt: bypass may change the path, never the count.", PI_DOC)
        .reads()
        .check(e -> none(e, t -> t.machine().anomalies().stream().map(a -> new Finding(t.scenario(), null, "ANOMALY", a)).toList()));
    inv.clause("INV-04", "No oops, BUG, list corruption, refcount error, soft lockup or hang, in any scenario.")
        .why("A caller's ordinary sequence must not crash the host.", HEADER)
        .reads()
        .check(e -> none(e, t -> {
          List<Finding> r = new ArrayList<>(Checks.reports(t, Set.of("BUG", "LIST_CORRUPTION", "REFCOUNT", "SOFT_LOCKUP", "SLEEP_IN_ATOMIC")));
          Trace.Outcome o = t.outcome();
          boolean logged = o.kind() == Trace.Outcome.Kind.OOPS && r.stream().anyMatch(f -> f.text().startsWith(o.headline()));
          if (!o.completed() && !logged) {
            r.add(new Finding(t.scenario(), Checks.stepLabel(t, o.step()), o.kind().name(),
                o.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + o.headline()));
          }
          return r;
        }));
    inv.clause("INV-05", "No WARN, in any scenario whose caller keeps the rules.")
        .why("A WARN is for what should never happen; the manager's own WARN_ON_ONCE()s are for a caller registering an object "
            + "that is registered, and such a caller is the only one that may see one.", WARN_DOC, TOKEN_OWNERSHIP)
        .reads()
        .check(e -> none(e, InvariantClauses::warningsOfRuleKeepers));
    inv.clause("INV-06", "After every step, the manager holds as connected exactly the pairs whose partners were told they are.")
        .why("A pair connected but not tracked is never disconnected (\"connected but not tracked in the producers xarray\"); a pair "
            + "tracked but never connected is disconnected all the same (\"registered regardless of the result of the connect\"); "
            + "and a producer told it was disconnected from a pair still held is the v5.9 regression.", V1_REVIEW, NAK, REVERT)
        .reads()
        .check(e -> none(e, InvariantClauses::managerDiffers));
    return inv.clauses();
  }

  /**
   * INV-05: every WARNING of {@code t} but those of a step that breaks the rule the manager WARNs
   * about: it registers an object whose last registration in the scenario returned 0 and which
   * has not been unregistered since. Whether a step breaks it follows from what this revision
   * returned, so a retry after a registration that failed keeps the rules, and one after a
   * registration that succeeded does not.
   */
  private static List<Finding> warningsOfRuleKeepers(Trace t) {
    Map<String, Boolean> registered = new HashMap<>();
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < t.steps().size(); i++) {
      Trace.StepTrace s = t.steps().get(i);
      String[] words = s.op().trim().split("\\s+");
      boolean misuse = false;
      if (words.length >= 2 && words[0].equals("register")) {
        misuse = registered.getOrDefault(words[1], false);
        registered.put(words[1], misuse || "0".equals(s.result()));
      } else if (words[0].equals("unregister")) {
        for (int w = 1; w < words.length; w++) {
          registered.put(words[w], false);
        }
      }
      if (!misuse) {
        out.addAll(Checks.reports(s.entries(), t.scenario(), Checks.stepLabel(t, i), Set.of("WARNING")));
      }
    }
    out.addAll(Checks.reports(t.teardown(), t.scenario(), "teardown", Set.of("WARNING")));
    return out;
  }

  /** INV-06: every step of {@code t} whose manager holds other pairs as connected than the partners were told of. */
  private static List<Finding> managerDiffers(Trace t) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < t.steps().size(); i++) {
      State s = t.steps().get(i).state();
      if (s != null && s.managerDiffers()) {
        out.add(new Finding(t.scenario(), Checks.stepLabel(t, i), null, t.scenario() + ": " + s.render()));
      }
    }
    return out;
  }
}
