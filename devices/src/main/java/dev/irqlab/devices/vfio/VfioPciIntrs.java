package dev.irqlab.devices.vfio;

import static dev.irqlab.devices.DriverChange.VFIO_CLEAR_TOKEN_ON_FAILURE;
import static dev.irqlab.devices.DriverChange.VFIO_CTX_PER_VECTOR;
import static dev.irqlab.devices.DriverChange.VFIO_LOGS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.VFIO_REPORTS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.VFIO_UNREGISTER_BEFORE_FREE_IRQ;

import dev.irqlab.devices.Driver;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.FaultPoints;
import dev.irqlab.devices.Host;
import dev.irqlab.devices.irq.IrqHandler;
import dev.irqlab.devices.mem.KArray;
import dev.irqlab.devices.user.ErrOr;
import dev.irqlab.devices.user.Files;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.List;

/**
 * The MSI/MSI-X half of {@code drivers/vfio/pci/vfio_pci_intrs.c} and the {@code
 * VFIO_DEVICE_SET_IRQS} dispatch, as each {@link DriverEra} had them (drivers.md §2). The
 * producer is registered after {@code request_irq} with the trigger and the vector's IRQ; a
 * registration failure is logged and swallowed, so the ioctl still succeeds, unless the drivers
 * carry the proposed {@link dev.irqlab.devices.DriverChange#VFIO_REPORTS_BYPASS_FAILURE}: then
 * the vector is undone and the ioctl fails with the error.
 */
final class VfioPciIntrs extends Driver {
  private final VfioPciDevice vdev;
  private final VfioIntx intx;

  VfioPciIntrs(Host host, VfioPciDevice vdev) {
    super(host);
    this.vdev = vdev;
    this.intx = new VfioIntx(host, vdev, this);
  }

  /**
   * {@code vfio_pci_ioctl_set_irqs}: {@code vfio_set_irqs_validate_and_prepare}, then {@code
   * vfio_pci_set_irqs_ioctl} under {@code vdev->igate}.
   */
  int setIrqsIoctl(Files files, VfioIrqSet set) {
    int ret = validate(set);
    if (ret != 0) {
      return ret;
    }
    try (Mutex.Guard igate = vdev.igate.guard()) {
      return setIrqs(files, set);
    }
  }

  /** {@code vfio_pci_set_irqs_ioctl}: the handler of the index and action. */
  private int setIrqs(Files files, VfioIrqSet set) {
    boolean trigger = (set.flags() & VfioIrqSet.ACTION_TYPE_MASK) == VfioIrqSet.ACTION_TRIGGER;
    switch (set.index()) {
      case VfioIrqSet.INTX:
        if ((set.flags() & VfioIrqSet.ACTION_TYPE_MASK) == VfioIrqSet.ACTION_UNMASK) {
          return intx.setIntxUnmask(files, set);
        }
        return trigger ? intx.setIntxTrigger(files, set) : -Errno.ENOTTY; // ACTION_MASK is not modelled
      case VfioIrqSet.MSI:
      case VfioIrqSet.MSIX:
        return trigger ? setMsiTrigger(files, set) : -Errno.ENOTTY;
      default:
        return -Errno.ENOTTY;
    }
  }

  /** {@code vfio_set_irqs_validate_and_prepare}. */
  private int validate(VfioIrqSet set) {
    int flags = set.flags();
    if (set.index() < 0 || set.index() >= VfioIrqSet.NUM_IRQS || set.start() < 0 || set.count() < 0
        || (flags & ~(VfioIrqSet.DATA_TYPE_MASK | VfioIrqSet.ACTION_TYPE_MASK)) != 0) {
      return -Errno.EINVAL;
    }
    int numIrqs = vdev.irqCount(set.index());
    if (set.start() >= numIrqs || set.start() + set.count() > numIrqs) {
      return -Errno.EINVAL;
    }
    int type = flags & VfioIrqSet.DATA_TYPE_MASK;
    if (type != VfioIrqSet.DATA_NONE && type != VfioIrqSet.DATA_BOOL && type != VfioIrqSet.DATA_EVENTFD) {
      return -Errno.EINVAL;
    }
    return type != VfioIrqSet.DATA_NONE && set.data().size() < set.count() ? -Errno.EINVAL : 0;
  }

