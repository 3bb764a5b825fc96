package dev.irqlab.bench;

import dev.irqlab.kernel.Work;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each unit of work the emulated kernel counts ({@link Work}) costs on the modelled machine,
 * and what the scheduler's own steps cost, in picoseconds: the durations of the stress's virtual
 * time ({@link VirtualScheduler}).
 *
 * <p>The defaults model the machine of the 2023 stress, a 2.70 GHz Ice Lake server:
 *
 * <ul>
 *   <li>{@code list-node}, 9.4 ns, calibrated: the 2023 list run waited 117.855314 ms on average
 *       with 143 tasks queued behind each holder, 0.824 ms a registration, and a registration
 *       then walked 87000 consumers on average: 9.4 ns a node.
 *   <li>{@code xa-node}, 9.4 ns: a step down an xarray is a dependent load of a node, as a list
 *       step is; the same figure, not fitted to the XArray run.
 *   <li>{@code handover}, 124 ns, calibrated: the shortest contended wait of the 2023 XArray run,
 *       the time for a spinning waiter to see the release and take the mutex.
 *   <li>{@code alloc} 40 ns, {@code free} 30 ns (slab fast paths), {@code lock} 20 ns (a lock and
 *       its unlock without waiting), {@code syscall} 100 ns (entry and exit), {@code wakeup} 5 us
 *       (a sleeping waiter woken on another CPU until it runs), {@code switch} 2 us (a CPU
 *       switching tasks): usual orders of magnitude, not measurements.
 * </ul>
 *
 * <p>{@code --cost NAME=DURATION} changes any of them, so the figures' sensitivity to each is one
 * run away.
 */
public final class CostModel {
  /** The names of {@code --cost}: the work kinds, then the scheduler's steps. */
  public static final List<String> NAMES = List.of("list-node", "xa-node", "alloc", "free", "lock", "syscall", "handover", "wakeup", "switch");

  private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ps|ns|us|ms|s)");

  private final Map<String, Long> ps;

  private CostModel(Map<String, Long> ps) {
    this.ps = Map.copyOf(ps);
  }

  /** The machine of the 2023 stress (see the class comment). */
  public static CostModel icx2023() {
    Map<String, Long> m = new java.util.HashMap<>();
    m.put("list-node", 9_400L);
    m.put("xa-node", 9_400L);
    m.put("alloc", 40_000L);
    m.put("free", 30_000L);
    m.put("lock", 20_000L);
    m.put("syscall", 100_000L);
    m.put("handover", 124_000L);
    m.put("wakeup", 5_000_000L);
    m.put("switch", 2_000_000L);
    return new CostModel(m);
  }

  /**
   * This model with {@code NAME=DURATION} settings applied ({@code xa-node=20ns}, {@code
   * wakeup=10us}); the message of the exception says what was wrong with which one.
   */
  public CostModel with(List<String> settings) {
    Map<String, Long> m = new java.util.HashMap<>(ps);
    for (String s : settings) {
      int eq = s.indexOf('=');
      String name = eq < 0 ? s : s.substring(0, eq);
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown cost '" + name + "' in '" + s + "': expected one of " + String.join(", ", NAMES));
      }
      long value = parse(eq < 0 ? "" : s.substring(eq + 1), "cost '" + s + "': expected " + name + "=DURATION, ");
      if (name.equals("handover") && value < 1) {
        throw new IllegalArgumentException("cost '" + s + "': a handover takes at least 1 ps, so that a contended wait is never 0");
      }
      m.put(name, value);
    }
    return new CostModel(m);
  }

  /**
   * A duration such as {@code 9.4ns}, {@code 50us} or {@code 2ms} in picoseconds; the exception
   * says what was expected after {@code what}.
   */
  public static long parse(String duration, String what) {
    Matcher d = DURATION.matcher(duration);
    if (!d.matches()) {
      throw new IllegalArgumentException(what + "a number and ps, ns, us, ms or s (9.4ns), not '" + duration + "'");
    }
    double scale = switch (d.group(2)) {
      case "ps" -> 1;
      case "ns" -> 1e3;
      case "us" -> 1e6;
      case "ms" -> 1e9;
      default -> 1e12;
    };
    double value = Double.parseDouble(d.group(1)) * scale;
    if (value > 1e15) {
      throw new IllegalArgumentException(what + "at most 1000 s, not " + duration);
    }
    return Math.round(value);
  }

  /** Picoseconds per unit of each {@link Work} kind, by ordinal. */
  long[] perWork() {
    long[] out = new long[Work.values().length];
    for (Work w : Work.values()) {
      out[w.ordinal()] = ps.get(name(w));
    }
    return out;
  }

  static String name(Work w) {
    return w.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The cost of {@code name} in picoseconds. */
  public long ps(String name) {
    Long v = ps.get(name);
    if (v == null) {
      throw new IllegalArgumentException("unknown cost " + name);
    }
    return v;
  }

  /** {@code list-node=9.4ns xa-node=9.4ns ...}: every cost, in the order of {@link #NAMES}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (String n : NAMES) {
      parts.add(n + "=" + duration(ps.get(n)));
    }
    return String.join(" ", parts);
  }

  /** {@code ps} as {@code --cost} reads it back: {@code 9.4ns}, {@code 5us}. */
  public static String duration(long ps) {
    String[] units = {"ps", "ns", "us", "ms", "s"};
    BigDecimal v = BigDecimal.valueOf(ps);
    int u = 0;
    while (u < units.length - 1 && v.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
      v = v.movePointLeft(3);
      u++;
    }
    return v.stripTrailingZeros().toPlainString() + units[u];
  }

  /** Every cost in nanoseconds, for the JSON. */
  public Map<String, Double> nanos() {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (String n : NAMES) {
      out.put(n, ps.get(n) / 1000.0);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CostModel c && c.ps.equals(ps);
  }

  @Override
  public int hashCode() {
    return ps.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
