package dev.irqlab.conformance;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One line of a {@link Trace}.
 *
 * @param depth nesting: 0 for what the step itself did, 1 for what ran inside an entry point or
 *     a system call, and so on
 * @param kind what the line is
 * @param text the line as printed, with symbolic names only
 * @param fields structured values a clause may check ({@code ret}, {@code object}, {@code
 *     callback}, {@code partner}, {@code irq}, {@code locks}, {@code report}, {@code path}, ...),
 *     sorted by name
 */
public record TraceEntry(int depth, Kind kind, String text, Map<String, String> fields) {

  /** What a trace line records. */
  public enum Kind {
    /** An entry point of the manager was called: {@code irq_bypass_register_producer(p0, efd0, 100)}. */
    CALL,
    /** An entry point returned: {@code = -EBUSY}. */
    RETURN,
    /** A producer or consumer callback ran: {@code c0.add_producer(c0, p0) = 0}. */
    CALLBACK,
    /** A printk line. */
    PRINTK,
    /** A report: WARNING, BUG, KASAN, lockdep, kmemleak, list corruption, refcount, soft lockup. */
    REPORT,
    /** An interrupt arrived somewhere, or went astray. */
    INTERRUPT,
    /** A driver's own step whose order matters: {@code free_irq(28, vfio0.msix3)}, {@code eventfd_ctx_put(efd2)}. */
    DRIVER,
    /** A system call or harness action returned: {@code KVM_IRQFD = 0}. */
    RESULT,
    /** The task died or the run stopped: an oops, an exception, a hang. */
    CRASH
  }

  public TraceEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    fields = Map.copyOf(fields == null ? Map.of() : new TreeMap<>(fields));
  }

  /** A field, or null. */
  public String field(String name) {
    return fields.get(name);
  }

  /** The line as a trace prints it: indented by depth. */
  public String render() {
    return "  ".repeat(depth) + text;
  }
}
