package dev.irqlab.conformance;

import java.util.List;

/**
 * What the manager holds at one moment, with symbolic names: {@code p0@efd0} for a producer held
 * under efd0's key, {@code p0<->c0} for a connected pair.
 *
 * @param producers registered producers, in the registry's order
 * @param consumers registered consumers, in the registry's order
 * @param connections the pairs connected as the partners were told of them through their
 *     callbacks ({@link Bindings}): {@code p0<->c0}, or {@code p0<->c0(c0-only)} when only one
 *     side was told
 * @param managerConnections the pairs the manager holds as connected (it would disconnect them on
 *     unregister); null, in a report of version 1, for the same as {@code connections}
 * @param moduleRefcount {@code module_refcount(THIS_MODULE)}, or null for built-in code
 */
public record State(List<String> producers, List<String> consumers, List<String> connections, List<String> managerConnections,
    Integer moduleRefcount) {
  public State {
    producers = List.copyOf(producers);
    consumers = List.copyOf(consumers);
    connections = List.copyOf(connections);
    managerConnections = managerConnections == null ? connections : List.copyOf(managerConnections);
  }

  /** A state whose partners and manager agree on {@code connections}. */
  public State(List<String> producers, List<String> consumers, List<String> connections, Integer moduleRefcount) {
    this(producers, consumers, connections, connections, moduleRefcount);
  }

  /**
   * True when the manager holds other pairs as connected than the partners were told of, in any
   * order: the registry lists its pairs in its own order (list or index), the partners in the
   * order they were told.
   */
  public boolean managerDiffers() {
    return !managerConnections.stream().sorted().toList().equals(connections.stream().sorted().toList());
  }

  /** True when {@code object} (a symbolic name) is registered on either side. */
  public boolean registers(String object) {
    return producers.stream().anyMatch(p -> p.startsWith(object + "@"))
        || consumers.stream().anyMatch(c -> c.startsWith(object + "@"));
  }

  /** How often {@code object} is registered, on either side (more than once is a defect). */
  public long registrations(String object) {
    return producers.stream().filter(p -> p.startsWith(object + "@")).count()
        + consumers.stream().filter(c -> c.startsWith(object + "@")).count();
  }

  /** True when {@code object} is in any connected pair, as the partners were told. */
  public boolean connects(String object) {
    return connections.stream().anyMatch(c -> List.of(c.split("\\(", 2)[0].split("<->", 2)).contains(object));
  }

  /**
   * One line: {@code producers p0@efd0; consumers c0@efd0; connected p0<->c0; module refcount 2},
   * with {@code (manager: ...)} after the connections where the manager's view differs.
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("producers ").append(list(producers));
    out.append("; consumers ").append(list(consumers));
    out.append("; connected ").append(list(connections));
    if (managerDiffers()) {
      out.append(" (manager: ").append(list(managerConnections)).append(')');
    }
    out.append("; module refcount ").append(moduleRefcount == null ? "n/a (built-in)" : moduleRefcount);
    return out.toString();
  }

  private static String list(List<String> items) {
    return items.isEmpty() ? "-" : String.join(" ", items);
  }
}
