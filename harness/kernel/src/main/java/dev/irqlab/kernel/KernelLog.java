package dev.irqlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The kernel's log ring, as structured {@link KernelEvent}s: printk lines and every report.
 *
 * <p>Safe to append to from many threads. A listener, if set, sees each event as it is logged
 * (the harness uses it to interleave log lines with a trace).
 */
public final class KernelLog {
  private final List<KernelEvent> events = new ArrayList<>();
  private volatile Consumer<KernelEvent> listener = e -> {};

  KernelLog() {}

  synchronized KernelEvent append(
      EventKind kind, LogLevel level, String message, Site site, List<String> details) {
    KernelEvent event = new KernelEvent(events.size(), kind, level, message, site, details);
    events.add(event);
    listener.accept(event);
    return event;
  }

  /** Sets the one listener that sees each event as it is logged. */
  public void setListener(Consumer<KernelEvent> listener) {
    this.listener = listener == null ? e -> {} : listener;
  }

  /** Every event so far, in order. */
  public synchronized List<KernelEvent> events() {
    return List.copyOf(events);
  }

  /** The events of one kind, in order. */
  public List<KernelEvent> events(EventKind kind) {
    return matching(e -> e.kind() == kind);
  }

  /** The events that are reports (everything but plain printk lines), in order. */
  public List<KernelEvent> reports() {
    return matching(e -> e.kind().isReport());
  }

  /** The events {@code filter} accepts, in order. */
  public synchronized List<KernelEvent> matching(Predicate<KernelEvent> filter) {
    return events.stream().filter(filter).toList();
  }

  /** How many events have been logged; an event's {@code seq} is below this. */
  public synchronized int size() {
    return events.size();
  }

  /** The events logged at or after {@code seq}, for "what did this call log". */
  public synchronized List<KernelEvent> since(long seq) {
    return List.copyOf(events.subList((int) Math.min(seq, events.size()), events.size()));
  }

  /** The log as dmesg would show it, one event (and its detail lines) after another. */
  public synchronized String dmesg() {
    StringBuilder out = new StringBuilder();
    for (KernelEvent e : events) {
      out.append(e.render()).append('\n');
    }
    return out.toString();
  }
}
