package dev.irqlab.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Kernel memory: an object allocated through the emulated kernel, with a fake kernel address
 * and a lifetime that KASAN and kmemleak watch.
 *
 * <p>An object is either a slab object of its own (allocated by its constructor, freed by
 * {@link Memory#kfree}) or embedded in another one, as {@code struct irq_bypass_consumer} is
 * embedded in KVM's {@code struct kvm_kernel_irqfd}: an embedded object has its container's
 * address plus an offset and dies with it.
 *
 * <p>Subclasses call {@link #touch()} in every accessor. Touching a freed object logs a KASAN
 * use-after-free report that names the object, the Java line that freed it and the Java line
 * that touched it; execution goes on, as with KASAN's default {@code kasan.fault=report}.
 */
public abstract class KObject {
  private final Kernel kernel;
  private final String type;
  private final long address;
  private final int size;
  private final KObject container;
  private volatile String name;
  private final Site allocSite;
  private volatile Site freeSite;
  /**
   * Set under the allocator's lock by {@link Memory#kfree}; read without a lock, as KASAN reads
   * its shadow: a task that may legally touch the object has synchronised with the free.
   */
  private boolean freed;
  private volatile boolean reportedUseAfterFree;
  /**
   * The neighbours of a live slab object on the allocator's list of live objects, older and
   * newer; null at the ends and once freed. Guarded by the allocator's lock.
   */
  KObject livePrev;
  KObject liveNext;
  /** The objects embedded in this one, whose {@link #freed} flag follows this one's. */
  private KObject[] embedded = NONE;

  private static final KObject[] NONE = new KObject[0];

  /**
   * Allocates a slab object of {@code size} bytes. Prefer {@link Memory#kzalloc} at allocation
   * sites that can fail.
   *
   * @param type the C type, for reports ({@code "struct eventfd_ctx"})
   */
  protected KObject(Kernel kernel, String type, int size) {
    this.kernel = kernel;
    this.type = type;
    this.size = size;
    this.container = null;
    this.allocSite = kernel.config().kmemleak() ? kernel.caller(this::isOwnClass) : Site.UNKNOWN;
    this.address = kernel.memory().track(this, size);
  }

  /**
   * Embeds an object at {@code offset} in {@code container}: it shares the container's
   * lifetime and is not tracked on its own.
   */
  protected KObject(KObject container, String type, int offset, int size) {
    this.kernel = container.kernel;
    this.type = type;
    this.size = size;
    this.container = container;
    this.allocSite = container.allocSite;
    this.address = container.address + offset;
    this.freed = container.embed(this);
  }

  /**
   * Records {@code child} as embedded in this object, so that freeing this object marks it
   * freed as well; returns whether this object is freed already. Under the allocator's lock, as
   * {@link Memory#kfree} marks an object and its embedded ones freed under it.
   */
  private boolean embed(KObject child) {
    synchronized (kernel.memory()) {
      KObject[] more = Arrays.copyOf(embedded, embedded.length + 1);
      more[embedded.length] = child;
      embedded = more;
      return freed;
    }
  }

  public final Kernel kernel() {
    return kernel;
  }

  /** The fake kernel address, which is what a pointer to this object compares as. */
  public final long address() {
    return address;
  }

  /** The C type named in reports. */
  public final String type() {
    return type;
  }

  public final int size() {
    return size;
  }

  /** The object this one is embedded in, or null for a slab object. */
  public final KObject container() {
    return container;
  }

  /** A symbolic name for reports and traces ({@code efd2}, {@code vfio0.msix3}), or null. */
  public final String name() {
    return name;
  }

  /** Sets the symbolic name; returns this object. */
  public final KObject setName(String name) {
    this.name = name;
    return this;
  }

  /**
   * True once this object, or the object it is embedded in, has been freed. An embedded object
   * keeps its own copy of its container's flag, so that the check reads only the object it
   * guards, as KASAN's shadow byte for an address is next to nothing else.
   */
  public final boolean isFreed() {
    return freed;
  }

  /** Where the object was allocated ({@link Site#UNKNOWN} without kmemleak). */
  public final Site allocSite() {
    return allocSite;
  }

  /** Where it (or its container) was freed, or null while it lives. */
  public final Site freeSite() {
    return container != null ? container.freeSite() : freeSite;
  }

  /**
   * KASAN's check: call it in every accessor before reading or writing a field. Reports a
   * use-after-free, once per object, when the object is freed.
   */
  protected final void touch() {
    if (isFreed() && kernel.config().kasan() && kernel.current().kasanEnabled()) {
      reportUseAfterFree();
    }
  }

  private void reportUseAfterFree() {
    if (reportedUseAfterFree) {
      return;
    }
    reportedUseAfterFree = true;
    Site site = kernel.caller(this::isOwnClass);
    List<String> details = new ArrayList<>();
    details.add(String.format(Locale.ROOT, "Access at addr %016x by task %s", address, kernel.current()));
    details.add("The buggy address belongs to " + describe());
    details.add("Allocated at " + allocSite);
    details.add("Freed at " + freeSite());
    kernel.log(EventKind.KASAN, LogLevel.ERR, "BUG: KASAN: slab-use-after-free in " + site.method(), site, details);
  }

  /** {@code efd2 (struct eventfd_ctx) at ffff888100000040}. */
  public String describe() {
    String label = name == null ? "" : name + " ";
    return String.format(Locale.ROOT, "%s(%s) at %016x", label, type, address);
  }

  @Override
  public String toString() {
    return name != null ? name : String.format(Locale.ROOT, "%s@%016x", type, address);
  }

  /** Called by {@link Memory#kfree} under the allocator's lock, which {@link #embed} takes too. */
  final void markFreed(Site site) {
    freeSite = site;
    freed = true;
    for (KObject child : embedded) {
      child.markFreed(site);
    }
  }

  final boolean isSlabObject() {
    return container == null;
  }

  private boolean isOwnClass(String className) {
    for (Class<?> c = getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      if (c.getName().equals(className)) {
        return true;
      }
    }
    return false;
  }
}
