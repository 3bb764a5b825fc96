package dev.irqlab.conformance;

import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.KernelEvent;
import dev.irqlab.kernel.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the trace lines of one run as they happen: entry points and their returns, callbacks,
 * log lines and reports (through the kernel log's listener), interrupts. Used by the one task
 * that runs the scenario.
 */
final class Recorder {
  private final Names names;
  private List<TraceEntry> current = new ArrayList<>();
  private int depth;

  Recorder(Names names) {
    this.names = names;
  }

  Names names() {
    return names;
  }

  /** Starts collecting a new step's lines; returns those of the previous one. */
  List<TraceEntry> take() {
    List<TraceEntry> out = current;
    current = new ArrayList<>();
    depth = 0;
    return out;
  }

  /** Adds a line; returns its index in the step, for {@link #complete}. */
  int add(TraceEntry.Kind kind, String text, Map<String, String> fields) {
    current.add(new TraceEntry(depth, kind, text, fields));
    return current.size() - 1;
  }

  /** Completes the line at {@code index} once its result is known (a callback's return). */
  void complete(int index, String text, Map<String, String> fields) {
    TraceEntry e = current.get(index);
    current.set(index, new TraceEntry(e.depth(), e.kind(), text, fields));
  }

  /** Runs {@code body} one nesting level deeper (inside an entry point or a system call). */
  int inside(java.util.function.IntSupplier body) {
    enter();
    try {
      return body.getAsInt();
    } finally {
      leave();
    }
  }

  /** Opens a nesting level (an entry point or a system call). */
  void enter() {
    depth++;
  }

  void leave() {
    depth = Math.max(0, depth - 1);
  }

  /** A kernel log event, as it is logged. */
  void log(KernelEvent e) {
    if (e.kind() == EventKind.PRINTK) {
      add(TraceEntry.Kind.PRINTK, "printk: " + names.scrub(e.message()), Map.of());
      return;
    }
    StringBuilder text = new StringBuilder(names.scrub(e.headline()));
    if (e.site() != Site.UNKNOWN && !e.headline().contains(e.site().toString())) {
      text.append(" at ").append(e.site());
    }
    add(TraceEntry.Kind.REPORT, text.toString(), Map.of("report", e.kind().name()));
    depth++;
    for (String d : e.details()) {
      add(TraceEntry.Kind.REPORT, names.scrub(d), Map.of("report", e.kind().name(), "detail", "true"));
    }
    depth--;
  }
}
