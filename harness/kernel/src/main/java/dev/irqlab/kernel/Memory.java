package dev.irqlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.function.Supplier;

/**
 * The allocator: fake kernel addresses, {@code kzalloc} with fault injection, {@code kfree}
 * with KASAN's double-free and invalid-free checks, and a kmemleak scan of what is left.
 *
 * <p>Addresses come from a bump allocator in the direct map ({@code ffff888100000000} up), 64-byte
 * aligned and never reused, so a stale pointer never aliases a new object.
 *
 * <p>The objects allocated and not yet freed are on a list linked through the objects themselves,
 * oldest first, as kmemleak keeps its {@code object_list}: tracking an allocation or a free is a
 * few pointer writes, with no lookup by address, and oldest first is also lowest address first.
 */
public final class Memory {
  private static final long BASE = 0xffff888100000000L;

  private final Kernel kernel;
  private long next = BASE;
  /** The oldest and the newest object on the list of live objects (see {@link KObject#liveNext}). */
  private KObject oldest;
  private KObject newest;
  private final Map<Long, KObject> notLeak = new HashMap<>();
  private long allocations;
  private long frees;

  Memory(Kernel kernel) {
    this.kernel = kernel;
  }

  long track(KObject object, int size) {
    kernel.current().count(Work.ALLOC, 1);
    return place(object, size);
  }

  private synchronized long place(KObject object, int size) {
    long address = next;
    next += Math.max(64, (size + 63) & ~63L);
    object.livePrev = newest;
    if (newest == null) {
      oldest = object;
    } else {
      newest.liveNext = object;
    }
    newest = object;
    allocations++;
    return address;
  }

  /**
   * {@code kzalloc}: constructs the object unless fault injection fails this allocation, in
   * which case it returns null, as the C function does. With {@link Gfp#KERNEL} it may sleep.
   *
   * @param type the C type, for the per-type fault point {@code "kmalloc:<type>"}
   */
  public <T extends KObject> T kzalloc(String type, Gfp gfp, Supplier<T> constructor) {
    if (gfp.maySleep()) {
      kernel.mightSleep();
    }
    if (kernel.faults().shouldFailAllocation(type)) {
      return null;
    }
    return constructor.get();
  }

  /**
   * {@code kfree}: frees a slab object. NULL is fine; freeing twice, or freeing an object that
   * is embedded in another, is reported by KASAN and changes nothing.
   */
  public void kfree(KObject object) {
    if (object == null) {
      return;
    }
    Site site = kernel.config().kasan() && kernel.config().kasanSites() ? kernel.caller() : Site.UNKNOWN;
    String problem = null;
    synchronized (this) {
      if (!object.isSlabObject()) {
        problem = "BUG: KASAN: invalid-free in ";
      } else if (object.isFreed()) {
        problem = "BUG: KASAN: double-free in ";
      } else {
        unlink(object);
        if (!notLeak.isEmpty()) {
          notLeak.remove(slot(object.address()));
        }
        object.markFreed(site);
        frees++;
      }
    }
    if (problem == null) {
      kernel.current().count(Work.FREE, 1);
      return;
    }
    if (site == Site.UNKNOWN) {
      site = kernel.caller();
    }
    problem += site.method();
    List<String> details = new ArrayList<>();
    details.add("The buggy address belongs to " + object.describe());
    if (object.freeSite() != null) {
      details.add("Freed at " + object.freeSite());
    }
    kernel.log(EventKind.KASAN, LogLevel.ERR, problem, site, details);
  }

  /** Takes a freed object off the list of live objects. */
  private void unlink(KObject object) {
    KObject prev = object.livePrev;
    KObject next = object.liveNext;
    if (prev == null) {
      oldest = next;
    } else {
      prev.liveNext = next;
    }
    if (next == null) {
      newest = prev;
    } else {
      next.livePrev = prev;
    }
    object.livePrev = null;
    object.liveNext = null;
  }

  /**
   * The key of an address in {@link #notLeak}: addresses are 64-byte aligned, so their low six bits are
   * always zero and, left in, would crowd a {@code HashMap} into a few of its buckets.
   */
  private static long slot(long address) {
    return address >>> 6;
  }

  /** {@code kmemleak_not_leak}: the object is meant to live on (static data, caches). */
  public synchronized void notLeak(KObject object) {
    notLeak.put(slot(object.address()), object);
  }

  /** The slab objects still allocated, by address. */
  public synchronized List<KObject> live() {
    return byAddress(liveObjects());
  }

  /** The live objects, oldest first; the caller holds this allocator's lock. */
  private Stream<KObject> liveObjects() {
    return Stream.iterate(oldest, o -> o != null, o -> o.liveNext);
  }

  private static List<KObject> byAddress(Stream<KObject> objects) {
    return objects.sorted(Comparator.comparing(KObject::address, Long::compareUnsigned)).toList();
  }

  /** Objects allocated since boot. */
  public synchronized long allocations() {
    return allocations;
  }

  /** Objects freed since boot. */
  public synchronized long frees() {
    return frees;
  }

  /**
   * A kmemleak scan: logs one {@link EventKind#KMEMLEAK} report per object still allocated
   * (but those marked {@link #notLeak}) and returns them, by address.
   */
  public List<KernelEvent> scanLeaks() {
    List<KObject> leaked;
    synchronized (this) {
      leaked = byAddress(liveObjects().filter(o -> !notLeak.containsKey(slot(o.address()))));
    }
    List<KernelEvent> reports = new ArrayList<>();
    for (KObject o : leaked) {
      reports.add(
          kernel.log(
              EventKind.KMEMLEAK,
              LogLevel.ERR,
              String.format(Locale.ROOT, "kmemleak: unreferenced object 0x%016x (size %d)", o.address(), o.size()),
              o.allocSite(),
              List.of("object " + o.describe(), "allocated at " + o.allocSite())));
    }
    return reports;
  }
}