  /** {@code vfio_pci_set_msi_trigger}. */
  private int setMsiTrigger(Files files, VfioIrqSet set) {
    boolean msix = set.index() == VfioIrqSet.MSIX;
    boolean none = (set.flags() & VfioIrqSet.DATA_NONE) != 0;
    if (vdev.irqType == set.index() && set.count() == 0 && none) {
      msiDisable(msix);
      return 0;
    }
    if (vdev.irqType != set.index() && vdev.irqType != VfioPciDevice.IRQ_NONE) {
      return -Errno.EINVAL;
    }
    if ((set.flags() & VfioIrqSet.DATA_EVENTFD) != 0) {
      if (vdev.irqType == set.index()) {
        return msiSetBlock(files, set.start(), set.data(), msix);
      }
      int ret = msiEnable(set.start() + set.count(), msix);
      if (ret != 0) {
        return ret;
      }
      ret = msiSetBlock(files, set.start(), set.data(), msix);
      if (ret != 0) {
        msiDisable(msix);
      }
      return ret;
    }
    if (vdev.irqType != set.index()) {
      return -Errno.EINVAL;
    }
    for (int i = set.start(); i < set.start() + set.count(); i++) {
      VfioPciIrqCtx ctx = vdev.ctx(i);
      boolean fire = none || set.data().get(i - set.start()) != 0;
      if (ctx != null && ctx.trigger() != null && fire) {
        host.interrupts().signal(ctx.trigger(), vdev.describe(set.index(), i) + " loopback");
      }
    }
    return 0;
  }

  /** {@code vfio_msi_enable}: allocates the vectors (and, before v6.5, the context array). */
  private int msiEnable(int nvec, boolean msix) {
    if (vdev.irqType != VfioPciDevice.IRQ_NONE) {
      return -Errno.EINVAL;
    }
    if (!era.has(VFIO_CTX_PER_VECTOR)) {
      vdev.ctxArray = KArray.alloc(kernel, VfioPciIrqCtx.TYPE, nvec, VfioPciIrqCtx.SIZE, VfioPciIrqCtx::new);
      if (vdev.ctxArray == null) {
        return -Errno.ENOMEM;
      }
    }
    int index = msix ? VfioIrqSet.MSIX : VfioIrqSet.MSI;
    for (int v = 0; v < nvec; v++) {
      vdev.vectors.put(v, host.irqs().allocate(vdev.describe(index, v)));
      if (vdev.ctxArray != null) {
        vdev.ctxArray.get(v).label(vdev.ctxName(index, v));
      }
    }
    vdev.numCtx = nvec;
    vdev.irqType = msix ? VfioIrqSet.MSIX : VfioIrqSet.MSI;
    return 0;
  }

  /** {@code vfio_msi_disable}: every vector set to -1, then the vectors (and array) freed. */
  private void msiDisable(boolean msix) {
    List<Integer> set = era.has(VFIO_CTX_PER_VECTOR)
        ? List.copyOf(vdev.ctxMap.keySet())
        : java.util.stream.IntStream.range(0, vdev.numCtx).boxed().toList();
    set.forEach(v -> msiSetVectorSignal(null, v, -1, msix));
    vdev.vectors.values().forEach(host.irqs()::release);
    vdev.vectors.clear();
    vdev.irqType = VfioPciDevice.IRQ_NONE;
    vdev.numCtx = 0;
    kernel.memory().kfree(vdev.ctxArray);
    vdev.ctxArray = null;
  }

  /** {@code vfio_msi_set_block}: stops at the first error and sets the vectors it touched to -1. */
  private int msiSetBlock(Files files, int start, List<Integer> fds, boolean msix) {
    int ret = 0;
    int j = start;
    for (int i = 0; i < fds.size() && ret == 0; i++, j++) {
      ret = msiSetVectorSignal(files, j, fds.get(i), msix);
    }
    if (ret != 0) {
      if (era.has(VFIO_CTX_PER_VECTOR)) {
        for (int i = start; i < j; i++) {
          msiSetVectorSignal(files, i, -1, msix);
        }
      } else {
        for (--j; j >= start; j--) {
          msiSetVectorSignal(files, j, -1, msix);
        }
      }
    }
    return ret;
  }

  /**
   * {@code vfio_msi_set_vector_signal}: tears down the vector's trigger, then, for {@code fd >=
   * 0}, requests the IRQ with a handler that signals the new trigger and registers the producer.
   */
  int msiSetVectorSignal(Files files, int vector, int fd, boolean msix) {
    try (Kernel.Scope in = kernel.faults().within(FaultPoints.VFIO_MSI_SET_VECTOR_SIGNAL)) {
      return msiSetVectorSignalIn(files, vector, fd, msix);
    }
  }

  private int msiSetVectorSignalIn(Files files, int vector, int fd, boolean msix) {
    boolean perVector = era.has(VFIO_CTX_PER_VECTOR);
    if (!perVector && (vector < 0 || vector >= vdev.numCtx)) {
      return -Errno.EINVAL;
    }
    int index = msix ? VfioIrqSet.MSIX : VfioIrqSet.MSI;
    int irq = vdev.vectors.getOrDefault(vector, -Errno.EINVAL);
    VfioPciIrqCtx ctx = vdev.ctx(vector);
    if (ctx != null && ctx.trigger() != null) {
      teardown(ctx, irq);
    }
    if (perVector && ctx != null) {
      vdev.ctxMap.remove(vector);
      kernel.memory().kfree(ctx);
    }
    if (fd < 0) {
      return 0;
    }
    if (irq < 0) {
      if (!msix) {
        return irq;
      }
      irq = host.irqs().allocate(vdev.describe(index, vector));
      vdev.vectors.put(vector, irq);
    }
    return perVector ? signalNewCtx(files, vector, fd, irq, index) : signal(files, vdev.ctx(vector), fd, irq, index, vector);
  }

