package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import dev.irqlab.devices.DriverChange;
import java.util.ArrayList;
import java.util.List;

/** The clauses on drivers end to end: what user space sees through the simulated devices. */
final class SystemClauses {
  private SystemClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book sys = new ClauseKit.Book(Category.SYSTEM);
    sys.clause("SYS-01", "A VFIO vector wired to a VM's irqfd on a posting host delivers each interrupt once, posted.")
        .why("The point of the manager: the IRTE posts the device interrupt straight to the vCPU.", FIRST, PI_DOC)
        .reads("sys-vfio-irqfd", "sys-vector-first")
        .check(e -> {
          for (String sc : List.of("sys-vfio-irqfd", "sys-vector-first")) {
            List<String> paths = paths(step(e, sc, "fire"));
            if (!paths.equals(List.of("posted"))) {
              return Verdict.fail(sc + ": the interrupt arrived by " + paths);
            }
          }
          return Verdict.PASS;
        });
    sys.clause("SYS-02", "Bypass is active exactly while both sides are registered and connected.")
        .why("Deassigning the irqfd must return the vector to the eventfd path; reassigning must post again.", FIRST, PI_DOC)
        .reads("sys-vfio-irqfd")
        .check(e -> {
          String[][] expect = {{"fire", "posted"}, {"fire-deassigned", "eventfd"}, {"fire-reassigned", "posted"}};
          for (String[] x : expect) {
            Trace.StepTrace s = step(e, "sys-vfio-irqfd", x[0]);
            List<String> paths = paths(s);
            boolean connected = !s.state().connections().isEmpty();
            if (!paths.equals(List.of(x[1])) || connected != x[1].equals("posted")) {
              return Verdict.fail(x[0] + ": arrived by " + paths + " with " + (connected ? "a" : "no") + " connection");
            }
          }
          return Verdict.PASS;
        });
    sys.clause("SYS-03", "An interrupt before the irqfd exists reaches user space; once it exists, it is posted.")
        .why("The order in which user space wires the two ends must not matter.", PI_DOC)
        .reads("sys-vector-first")
        .check(e -> {
          List<String> before = paths(step(e, "sys-vector-first", "fire-unbound"));
          List<String> after = paths(step(e, "sys-vector-first", "fire"));
          return Verdict.check(before.equals(List.of("eventfd")) && after.equals(List.of("posted")), "before: " + before + ", after: " + after);
        });
    sys.clause("SYS-04", "VFIO_DEVICE_SET_IRQS succeeds when a vector's bypass registration fails.")
        .why("\"The irq bypass registration cannot cause the vector setup to fail\" (Alex Williamson, 2020).", CLEAR_TOKEN)
        .reads("sys-shared-eventfd")
        .needsDriversWithout(DriverChange.VFIO_REPORTS_BYPASS_FAILURE)
        .check(e -> {
          Trace.StepTrace s = step(e, "sys-shared-eventfd", "enable");
          List<String> paths = paths(step(e, "sys-shared-eventfd", "fire1"));
          return Verdict.check(ok(s.result()) && paths.size() == 1, "VFIO_DEVICE_SET_IRQS returned " + s.result() + "; vector 1 arrived by " + paths);
        });
    sys.clause("SYS-05", "Disabling a vector whose bypass registration failed leaves the other vector's bypass alone.")
        .why("The 2020 list_del crash came from vfio_msi_set_vector_signal unregistering the refused producer.", CLEAR_TOKEN, PRODUCER_IDENTITY)
        .reads("sys-shared-eventfd")
        .needsDriversWithout(DriverChange.VFIO_REPORTS_BYPASS_FAILURE)
        .check(e -> {
          Trace.StepTrace s = step(e, "sys-shared-eventfd", "disable");
          List<String> reports = s.entries(x -> x.kind() == TraceEntry.Kind.REPORT && x.field("detail") == null).stream().map(TraceEntry::text).toList();
          List<String> paths = paths(step(e, "sys-shared-eventfd", "fire0-again"));
          return Verdict.check(ok(s.result()) && reports.isEmpty() && s.state().connects("vfio0.msix0") && paths.equals(List.of("posted")),
              "returned " + s.result() + (reports.isEmpty() ? "" : "; " + reports.get(0)) + "; " + s.state().render()
                  + "; vector 0 then arrived by " + paths);
        });
    sys.clause("SYS-06", "Destroying the VM tears its bypass down: the vector's interrupts go back to the eventfd.")
        .why("irqfd shutdown unregisters the consumer before the irqfd is freed.", PI_DOC)
        .reads("sys-vm-closed")
        .check(e -> {
          Trace.StepTrace close = step(e, "sys-vm-closed", "close");
          Trace.StepTrace fire = step(e, "sys-vm-closed", "fire");
          List<String> paths = paths(fire);
          return Verdict.check(close.state().connections().isEmpty() && paths.equals(List.of("eventfd")),
              close.state().render() + "; then arrived by " + paths);
        });
    sys.clause("SYS-07", "A vDPA virtqueue whose call eventfd feeds an irqfd delivers once, posted.")
        .why("vhost-vdpa offloads virtqueue interrupts through the same manager since v5.9.", PI_DOC)
        .reads("sys-vdpa")
        .needsDrivers(DriverChange.VDPA_IRQ_OFFLOAD)
        .check(e -> {
          List<String> paths = paths(step(e, "sys-vdpa", "fire"));
          return Verdict.check(paths.equals(List.of("posted")), "arrived by " + paths);
        });
    sys.clause("SYS-08", "With drivers that report bypass failures, a KVM_IRQFD whose consumer cannot connect fails with the manager's error "
        + "and leaves nothing registered, leaked or posted.")
        .why("Sean Christopherson, 2025: \"not reporting an error to userspace if connect() fails is *awful* behavior for environments "
            + "that want/need irqbypass to always work\". A failed ioctl must be as if it never ran, so that the caller can try again.",
            SEAN_COVER_V1, PI_DOC)
        .reads("sys-irqfd-connect-fails")
        .needsDrivers(DriverChange.KVM_IRQFD_REPORTS_BYPASS_FAILURE)
        .check(e -> reportedAndUndone(e, "sys-irqfd-connect-fails", "assign", "irq_bypass_register_consumer", List.of("vfio0.msix0@efd0"), List.of()));
    sys.clause("SYS-09", "With drivers that report bypass failures, a VFIO_DEVICE_SET_IRQS whose producer cannot connect fails with the "
        + "manager's error and leaves nothing registered, leaked or posted, even after a reroute.")
        .why("The other half of the same cover letter: the vector is undone (free_irq, the trigger put, the context freed), so no "
            + "routing update may find what the failed connect left in the irqfd.", SEAN_COVER_V1, ALEX_VECTOR_WORKS, NULLIFY_PRODUCER)
        .reads("sys-vector-connect-fails")
        .needsDrivers(DriverChange.VFIO_REPORTS_BYPASS_FAILURE)
        .check(e -> {
          Verdict v = reportedAndUndone(e, "sys-vector-connect-fails", "enable", "irq_bypass_register_producer", List.of(), List.of("vm0.irqfd(efd0)@efd0"));
          List<String> rerouted = paths(step(e, "sys-vector-connect-fails", "fire-rerouted"));
          return !v.passed() || rerouted.isEmpty() ? v : Verdict.fail("after the reroute the vector arrived by " + rerouted);
        });
    sys.clause("SYS-10", "KVM_IRQFD_FLAG_NO_IRQBYPASS registers no consumer, and its interrupts arrive through the eventfd and the irqfd.")
        .why("Proposed in the same cover letter \"so that userspace can opt-out on a per-IRQ basis\": an irqfd that is never eligible "
            + "for bypass costs the manager nothing, and its shutdown has nothing to unregister.", SEAN_COVER_V1, PI_DOC)
        .reads("sys-irqfd-no-irqbypass")
        .needsDrivers(DriverChange.KVM_IRQFD_NO_IRQBYPASS_FLAG)
        .check(SystemClauses::noIrqBypass);
    sys.clause("SYS-12", "A connected VFIO vector is posted in a VM that user space never bound to the device's group.")
        .why("Since 2edd9cb79fb3 a connected producer counts as an assigned device, so posting needs no "
            + "KVM_DEV_VFIO_GROUP_ADD (vhost-vDPA has no group to bind); before it only the kvm-vfio binding counted one, and "
            + "vmx_update_pi_irte left the IRTE remapped in a VM without it.", ASSIGNMENT_BY_BYPASS, PI_DOC)
        .reads("sys-no-group-binding")
        .check(e -> {
          Trace.StepTrace s = step(e, "sys-no-group-binding", "fire");
          List<String> paths = paths(s);
          boolean connected = !s.state().connections().isEmpty();
          return Verdict.check(connected && paths.equals(List.of("posted")),
              "the interrupt arrived by " + paths + " with " + (connected ? "a" : "no") + " connection");
        });
    return sys.clauses();
  }

  /**
   * The ioctl of step {@code label} returned what {@code function} returned, an error, and left
   * the manager as it was ({@code producers} and {@code consumers} registered, nothing
   * connected); the fire after it was not posted; the retry connects and posts; no sanitizer
   * report and nothing left after the teardown.
   */
  private static Verdict reportedAndUndone(Evidence e, String sc, String label, String function, List<String> producers, List<String> consumers) {
    Trace.StepTrace s = step(e, sc, label);
    String manager = s.entries(x -> x.kind() == TraceEntry.Kind.RETURN && function.equals(x.field("function"))).stream()
        .map(x -> x.field("ret")).findFirst().orElse(null);
    if (!error(s.result()) || !s.result().equals(manager)) {
      return Verdict.fail(label + " returned " + s.result() + " where " + function + " returned " + manager);
    }
    State after = s.state();
    if (!after.producers().equals(producers) || !after.consumers().equals(consumers) || !after.connections().isEmpty()) {
      return Verdict.fail("after " + label + ": " + s.state().render());
    }
    List<String> fire = paths(step(e, sc, "fire"));
    Trace.StepTrace retry = step(e, sc, "retry");
    List<String> again = paths(step(e, sc, "fire-retry"));
    if (fire.contains("posted") || !ok(retry.result()) || retry.state().connections().isEmpty() || !again.equals(List.of("posted"))) {
      return Verdict.fail("then arrived by " + fire + "; the retry returned " + retry.result() + " with " + retry.state().render()
          + " and arrived by " + again);
    }
    Trace t = Checks.completed(e, sc);
    List<String> left = new ArrayList<>(t.reports("KASAN"));
    left.addAll(t.reports("KMEMLEAK"));
    left.addAll(t.machine().leaks());
    return Verdict.check(left.isEmpty(), left.isEmpty() ? "" : left.get(0));
  }

  /** SYS-10: no consumer at any step, none unregistered, the irqfd path while assigned, the eventfd after. */
  private static Verdict noIrqBypass(Evidence e) {
    String sc = "sys-irqfd-no-irqbypass";
    for (String label : List.of("assign", "enable", "deassign", "reassign", "close", "disable")) {
      Trace.StepTrace s = step(e, sc, label);
      boolean unregistered = !s.entries(x -> x.kind() == TraceEntry.Kind.CALL && "irq_bypass_unregister_consumer".equals(x.field("function"))).isEmpty();
      if (!ok(s.result()) || !s.state().consumers().isEmpty() || unregistered) {
        return Verdict.fail(label + " returned " + s.result() + (unregistered ? " and unregistered a consumer" : "") + "; " + s.state().render());
      }
    }
    List<String> assigned = paths(step(e, sc, "fire"));
    List<String> deassigned = paths(step(e, sc, "fire-deassigned"));
    return Verdict.check(assigned.equals(List.of("irqfd")) && deassigned.equals(List.of("eventfd")),
        "arrived by " + assigned + " while assigned and by " + deassigned + " after the deassign");
  }

  /** The paths an interrupt fired in this step took. */
  private static List<String> paths(Trace.StepTrace s) {
    return s.entries(x -> x.kind() == TraceEntry.Kind.INTERRUPT && x.field("path") != null).stream().map(x -> x.field("path")).toList();
  }
}
