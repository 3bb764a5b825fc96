package dev.irqlab.devices.irq;

import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The host's interrupt domain behind an IOMMU with interrupt remapping: Linux IRQ numbers for
 * device interrupts, {@code request_irq}/{@code free_irq}, and one {@link Irte} per IRQ that
 * sends the interrupt to the host or posts it to a vCPU.
 *
 * <p>IRQ numbers are handed out from {@value #FIRST_IRQ} up, the lowest free one first, so a
 * freed number is reused as the kernel reuses IRQ descriptors. Freeing an IRQ frees its IRTE.
 */
public final class IrqDomain {
  /** The first number handed out (0-23 are the legacy PIC and IOAPIC lines). */
  public static final int FIRST_IRQ = 24;
  /** {@code IRQF_SHARED}: the line may be shared with other handlers. */
  public static final int IRQF_SHARED = 0x80;
  /** The fault-injection point of {@code request_irq}: it fails with {@code -ENOMEM}. */
  public static final String REQUEST_IRQ = "request_irq";
  /** The fault-injection point of {@code irq_set_vcpu_affinity}: it fails with {@code -EINVAL}. */
  public static final String SET_VCPU_AFFINITY = "irq_set_vcpu_affinity";

  private final Kernel kernel;
  private final boolean postingCapable;
  private final TreeMap<Integer, Desc> descs = new TreeMap<>();

  /** One allocated IRQ: its owner, its handlers and its IRTE. */
  private static final class Desc {
    final String owner;
    final List<Action> actions = new ArrayList<>();
    Irte irte = Irte.REMAPPED;
    long unhandled;

    Desc(String owner) {
      this.owner = owner;
    }
  }

  private record Action(IrqHandler handler, int flags, String name, Object devId) {}

  /**
   * @param postingCapable the IOMMU's {@code IRQ_POSTING_CAP}: whether an IRTE can be posted
   */
  public IrqDomain(Kernel kernel, boolean postingCapable) {
    this.kernel = kernel;
    this.postingCapable = postingCapable;
  }

  /** {@code irq_remapping_cap(IRQ_POSTING_CAP)}. */
  public boolean postingCapable() {
    return postingCapable;
  }

  /** Allocates an IRQ number for {@code owner} ({@code 0000:01:00.0 MSI-X 3}). */
  public synchronized int allocate(String owner) {
    int irq = FIRST_IRQ;
    while (descs.containsKey(irq)) {
      irq++;
    }
    descs.put(irq, new Desc(owner));
    return irq;
  }

  /** Frees an IRQ number and its IRTE; the handlers must be gone ({@code free_irq}) first. */
  public synchronized void release(int irq) {
    Desc desc = descs.remove(irq);
    kernel.warn(desc != null && !desc.actions.isEmpty(), "irq %d freed with %d handlers still requested", irq, desc == null ? 0 : desc.actions.size());
  }

  /** True while {@code irq} is allocated. */
  public synchronized boolean isAllocated(int irq) {
    return descs.containsKey(irq);
  }

  /** {@code request_irq(irq, handler, flags, name, dev_id)}: 0 or a negative errno. */
  public int requestIrq(int irq, IrqHandler handler, int flags, String name, Object devId) {
    kernel.mightSleep();
    if (handler == null) {
      return -Errno.EINVAL;
    }
    if (kernel.faults().shouldFail(REQUEST_IRQ)) {
      return -Errno.ENOMEM;
    }
    synchronized (this) {
      Desc desc = descs.get(irq);
      if (desc == null) {
        return -Errno.EINVAL;
      }
      boolean shareable = desc.actions.stream().allMatch(a -> (a.flags & flags & IRQF_SHARED) != 0);
      if (!shareable) {
        return -Errno.EBUSY;
      }
      desc.actions.add(new Action(handler, flags, name, devId));
      return 0;
    }
  }

  /**
   * {@code free_irq(irq, dev_id)}: removes the handler {@code devId} requested, returning the
   * name it was requested with; warns "Trying to free already-free IRQ" and returns null when
   * there is none.
   */
  public String freeIrq(int irq, Object devId) {
    kernel.mightSleep();
    synchronized (this) {
      Desc desc = descs.get(irq);
      if (desc != null) {
        for (int i = 0; i < desc.actions.size(); i++) {
          if (desc.actions.get(i).devId == devId) {
            return desc.actions.remove(i).name;
          }
        }
      }
    }
    kernel.warn(true, "Trying to free already-free IRQ %d", irq);
    return null;
  }

  /** The handlers' names on {@code irq}, in request order (empty when none or not allocated). */
  public synchronized List<String> handlers(int irq) {
    Desc desc = descs.get(irq);
    return desc == null ? List.of() : desc.actions.stream().map(Action::name).toList();
  }

  /**
   * {@code irq_set_vcpu_affinity(irq, vcpu_info)}: posts {@code irq} to {@code target} with
   * {@code vector}, or, with a null target, sends it back to the host (remapped mode).
   *
   * @return 0, or {@code -EINVAL} for an unallocated IRQ, a posted entry on an IOMMU that cannot
   *     post, or an injected failure
   */
  public synchronized int setVcpuAffinity(int irq, PiDescriptor target, int vector) {
    Desc desc = descs.get(irq);
    if (desc == null || (target != null && !postingCapable) || kernel.faults().shouldFail(SET_VCPU_AFFINITY)) {
      return -Errno.EINVAL;
    }
    desc.irte = target == null ? Irte.REMAPPED : Irte.posted(target, vector);
    return 0;
  }

  /** The IRTE of {@code irq} now; remapped for an IRQ that is not allocated. */
  public synchronized Irte irte(int irq) {
    Desc desc = descs.get(irq);
    return desc == null ? Irte.REMAPPED : desc.irte;
  }

  /** Who {@code irq} was allocated for, or null. */
  public synchronized String owner(int irq) {
    Desc desc = descs.get(irq);
    return desc == null ? null : desc.owner;
  }

  /**
   * The device sends an interrupt on {@code irq}. A posted IRTE sends it straight to the vCPU;
   * a remapped one delivers it to the host, which runs every handler in hard-IRQ context.
   *
   * @return how it went: posted, handled, unhandled (no handler claimed it) or not allocated
   */
  public Outcome raise(int irq) {
    Irte irte;
    List<Action> actions;
    synchronized (this) {
      Desc desc = descs.get(irq);
      if (desc == null) {
        return Outcome.NOT_ALLOCATED;
      }
      irte = desc.irte;
      actions = List.copyOf(desc.actions);
    }
    if (irte.isPosted()) {
      irte.target().post(irte.vector());
      return Outcome.POSTED;
    }
    int handled = IrqHandler.IRQ_NONE;
    try (Kernel.Scope hardirq = kernel.enterAtomic()) {
      for (Action a : actions) {
        handled |= a.handler.handle(irq, a.devId);
      }
    }
    if (handled == IrqHandler.IRQ_NONE) {
      countUnhandled(irq);
      return Outcome.UNHANDLED;
    }
    return Outcome.HANDLED;
  }

  private synchronized void countUnhandled(int irq) {
    Desc desc = descs.get(irq);
    if (desc != null) {
      desc.unhandled++;
    }
  }

  /** Interrupts on {@code irq} that no handler claimed. */
  public synchronized long unhandled(int irq) {
    Desc desc = descs.get(irq);
    return desc == null ? 0 : desc.unhandled;
  }

  /** What became of a raised interrupt at the host. */
  public enum Outcome {
    /** The IRTE posted it to a vCPU. */
    POSTED,
    /** A host handler took it. */
    HANDLED,
    /** It reached the host, but no handler claimed it. */
    UNHANDLED,
    /** The IRQ is not allocated: the device cannot send it. */
    NOT_ALLOCATED
  }
}
