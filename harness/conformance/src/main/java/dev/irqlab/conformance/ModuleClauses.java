package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import dev.irqlab.spi.Feature;
import java.util.List;

/** The clauses on module refcount: what pins the manager's module, and what gives it back. */
final class ModuleClauses {
  private ModuleClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book mod = new ClauseKit.Book(Category.MODULE);
    mod.clause("MOD-01", "After every registration is undone, the module refcount is back where it started.")
        .why("Each registration that holds a module reference gives it back on unregister.", FIRST)
        .reads("producer-first")
        .check(e -> {
          Trace.StepTrace base = step(e, "producer-first", "base");
          Trace.StepTrace done = step(e, "producer-first", "done");
          return moduleOnly(base, () -> Verdict.check(base.state().moduleRefcount().equals(done.state().moduleRefcount()),
              "refcount " + base.state().moduleRefcount() + " before, " + done.state().moduleRefcount() + " after"));
        });
    mod.clause("MOD-02", "A failed registration, unregistered, leaves the module refcount where it started.")
        .why("\"The module reference is released regardless of xarray item.\"", NAK)
        .reads("connect-fails", "connect-fails-producer", "duplicate-producer", "duplicate-consumer")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          for (String sc : List.of("connect-fails", "connect-fails-producer", "duplicate-producer", "duplicate-consumer")) {
            Trace.StepTrace base = step(e, sc, "base");
            Trace.StepTrace done = step(e, sc, "done");
            Verdict v = moduleOnly(base, () -> Verdict.check(base.state().moduleRefcount().equals(done.state().moduleRefcount()),
                sc + ": refcount " + base.state().moduleRefcount() + " before, " + done.state().moduleRefcount() + " after"));
            if (!v.passed()) {
              return v;
            }
          }
          return Verdict.PASS;
        });
    mod.clause("MOD-03", "While a caller that imports the manager is loaded, rmmod irqbypass is refused and its registrations keep working.")
        .why("The callers (kvm, vfio-pci, vhost-vdpa) import irq_bypass_register_*(), so the module loader refuses to unload the manager "
            + "under them; Sean Christopherson's 1/8 drops the manager's own THIS_MODULE get/put as pointless for that reason, where v4.4 "
            + "also pinned the module per registration.", FIRST, DROP_MODULE_GET)
        .reads("rmmod-while-registered")
        .check(e -> {
          Trace.StepTrace s = step(e, "rmmod-while-registered", "rmmod");
          return moduleOnly(s, () -> {
            if (!error(s.result())) {
              return Verdict.fail("rmmod returned " + s.result() + " with p0 registered");
            }
            Trace.StepTrace unreg = step(e, "rmmod-while-registered", "unreg");
            return harmlessAlone(unreg).passed() && !unreg.state().registers("p0") ? Verdict.PASS
                : Verdict.fail("after the refused rmmod, unregister p0: " + harmlessAlone(unreg).detail() + "; " + unreg.state().render());
          });
        });
    mod.clause("MOD-04", "Once every caller has unregistered and unloaded, rmmod irqbypass succeeds.")
        .why("Nothing but its importers and its registrations may pin the module.", FIRST)
        .reads("rmmod-after-unregister")
        .check(e -> {
          Trace t = Checks.completed(e, "rmmod-after-unregister");
          if (t.end() != null && t.end().moduleRefcount() == null) {
            return Verdict.na("needs a loadable module: this manager is built in");
          }
          String ret = t.teardown().stream()
              .filter(x -> x.kind() == TraceEntry.Kind.RESULT && "manager".equals(x.field("role")))
              .map(x -> x.field("ret")).findFirst().orElse(null);
          return Verdict.check(ok(ret), "the teardown's rmmod irqbypass returned " + ret);
        });
    mod.clause("MOD-05", "A registration made while try_module_get fails is either refused, leaving nothing registered, or "
        + "registered; either way, once everything is unregistered, the module refcount is back where it started.")
        .why("v4.4 pins the module per registration and returns -ENODEV when try_module_get fails; Sean Christopherson's 1/8 drops "
            + "the get and put. Both keep the refcount balanced: a reference is put only where one was got.", FIRST, DROP_MODULE_GET)
        .reads("module-get-fails")
        .check(e -> {
          Trace.StepTrace base = step(e, "module-get-fails", "base");
          return moduleOnly(base, () -> {
            for (String[] x : new String[][] {{"producer", "p0"}, {"consumer", "c0"}}) {
              Trace.StepTrace s = step(e, "module-get-fails", x[0]);
              if (ok(s.ret()) != s.state().registers(x[1])) {
                return Verdict.fail(x[0] + " returned " + s.ret() + "; " + s.state().render());
              }
            }
            Trace.StepTrace done = step(e, "module-get-fails", "done");
            return Verdict.check(base.state().moduleRefcount().equals(done.state().moduleRefcount()),
                "refcount " + base.state().moduleRefcount() + " before, " + done.state().moduleRefcount() + " after");
          });
        });
    return mod.clauses();
  }

  /** N/A for built-in code (the state has no module refcount). */
  private static Verdict moduleOnly(Trace.StepTrace s, java.util.function.Supplier<Verdict> check) {
    if (s.state() != null && s.state().moduleRefcount() == null) {
      return Verdict.na("needs a loadable module: this manager is built in");
    }
    return check.get();
  }
}
