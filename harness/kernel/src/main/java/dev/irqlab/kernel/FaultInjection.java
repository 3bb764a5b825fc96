package dev.irqlab.kernel;

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
 */
public final class FaultInjection {
  /** The point every allocation passes. */
  public static final String KMALLOC = "kmalloc";

  private final Kernel kernel;
  private final Map<String, Schedule> schedules = new HashMap<>();
  private final Map<String, Long> hits = new TreeMap<>();
  private final Map<String, Long> forced = new TreeMap<>();
  private volatile boolean armed;

  FaultInjection(Kernel kernel) {
    this.kernel = kernel;
  }

  private record Schedule(long first, long count) {
    boolean fires(long hit) {
      return hit >= first && (count < 0 || hit < first + count);
    }
  }

  /** Fail the {@code n}th hit of {@code point} from now (1 is the next one), once. */
  public synchronized void failNth(String point, long n) {
    failRange(point, n, 1);
  }

  /** Fail {@code count} hits of {@code point} from the {@code n}th on. */
  public synchronized void failRange(String point, long n, long count) {
    if (n < 1 || count < 1) {
      throw new IllegalArgumentException("fault schedule needs n >= 1 and count >= 1, not " + n + ", " + count);
    }
    schedules.put(point, new Schedule(n, count));
    hits.put(point, 0L);
    armed = true;
  }

  /** Fail every hit of {@code point} until {@link #clear(String)}. */
  public synchronized void failAlways(String point) {
    schedules.put(point, new Schedule(1, -1));
    hits.put(point, 0L);
    armed = true;
  }

  /** Fail the {@code n}th allocation from now, whatever it allocates. */
  public void failNthAllocation(long n) {
    failNth(KMALLOC, n);
  }

  /** Stop failing {@code point}. */
  public synchronized void clear(String point) {
    schedules.remove(point);
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
    boolean fail;
    synchronized (this) {
      long hit = hits.merge(point, 1L, Long::sum);
      Schedule s = schedules.get(point);
      fail = s != null && s.fires(hit);
      if (fail) {
        forced.merge(point, 1L, Long::sum);
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
