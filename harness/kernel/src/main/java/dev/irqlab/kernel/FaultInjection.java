package dev.irqlab.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deterministic fault injection, as failslab and the fault-injection framework provide it.
 *
 * <p>Code that can fail asks {@link #shouldFail(String)} at a named point; every allocation
 * through {@link Memory#kzalloc} asks at {@link #KMALLOC} and at {@code "kmalloc:<type>"}
 * ({@link #shouldFailAllocation}). A
 * point fails on the hits its schedule names: the Nth hit, N hits from the Nth on, or every hit.
 * Hits are counted from the moment the schedule is set. Each forced failure is logged as
 * {@code FAULT_INJECTION: forcing a failure.} with the point's name.
 *
 * <p>A schedule may be confined to the hits made inside one function, as the framework's
 * {@code require-start}/{@code require-end} confine it to a caller's text: code that stands for a
 * C function a schedule may name marks itself with {@link #within(String)}, and a confined
 * schedule counts, and fails, only the hits made while that function is on the task's stack.
 */
public final class FaultInjection {
  /** The point every allocation passes. */
  public static final String KMALLOC = "kmalloc";

  private final Kernel kernel;
  private final Map<String, Schedule> schedules = new HashMap<>();
  /** Per scheduled point: the hits its schedule counted and the failures it forced. */
  private final Map<String, long[]> counted = new HashMap<>();
  private final Map<String, Long> hits = new TreeMap<>();
  private final Map<String, Long> forced = new TreeMap<>();
  /** The functions that marked themselves on each task's stack, innermost last. */
  private final ThreadLocal<Deque<String>> stack = ThreadLocal.withInitial(ArrayDeque::new);
  private volatile boolean armed;

  FaultInjection(Kernel kernel) {
    this.kernel = kernel;
  }

  /**
   * One point's schedule, and what it saw since it was set.
   *
   * @param point the point
   * @param first the first hit that fails, from 1
   * @param count how many hits fail from {@code first} on; -1 for every one
   * @param within the function the hits must be made in, or null for any
   */
  public record Schedule(String point, long first, long count, String within) {
    boolean fires(long hit) {
      return hit >= first && (count < 0 || hit < first + count);
    }

    /** {@code kmalloc nth=2 times=3 in=f}, in the words a scenario sets it with. */
    public String describe() {
      StringBuilder b = new StringBuilder(point);
      if (count >= 0) {
        b.append(" nth=").append(first);
        if (count != 1) {
          b.append(" times=").append(count);
        }
      }
      if (within != null) {
        b.append(" in=").append(within);
      }
      return b.toString();
    }
  }

  /**
   * A schedule that was set, with the hits it counted and the failures it forced.
   *
   * @param schedule the schedule
   * @param hits the hits it counted (those inside its function, when it names one)
   * @param forced the failures it forced
   */
  public record Outcome(Schedule schedule, long hits, long forced) {}

  /** Fail the {@code n}th hit of {@code point} from now (1 is the next one), once. */
  public synchronized void failNth(String point, long n) {
    failRange(point, n, 1);
  }

  /** Fail {@code count} hits of {@code point} from the {@code n}th on. */
  public synchronized void failRange(String point, long n, long count) {
    failRange(point, n, count, null);
  }

  /**
   * Fail {@code count} hits of {@code point} from the {@code n}th on, counting only the hits
   * made inside {@code within} (any, when null); -1 as {@code count} fails every one from the
   * {@code n}th. The schedule replaces the point's last one.
   */
  public synchronized void failRange(String point, long n, long count, String within) {
    if (n < 1 || (count < 1 && count != -1)) {
      throw new IllegalArgumentException("fault schedule needs n >= 1 and count >= 1, not " + n + ", " + count);
    }
    schedules.put(point, new Schedule(point, n, count, within));
    counted.put(point, new long[2]);
    hits.put(point, 0L);
    armed = true;
  }

  /** Fail every hit of {@code point} until {@link #clear(String)}. */
  public synchronized void failAlways(String point) {
    failRange(point, 1, -1, null);
  }

  /** Fail the {@code n}th allocation from now, whatever it allocates. */
  public void failNthAllocation(long n) {
    failNth(KMALLOC, n);
  }

  /** Stop failing {@code point}. */
  public synchronized void clear(String point) {
    schedules.remove(point);
  }

  /** Stops failing every point; returns what each schedule counted and forced, by point. */
  public synchronized List<Outcome> clearAll() {
    List<Outcome> out = new ArrayList<>();
    new TreeMap<>(schedules).forEach((point, s) -> {
      long[] c = counted.get(point);
      out.add(new Outcome(s, c[0], c[1]));
    });
    schedules.clear();
    return out;
  }

  /**
   * Marks the calling task as inside C function {@code function} until the scope closes, for
   * the schedules confined to it.
   */
  public Kernel.Scope within(String function) {
    Deque<String> s = stack.get();
    s.addLast(function);
    return () -> s.removeLastOccurrence(function);
  }

  /**
   * Asks whether an allocation of {@code type} fails this time: a hit of {@link #KMALLOC} and of
   * {@code "kmalloc:<type>"}. Until some schedule is set, allocations are not counted, so the
   * allocator's hot path stays cheap; "the Nth allocation" counts from the moment its schedule is
   * set, as for every point.
   */
  public boolean shouldFailAllocation(String type) {
    if (!armed) {
      return false;
    }
    return shouldFail(KMALLOC) | shouldFail(KMALLOC + ":" + type);
  }

  /**
   * Asks whether the code at {@code point} fails this time; counts the hit either way.
   *
   * @return true when the schedule says this hit fails (the failure is logged)
   */
  public boolean shouldFail(String point) {
    boolean fail = false;
    synchronized (this) {
      hits.merge(point, 1L, Long::sum);
      Schedule s = schedules.get(point);
      if (s != null && (s.within() == null || stack.get().contains(s.within()))) {
        long[] c = counted.get(point);
        fail = s.fires(++c[0]);
        if (fail) {
          c[1]++;
          forced.merge(point, 1L, Long::sum);
        }
      }
    }
    if (fail) {
      kernel.log(EventKind.PRINTK, LogLevel.INFO, "FAULT_INJECTION: forcing a failure. name " + point, kernel.caller(), List.of());
    }
    return fail;
  }

  /**
   * How often {@code point} was passed since its schedule was set (or since boot; allocation
   * points only count once some schedule is set).
   */
  public synchronized long hits(String point) {
    return hits.getOrDefault(point, 0L);
  }

  /** How many failures were forced at {@code point}. */
  public synchronized long forced(String point) {
    return forced.getOrDefault(point, 0L);
  }
}
