package dev.irqlab.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What running one scenario on one revision, with one driver era, did: per step, every entry
 * point with its arguments and return code, every callback in order, printk and report lines
 * and interrupts; the manager's state after the step; then the teardown (every process exits,
 * the module is unloaded, kmemleak scans) and the final state of the machine. Objects appear
 * under symbolic names, so the traces of two revisions diff line by line ({@link #lines()}).
 *
 * @param scenario the scenario id
 * @param revision the revision id
 * @param era the driver era id
 * @param steps what each step did, in order; fewer than the scenario's when the run stopped
 * @param end the manager's state after the last step
 * @param teardown what the teardown did
 * @param machine the final state of the machine: IRTEs, deliveries by path, objects still
 *     allocated
 * @param outcome how the run ended
 * @param host the host settings it ran with that are not the defaults ({@code arch=arm64
 *     posting=0}), as {@link dev.irqlab.devices.HostSettings#describe()} writes them; empty for
 *     the defaults
 */
public record Trace(
    String scenario,
    String revision,
    String era,
    List<StepTrace> steps,
    State end,
    List<TraceEntry> teardown,
    MachineState machine,
    Outcome outcome,
    String host) {

  public Trace {
    steps = List.copyOf(steps);
    host = host == null ? "" : host;
    teardown = List.copyOf(teardown);
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * One step of the run.
   *
   * @param line the step's line in the scenario
   * @param label its label, or null
   * @param op the operation, as the text format writes it
   * @param result what the operation returned: 0 or a negative errno ({@code -EBUSY})
   * @param entries what happened during it
   * @param state the manager's state after it
   */
  public record StepTrace(int line, String label, String op, String result, List<TraceEntry> entries, State state) {
    public StepTrace {
      entries = List.copyOf(entries);
    }

    /** The entries {@code filter} accepts. */
    public List<TraceEntry> entries(Predicate<TraceEntry> filter) {
      return entries.stream().filter(filter).toList();
    }

    /** The callbacks that ran, as {@code p0.stop}, {@code c0.add_producer}, in order. */
    public List<String> callbacks() {
      return entries.stream().filter(e -> e.kind() == TraceEntry.Kind.CALLBACK)
          .map(e -> e.field("object") + "." + e.field("callback")).toList();
    }

    /** The return code of the first entry point called in this step, or null. */
    public String ret() {
      return entries.stream().filter(e -> e.kind() == TraceEntry.Kind.RETURN && e.depth() == 0 && e.field("ret") != null)
          .map(e -> e.field("ret")).findFirst().orElse(null);
    }
  }

  /**
   * The machine after the teardown.
   *
   * @param irtes the IRTE of each device vector, before the teardown ({@code vfio0.msix0
   *     posted vm0/vcpu1 vector 0x41})
   * @param deliveries interrupts that arrived, by path ({@code posted}, {@code irqfd}, {@code
   *     eventfd}), in path order (a {@code Map.copyOf} would iterate in an order that changes
   *     from one JVM to the next, and so would the trace's {@code deliveries:} line)
   * @param anomalies interrupts lost, misrouted or duplicated
   * @param leaks objects still allocated after the teardown
   */
  public record MachineState(List<String> irtes, Map<String, Long> deliveries, List<String> anomalies, List<String> leaks) {
    public static final MachineState NONE = new MachineState(List.of(), Map.of(), List.of(), List.of());

    public MachineState {
      irtes = List.copyOf(irtes);
      deliveries = Collections.unmodifiableMap(new TreeMap<>(deliveries));
      anomalies = List.copyOf(anomalies);
      leaks = List.copyOf(leaks);
    }
  }

  /**
   * How a run ended.
   *
   * @param kind completed, or how it stopped
   * @param detail the oops, exception, time limit or crash; empty when completed. Its first line
   *     says what and where; a hang, deadlock or crash adds the threads that matter, a line
   *     each, and their frames, indented
   * @param step the index of the step it stopped in, or -1
   */
  public record Outcome(Kind kind, String detail, int step) {
    public static final Outcome COMPLETED = new Outcome(Kind.COMPLETED, "", -1);

    /** How a run ended. */
    public enum Kind {
      COMPLETED,
      /** The task died: BUG, oops, a deadlock lockdep refused, a soft lockup. */
      OOPS,
      /** The revision threw a Java exception the kernel would not. */
      EXCEPTION,
      /** The run did not finish within its time limit. */
      HANG,
      /** Threads of the run waited for each other's locks until the time limit. */
      DEADLOCK,
      /** The JVM the run was in died: System.exit, out of memory, killed. */
      CRASH
    }

    public boolean completed() {
      return kind == Kind.COMPLETED;
    }

    /** The first line of the detail: what stopped the run, and where. */
    public String headline() {
      int nl = detail.indexOf('\n');
      return nl < 0 ? detail : detail.substring(0, nl);
    }

    /** {@code hang in step 3: ...}, then the rest of the detail, as a trace prints it. */
    List<String> lines() {
      List<String> out = new ArrayList<>();
      String[] lines = detail.split("\n", -1);
      out.add(kind.name().toLowerCase(java.util.Locale.ROOT) + " in step " + (step + 1) + ": " + lines[0]);
      for (int i = 1; i < lines.length; i++) {
        out.add("    " + lines[i]);
      }
      return out;
    }
  }

  /** The step labelled {@code label}, or null when the run stopped before it. */
  public StepTrace step(String label) {
    return steps.stream().filter(s -> label.equals(s.label())).findFirst().orElse(null);
  }

  /** Every entry of the run, steps and teardown, in order. */
  public List<TraceEntry> allEntries() {
    List<TraceEntry> out = new ArrayList<>();
    steps.forEach(s -> out.addAll(s.entries()));
    out.addAll(teardown);
    return out;
  }

  /** The headlines of the reports of one kind ({@code KASAN}, {@code LOCKDEP}, ...), steps and teardown. */
  public List<String> reports(String kind) {
    return allEntries().stream()
        .filter(e -> e.kind() == TraceEntry.Kind.REPORT && kind.equals(e.field("report")) && e.field("detail") == null)
        .map(TraceEntry::text).toList();
  }

  /** The headlines of every report, steps and teardown. */
  public List<String> reports() {
    return allEntries().stream().filter(e -> e.kind() == TraceEntry.Kind.REPORT && e.field("detail") == null)
        .map(TraceEntry::text).toList();
  }

  /**
   * Entries as text: a call with nothing inside it and its return make one line ({@code
   * irq_bypass_register_consumer(c0, efd0) = 0}, {@code KVM_IRQFD = 0}).
   */
  static List<String> render(List<TraceEntry> entries) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      TraceEntry e = entries.get(i);
      TraceEntry next = i + 1 < entries.size() ? entries.get(i + 1) : null;
      if (e.kind() == TraceEntry.Kind.CALL && next != null && next.depth() == e.depth()
          && (next.kind() == TraceEntry.Kind.RETURN || next.kind() == TraceEntry.Kind.RESULT)) {
        String ret = next.field("ret");
        out.add("  ".repeat(e.depth()) + e.text() + (ret == null ? "" : " = " + ret));
        i++;
      } else {
        out.add(e.render());
      }
    }
    return out;
  }

  /** The trace as text: what {@code ./irqlab run} prints and {@code ./irqlab diff} compares. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("scenario " + scenario + " on " + revision + " with the " + era + " drivers");
    if (!host.isEmpty()) {
      out.add("host: " + host);
    }
    State before = null;
    for (StepTrace s : steps) {
      out.add((s.label() == null ? "" : s.label() + ": ") + s.op());
      render(s.entries()).forEach(l -> out.add("    " + l));
      if (s.state() != null && !s.state().equals(before)) {
        out.add("    state: " + s.state().render());
        before = s.state();
      }
    }
    if (!outcome.completed()) {
      out.addAll(outcome.lines());
    }
    out.add("end: " + (end == null ? "unknown" : end.render()));
    if (!teardown.isEmpty()) {
      out.add("teardown");
      render(teardown).forEach(l -> out.add("    " + l));
    }
    machine.irtes().forEach(i -> out.add("irte: " + i));
    if (!machine.deliveries().isEmpty()) {
      StringBuilder d = new StringBuilder("deliveries:");
      machine.deliveries().forEach((path, n) -> d.append(' ').append(path).append(' ').append(n));
      out.add(d.toString());
    }
    machine.anomalies().forEach(a -> out.add("anomaly: " + a));
    out.add("leaks: " + (machine.leaks().isEmpty() ? "none" : String.join(", ", machine.leaks())));
    out.add("result: " + (outcome.completed() ? "completed" : outcome.kind().name().toLowerCase(java.util.Locale.ROOT)));
    return out;
  }
}