  /** v6.5+: allocates the vector's context, then sets it up; frees it again on failure. */
  private int signalNewCtx(Files files, int vector, int fd, int irq, int index) {
    VfioPciIrqCtx ctx = VfioPciIrqCtx.alloc(kernel);
    if (ctx == null) {
      return -Errno.ENOMEM;
    }
    ctx.label(vdev.ctxName(index, vector));
    vdev.ctxMap.put(vector, ctx);
    int ret = signal(files, ctx, fd, irq, index, vector);
    if (ret != 0) {
      vdev.ctxMap.remove(vector);
      kernel.memory().kfree(ctx);
    }
    return ret;
  }

  /**
   * Resolves the trigger, requests the IRQ with {@code vfio_msihandler} and registers the
   * producer; with the proposed reporting, a failed registration takes the proposal's {@code
   * out_free_irq} label ({@code free_irq}, then the name and the trigger as below it).
   */
  private int signal(Files files, VfioPciIrqCtx ctx, int fd, int irq, int index, int vector) {
    String name = String.format(java.util.Locale.ROOT, "vfio-msi%s[%d](%s)", index == VfioIrqSet.MSIX ? "x" : "", vector, vdev.bdf());
    ErrOr<EventfdCtx> trigger = files.eventfdCtxFdget(fd);
    if (trigger.isErr()) {
      return trigger.err();
    }
    String source = vdev.describe(index, vector);
    IrqHandler handler = (i, devId) -> {
      host.interrupts().signal((EventfdCtx) devId, source);
      return IrqHandler.IRQ_HANDLED;
    };
    int ret = host.irqs().requestIrq(irq, handler, 0, name, trigger.value());
    if (ret != 0) {
      trigger.value().put();
      return ret;
    }
    ctx.setIrqName(name);
    ret = registerProducer(ctx.producer(), trigger.value(), irq);
    if (ret != 0 && era.has(VFIO_REPORTS_BYPASS_FAILURE)) {
      host.trace().call("free_irq", irq, ctx.producer());
      host.irqs().freeIrq(irq, trigger.value());
      ctx.setIrqName(null);
      host.trace().call("eventfd_ctx_put", trigger.value());
      trigger.value().put();
      return ret;
    }
    ctx.setTrigger(trigger.value());
    return 0;
  }

  /** Unregisters (before or after {@code free_irq}, by era), frees the IRQ, drops the trigger. */
  private void teardown(VfioPciIrqCtx ctx, int irq) {
    boolean before = era.has(VFIO_UNREGISTER_BEFORE_FREE_IRQ);
    if (before) {
      host.bypass().unregisterProducer(ctx.producer());
    }
    host.trace().call("free_irq", irq, ctx.producer());
    host.irqs().freeIrq(irq, ctx.trigger());
    if (!before) {
      host.bypass().unregisterProducer(ctx.producer());
    }
    ctx.setIrqName(null);
    host.trace().call("eventfd_ctx_put", ctx.trigger());
    ctx.trigger().put();
    ctx.setTrigger(null);
  }

  /** The INTx half. */
  VfioIntx intx() {
    return intx;
  }

  /**
   * Registers {@code producer} for {@code trigger} on {@code irq} and returns what the manager
   * returned. Writing the token and IRQ first, as callers did before 6.17, is the revision's side
   * of its API, not the driver's. A failure is logged with {@code dev_info} and, from v5.10 to
   * v6.16, clears the token; drivers that report it to the caller instead do neither.
   */
  int registerProducer(IrqBypassProducer producer, EventfdCtx trigger, int irq) {
    int ret = host.bypass().registerProducer(producer, trigger, irq);
    if (ret == 0 || era.has(VFIO_REPORTS_BYPASS_FAILURE)) {
      return ret;
    }
    if (era.has(VFIO_LOGS_BYPASS_FAILURE)) {
      kernel.prInfo(
          "vfio-pci %s: irq bypass producer (" + era.bypassKeyName() + " %p) registration fails: %d",
          vdev.bdf(), era.bypassKey(producer.token(), trigger), ret);
    }
    if (era.has(VFIO_CLEAR_TOKEN_ON_FAILURE)) {
      producer.setToken(0);
    }
    return ret;
  }
}
