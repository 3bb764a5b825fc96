package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import dev.irqlab.devices.DriverChange;
import java.util.List;

/**
 * The clauses on an arm64 host, where KVM's consumer is GICv4 vLPI forwarding and its {@code
 * stop} and {@code start} halt and resume the whole VM: what the guest sees around a connect.
 */
final class Arm64Clauses {
  private Arm64Clauses() {}

  /** Every clause of this file, in order. */
  static List<Clause> all() {
    ClauseKit.Book sys = new ClauseKit.Book(Category.SYSTEM);
    sys.clause("SYS-11", "On arm64 with GICv4, a connect that fails leaves the VM running: the vector's interrupts still arrive.")
        .why("Stopping KVM's consumer halts every vCPU of the VM, so the manager must start it again whatever the connect "
            + "returned: a979a6aa009f did not, and \"may cause VM freeze on arm64 with GICv4 [...] Should the connect fail, the "
            + "VM will not be resumed\" (the revert). Marc Zyngier: \"there is a number of benign reasons for a connect to fail\".",
            REVERT, M59)
        .reads("sys-arm64-connect-fails")
        .needsDrivers(DriverChange.ARM64_GICV4_FORWARDING)
        .check(Arm64Clauses::keepsRunning);
    return sys.clauses();
  }

  /**
   * SYS-11: the connect was tried and failed (add_producer ran in the assign step, and nothing is
   * connected after it); the interrupts after it arrive with no anomaly; no vCPU is left halted.
   */
  private static Verdict keepsRunning(Evidence e) {
    String sc = "sys-arm64-connect-fails";
    Trace.StepTrace assign = step(e, sc, "assign");
    boolean tried = assign.callbacks().stream().anyMatch(c -> c.endsWith(".add_producer"));
    if (!tried || !assign.state().connections().isEmpty()) {
      return Verdict.fail("assign: " + (tried ? "the connect succeeded" : "no connect was tried") + "; " + assign.state().render());
    }
    for (String label : List.of("fire")) {
      Trace.StepTrace fire = step(e, sc, label);
      List<String> anomalies = fire.entries(x -> x.kind() == TraceEntry.Kind.INTERRUPT && x.field("anomaly") != null).stream()
          .map(TraceEntry::text).toList();
      List<String> paths = fire.entries(x -> x.kind() == TraceEntry.Kind.INTERRUPT && x.field("path") != null).stream()
          .map(x -> x.field("path")).toList();
      if (!anomalies.isEmpty() || paths.isEmpty()) {
        return Verdict.fail(label + ": " + (anomalies.isEmpty() ? "nothing arrived" : anomalies.get(0)));
      }
    }
    Trace t = Checks.completed(e, sc);
    List<String> halted = t.machine().anomalies().stream().filter(a -> a.contains("left halted")).toList();
    return Verdict.check(halted.isEmpty(), halted.isEmpty() ? "" : halted.get(0));
  }
}
