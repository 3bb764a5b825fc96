package dev.irqlab.devices.vfio;

import static dev.irqlab.devices.DriverChange.VFIO_INTX_PRODUCER;

import dev.irqlab.devices.Driver;
import dev.irqlab.devices.Host;
import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.devices.irq.IrqHandler;
import dev.irqlab.devices.user.ErrOr;
import dev.irqlab.devices.user.Files;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;

/**
 * The INTx half of {@code vfio_pci_intrs.c}. No merged kernel registers a producer for INTx;
 * only the 2015 prototype's stubs did ({@link dev.irqlab.devices.DriverChange#VFIO_INTX_PRODUCER}):
 * register after {@code request_irq}, unregister after {@code free_irq} (drivers.md §2.1).
 *
 * <p>The line's masking (the handler masks, user space unmasks through a resample irqfd and
 * {@code ACTION_UNMASK}) is not modelled: the handler only signals the trigger.
 */
final class VfioIntx extends Driver {
  private final VfioPciDevice vdev;
  private final VfioPciIntrs msi;

  VfioIntx(Host host, VfioPciDevice vdev, VfioPciIntrs msi) {
    super(host);
    this.vdev = vdev;
    this.msi = msi;
  }

  /** {@code vfio_pci_set_intx_trigger}. */
  int setIntxTrigger(Files files, VfioIrqSet set) {
    boolean isIntx = vdev.irqType == VfioIrqSet.INTX;
    if (isIntx && set.count() == 0 && (set.flags() & VfioIrqSet.DATA_NONE) != 0) {
      intxDisable();
      return 0;
    }
    if (!(isIntx || vdev.irqType == VfioPciDevice.IRQ_NONE)) {
      return -Errno.EINVAL;
    }
    if ((set.flags() & VfioIrqSet.DATA_EVENTFD) != 0) {
      int fd = set.data().get(0);
      if (isIntx) {
        return intxSetSignal(files, fd);
      }
      int ret = intxEnable();
      if (ret == 0) {
        ret = intxSetSignal(files, fd);
        if (ret != 0) {
          intxDisable();
        }
      }
      return ret;
    }
    if (!isIntx) {
      return -Errno.EINVAL;
    }
    boolean fire = (set.flags() & VfioIrqSet.DATA_NONE) != 0 || set.count() > 0 && set.data().get(0) != 0;
    EventfdCtx trigger = vdev.ctx(0).trigger();
    if (fire && trigger != null) {
      host.interrupts().signal(trigger, vdev.describe(VfioIrqSet.INTX, 0) + " loopback");
    }
    return 0;
  }

  /** {@code vfio_intx_enable}: allocates the context. */
  private int intxEnable() {
    VfioPciIrqCtx ctx = VfioPciIrqCtx.alloc(kernel);
    if (ctx == null) {
      return -Errno.ENOMEM;
    }
    ctx.label(vdev.ctxName(VfioIrqSet.INTX, 0));
    vdev.ctxMap.put(0, ctx);
    vdev.irqType = VfioIrqSet.INTX;
    return 0;
  }

  /** {@code vfio_intx_disable}: trigger off, context freed. */
  private void intxDisable() {
    intxSetSignal(null, -1);
    kernel.memory().kfree(vdev.ctxMap.remove(0));
    vdev.irqType = VfioPciDevice.IRQ_NONE;
  }

  /** {@code vfio_intx_set_signal}: frees the old handler and trigger; requests the new one (shared). */
  private int intxSetSignal(Files files, int fd) {
    VfioPciIrqCtx ctx = vdev.ctx(0);
    int irq = vdev.intxIrq();
    if (ctx.trigger() != null) {
      host.irqs().freeIrq(irq, vdev);
      if (era.has(VFIO_INTX_PRODUCER)) {
        host.bypass().unregisterProducer(ctx.producer());
      }
      ctx.setIrqName(null);
      ctx.trigger().put();
      ctx.setTrigger(null);
    }
    if (fd < 0) {
      return 0;
    }
    ErrOr<EventfdCtx> trigger = files.eventfdCtxFdget(fd);
    if (trigger.isErr()) {
      return trigger.err();
    }
    String name = "vfio-intx(" + vdev.bdf() + ")";
    String source = vdev.describe(VfioIrqSet.INTX, 0);
    IrqHandler handler = (i, devId) -> {
      host.interrupts().signal(((VfioPciDevice) devId).ctx(0).trigger(), source);
      return IrqHandler.IRQ_HANDLED;
    };
    int ret = host.irqs().requestIrq(irq, handler, IrqDomain.IRQF_SHARED, name, vdev);
    if (ret != 0) {
      trigger.value().put();
      return ret;
    }
    ctx.setIrqName(name);
    ctx.setTrigger(trigger.value());
    if (era.has(VFIO_INTX_PRODUCER)) {
      msi.registerProducer(ctx.producer(), trigger.value(), irq);
    }
    return 0;
  }
}
