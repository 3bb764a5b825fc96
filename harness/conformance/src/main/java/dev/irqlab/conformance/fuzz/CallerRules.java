package dev.irqlab.conformance.fuzz;

import dev.irqlab.conformance.Op;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.Trace;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a generated caller kept the manager's rules on one revision. The generator may free an
 * object right after it tried to register it: that is the caller's right when the registration
 * failed (the contract says a failed registration leaves nothing registered), and the caller's bug
 * when it worked. The trace tells which: a {@code free} of an object whose last registration
 * returned 0 and that was not unregistered since breaks the rules, and what follows is the
 * caller's fault, not the manager's. So does a step after a successful {@code rmmod} of the
 * manager: nothing may call a module that is gone (a caller that imports its symbols keeps it
 * loaded). So does a scenario that ends with an object still
 * registered: a caller unregisters what it registered before it goes (its module is unloaded in
 * the teardown). Registering a registered object again is no breach: the manager must refuse it
 * (REG-07, REG-08).
 */
final class CallerRules {
  private CallerRules() {}

  /**
   * The index of the first step of {@code t} at which the caller broke the rules, the number of
   * steps when a run that completed left an object registered, or -1.
   */
  static int broken(Scenario s, Trace t) {
    Set<String> registered = new HashSet<>();
    for (int i = 0; i < t.steps().size(); i++) {
      Op op = s.steps().get(i).op();
      String result = t.steps().get(i).result();
      if (i > 0 && s.steps().get(i - 1).op() instanceof Op.Rmmod && "0".equals(t.steps().get(i - 1).result())) {
        return i;
      }
      if (op instanceof Op.Register r) {
        if ("0".equals(result)) {
          registered.add(r.name());
        }
      } else if (op instanceof Op.Unregister u) {
        registered.remove(u.name());
      } else if (op instanceof Op.Free f && registered.contains(f.name())) {
        return i;
      }
    }
    return registered.isEmpty() || !t.outcome().completed() ? -1 : t.steps().size();
  }
}
