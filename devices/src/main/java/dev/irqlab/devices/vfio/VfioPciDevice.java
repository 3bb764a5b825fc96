package dev.irqlab.devices.vfio;

import dev.irqlab.devices.Host;
import dev.irqlab.devices.guest.Interrupt;
import dev.irqlab.devices.mem.KArray;
import dev.irqlab.devices.user.Files;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Mutex;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A PCI device bound to vfio-pci ({@code struct vfio_pci_core_device}): its INTx line, MSI and
 * MSI-X capabilities, the interrupt type user space enabled, the per-interrupt contexts and the
 * host IRQs of the enabled vectors.
 *
 * <p>{@link #fire} is the hardware: the device sends an interrupt, which the host's IOMMU posts
 * or delivers to the handler that {@code VFIO_DEVICE_SET_IRQS} requested.
 */
public final class VfioPciDevice {
  /** The module of vfio-pci's interrupt code, which registers producers. */
  public static final String MODULE = "vfio_pci";
  /** {@code irq_type} when nothing is enabled. */
  static final int IRQ_NONE = -1;

  final Host host;
  /** {@code vdev->igate}: serialises the interrupt ioctls. */
  final Mutex igate;
  private final String bdf;
  private final int msiCount;
  private final int msixCount;
  private final int intxIrq;
  private final VfioPciIntrs intrs;
  int irqType = IRQ_NONE;
  /** The list-era context array and its length ({@code vdev->ctx}, {@code num_ctx}). */
  KArray<VfioPciIrqCtx> ctxArray;
  int numCtx;
  /** The per-vector contexts (v6.5+) and the INTx context, by vector. */
  final TreeMap<Integer, VfioPciIrqCtx> ctxMap = new TreeMap<>();
  /** The host IRQ of each allocated MSI/MSI-X vector ({@code pci_irq_vector}). */
  final TreeMap<Integer, Integer> vectors = new TreeMap<>();
  private int openCount;

  private VfioPciDevice(Host host, String bdf, int msiCount, int msixCount) {
    this.host = host;
    this.bdf = bdf;
    this.msiCount = msiCount;
    this.msixCount = msixCount;
    this.intxIrq = host.irqs().allocate(bdf + " INTx");
    this.igate = new Mutex(host.kernel(), bdf + ".igate");
    this.intrs = new VfioPciIntrs(host, this);
  }

  /**
   * A device at {@code bdf} with {@code msiCount} MSI and {@code msixCount} MSI-X vectors, bound
   * to vfio-pci (which loads the {@value #MODULE} module with its first device).
   */
  public static VfioPciDevice create(Host host, String bdf, int msiCount, int msixCount) {
    host.loadImporter(MODULE);
    return new VfioPciDevice(host, bdf, msiCount, msixCount);
  }

  /** The PCI address, {@code 0000:01:00.0}. */
  public String bdf() {
    return bdf;
  }

  /** {@code vfio_pci_get_irq_count}: vectors of {@code index} (ERR and REQ are not modelled: 0). */
  int irqCount(int index) {
    return switch (index) {
      case VfioIrqSet.INTX -> 1;
      case VfioIrqSet.MSI -> msiCount;
      case VfioIrqSet.MSIX -> msixCount;
      default -> 0;
    };
  }

  /** {@code pdev->irq}: the INTx line's host IRQ. */
  public int intxIrq() {
    return intxIrq;
  }

  /** True while INTx is enabled and masked at the device, until user space unmasks it. */
  public boolean intxMasked() {
    return intrs.intx().masked();
  }

  /** The enabled interrupt type ({@link VfioIrqSet#INTX}, {@link VfioIrqSet#MSI}, {@link VfioIrqSet#MSIX}), or -1. */
  public int irqType() {
    return irqType;
  }

  /** The host IRQ of {@code vector} of {@code index} while enabled, else -1. */
  public int hostIrq(int index, int vector) {
    if (index == VfioIrqSet.INTX) {
      return intxIrq;
    }
    return irqType == index ? vectors.getOrDefault(vector, -1) : -1;
  }

  /** The context of {@code vector} ({@code vfio_irq_ctx_get}), or null. */
  VfioPciIrqCtx ctx(int vector) {
    if (irqType != VfioIrqSet.INTX && ctxArray != null) {
      return vector >= 0 && vector < numCtx ? ctxArray.get(vector) : null;
    }
    return ctxMap.get(vector);
  }

  /** The trigger eventfd of {@code vector} of {@code index} while set, else null. */
  public EventfdCtx trigger(int index, int vector) {
    if (irqType != index) {
      return null;
    }
    VfioPciIrqCtx ctx = ctx(vector);
    return ctx == null ? null : ctx.trigger();
  }

  /** {@code 0000:01:00.0.msix3}, {@code 0000:01:00.0.intx}: the symbolic name of a context. */
  String ctxName(int index, int vector) {
    String kind = VfioIrqSet.indexName(index).replace("-", "").toLowerCase(Locale.ROOT);
    return index == VfioIrqSet.INTX ? bdf + "." + kind : bdf + "." + kind + vector;
  }

  /** {@code vfio-pci 0000:01:00.0 MSI-X 3}. */
  String describe(int index, int vector) {
    return String.format(Locale.ROOT, "vfio-pci %s %s %d", bdf, VfioIrqSet.indexName(index), vector);
  }

  /**
   * The device sends interrupt {@code vector} of {@code index}: the IOMMU posts it or the host
   * handler signals the trigger, and the guest's ledger checks where it arrived. A vector that
   * is not enabled sends nothing (and nothing is expected). INTx ({@code vector} 0) is a level
   * that the host handler masks until user space unmasks it.
   */
  public Interrupt fire(int index, int vector) {
    if (index == VfioIrqSet.INTX && vector == 0) {
      return intrs.intx().fire();
    }
    int irq = hostIrq(index, vector);
    EventfdCtx trigger = irq < 0 ? null : trigger(index, vector);
    return host.interrupts().raise(describe(index, vector), trigger, () -> {
      if (irq >= 0) {
        host.irqs().raise(irq);
      }
    });
  }

  /** {@code VFIO_GROUP_GET_DEVICE_FD}: opens the device; the file's release closes it. */
  public VfioDeviceFile open() {
    openCount++;
    return new VfioDeviceFile() {
      @Override
      public int setIrqs(Files files, VfioIrqSet set) {
        return intrs.setIrqsIoctl(files, set);
      }

      @Override
      public VfioPciDevice device() {
        return VfioPciDevice.this;
      }

      @Override
      public void release() {
        closeDevice();
      }

      @Override
      public String kind() {
        return "vfio-device:" + bdf;
      }
    };
  }

  /** The last close runs {@code vfio_pci_core_disable}: {@code DATA_NONE}, count 0, on the enabled type. */
  private void closeDevice() {
    if (--openCount == 0 && irqType != IRQ_NONE) {
      intrs.setIrqsIoctl(null, VfioIrqSet.disable(irqType));
    }
  }
}
