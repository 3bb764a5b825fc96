package dev.irqlab.devices.vfio;

import static dev.irqlab.devices.DriverChange.VFIO_INTX_PRODUCER;

import dev.irqlab.devices.Driver;
import dev.irqlab.devices.Host;
import dev.irqlab.devices.guest.Interrupt;
import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.devices.irq.IrqHandler;
import dev.irqlab.devices.user.ErrOr;
import dev.irqlab.devices.user.Files;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;

/**
 * The INTx half of {@code vfio_pci_intrs.c}, for a device that can mask INTx itself (PCI 2.3
 * DisINTx). No merged kernel registers a producer for INTx; only the 2015 prototype's stubs did
 * ({@link dev.irqlab.devices.DriverChange#VFIO_INTX_PRODUCER}): register after {@code
 * request_irq}, unregister after {@code free_irq} (drivers.md §2.1).
 *
 * <p>The line is level-triggered: the handler masks INTx at the device, then signals the
 * trigger; it stays masked until user space unmasks it ({@code VFIO_IRQ_SET_ACTION_UNMASK}),
 * directly or through an unmask eventfd that KVM signals when the guest acknowledges the
 * interrupt (a resample irqfd). Unmasking finds an interrupt the device raised while masked and,
 * instead of unmasking, sends it to user space again ({@code vfio_pci_intx_unmask_handler}).
 * Each {@link #fire} is one event of the device, which the guest's driver services before its
 * EOI: two events while masked are one pending level.
 */
final class VfioIntx extends Driver {
  private final VfioPciDevice vdev;
  private final VfioPciIntrs msi;
  /** {@code vdev->ctx[0].masked}. */
  private boolean masked;
  /** The device asserts INTx (its interrupt status bit) and nothing has taken it yet. */
  private boolean asserted;
  /** {@code vdev->ctx[0].unmask}. */
  private VfioVirqfd unmask;

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
    if (!(isIntx || vdev.irqType == VfioPciDevice.IRQ_NONE) || set.start() != 0 || set.count() != 1) {
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
    if ((set.flags() & VfioIrqSet.DATA_NONE) != 0 || set.data().get(0) != 0) {
      sendIntxEventfd(" loopback");
    }
    return 0;
  }

  /**
   * {@code vfio_pci_set_intx_unmask}: unmask now ({@code DATA_NONE}, {@code DATA_BOOL}), or
   * whenever an eventfd is signalled ({@code DATA_EVENTFD}; -1 stops that).
   */
  int setIntxUnmask(Files files, VfioIrqSet set) {
    if (vdev.irqType != VfioIrqSet.INTX || set.start() != 0 || set.count() != 1) {
      return -Errno.EINVAL;
    }
    if ((set.flags() & VfioIrqSet.DATA_EVENTFD) == 0) {
      if ((set.flags() & VfioIrqSet.DATA_NONE) != 0 || set.data().get(0) != 0) {
        intxUnmask();
      }
      return 0;
    }
    int fd = set.data().get(0);
    if (fd >= 0) {
      if (unmask != null) {
        return -Errno.EBUSY;
      }
      ErrOr<VfioVirqfd> v = VfioVirqfd.enable(host, files, fd, "vfio-pci " + vdev.bdf() + " INTx unmask",
          this::intxUnmaskHandler, () -> sendIntxEventfd(" resent"), this::unmaskHungUp);
      if (v.isErr()) {
        return v.err();
      }
      unmask = v.value();
      return 0;
    }
    virqfdDisable();
    return 0;
  }

  /** The unmask eventfd was closed: {@code virqfd_wakeup}'s {@code EPOLLHUP} branch. */
  private void unmaskHungUp() {
    if (unmask != null) {
      unmask.deactivate();
      unmask = null;
    }
  }

  /** {@code vfio_virqfd_disable(&vdev->ctx[0].unmask)}: waits until it is gone. */
  private void virqfdDisable() {
    VfioVirqfd v = unmask;
    unmask = null;
    if (v != null) {
      v.deactivate();
    }
    host.systemWq().flush();
  }

  /**
   * {@code vfio_pci_intx_unmask_handler}: unmasks, unless the device asserts INTx again; then it
   * stays masked and returns 1, so that the interrupt is sent to user space again.
   */
  private int intxUnmaskHandler() {
    if (vdev.irqType != VfioIrqSet.INTX || !masked) {
      return 0;
    }
    if (asserted) {
      asserted = false;
      return 1;
    }
    masked = false;
    return 0;
  }

  /** {@code vfio_pci_intx_unmask}. */
  private void intxUnmask() {
    if (intxUnmaskHandler() > 0) {
      sendIntxEventfd(" resent");
    }
  }

  /** {@code vfio_send_intx_eventfd}: signals the trigger while INTx is enabled. */
  private void sendIntxEventfd(String how) {
    EventfdCtx trigger = vdev.irqType == VfioIrqSet.INTX ? vdev.ctx(0).trigger() : null;
    if (trigger != null) {
      host.interrupts().signal(trigger, vdev.describe(VfioIrqSet.INTX, 0) + how);
    }
  }

  /** {@code vfio_intx_handler}: a shared line; takes the interrupt when the device asserts it and is not masked. */
  private int handler() {
    if (masked || !asserted) {
      return IrqHandler.IRQ_NONE;
    }
    masked = true;
    asserted = false;
    sendIntxEventfd("");
    return IrqHandler.IRQ_HANDLED;
  }

  /** True while INTx is masked at the device. */
  boolean masked() {
    return vdev.irqType == VfioIrqSet.INTX && masked;
  }

  /**
   * The device raises INTx. While masked it only asserts (the interrupt is pending, and nothing
   * is expected now); otherwise the host handler takes it.
   */
  Interrupt fire() {
    String source = vdev.describe(VfioIrqSet.INTX, 0);
    if (masked()) {
      return host.interrupts().raise(source, null, () -> asserted = true);
    }
    EventfdCtx trigger = vdev.trigger(VfioIrqSet.INTX, 0);
    return host.interrupts().raise(source, trigger, () -> {
      asserted = true;
      host.irqs().raise(vdev.intxIrq());
    });
  }

  /** {@code vfio_intx_enable}: allocates the context; INTx starts unmasked. */
  private int intxEnable() {
    VfioPciIrqCtx ctx = VfioPciIrqCtx.alloc(kernel);
    if (ctx == null) {
      return -Errno.ENOMEM;
    }
    ctx.label(vdev.ctxName(VfioIrqSet.INTX, 0));
    vdev.ctxMap.put(0, ctx);
    masked = false;
    vdev.irqType = VfioIrqSet.INTX;
    return 0;
  }

  /** {@code vfio_intx_disable}: the unmask eventfd released, the trigger off, the context freed. */
  private void intxDisable() {
    virqfdDisable();
    intxSetSignal(null, -1);
    kernel.memory().kfree(vdev.ctxMap.remove(0));
    vdev.irqType = VfioPciDevice.IRQ_NONE;
    masked = false;
  }

  /** {@code vfio_intx_set_signal}: frees the old handler and trigger; requests the new one (shared). */
  private int intxSetSignal(Files files, int fd) {
    VfioPciIrqCtx ctx = vdev.ctx(0);
    int irq = vdev.intxIrq();
    if (ctx.trigger() != null) {
      host.trace().call("free_irq", irq, ctx.producer());
      host.irqs().freeIrq(irq, vdev);
      if (era.has(VFIO_INTX_PRODUCER)) {
        host.bypass().unregisterProducer(ctx.producer());
      }
      ctx.setIrqName(null);
      host.trace().call("eventfd_ctx_put", ctx.trigger());
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
    IrqHandler handler = (i, devId) -> handler();
    ctx.setTrigger(trigger.value());
    int ret = host.irqs().requestIrq(irq, handler, IrqDomain.IRQF_SHARED, name, vdev);
    if (ret != 0) {
      ctx.setTrigger(null);
      trigger.value().put();
      return ret;
    }
    ctx.setIrqName(name);
    if (era.has(VFIO_INTX_PRODUCER)) {
      msi.registerProducer(ctx.producer(), trigger.value(), irq);
    }
    return 0;
  }
}
