package dev.irqlab.devices.vdpa;

import dev.irqlab.devices.Host;
import dev.irqlab.devices.guest.Interrupt;
import dev.irqlab.devices.irq.IrqHandler;
import dev.irqlab.devices.user.ErrOr;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import java.util.Locale;

/**
 * A vDPA device and its parent driver's ops ({@code get_status}, {@code set_status}, {@code
 * reset}, {@code set_vq_cb}, {@code get_vq_irq}), bound to vhost-vDPA.
 *
 * <p>How its virtqueues interrupt is the parent's business ({@link VqIrqs}): with host IRQs, the
 * parent requests one per vq when the device is created, and its handler runs the vq's callback;
 * without, the device calls the callback from software. {@link #fire} is the hardware.
 */
public final class VdpaDevice {
  /** {@code VIRTIO_CONFIG_S_DRIVER_OK}. */
  public static final int DRIVER_OK = 4;

  /** How a parent's virtqueues interrupt, and what its {@code get_vq_irq} says. */
  public enum VqIrqs {
    /** One host IRQ per vq, and {@code get_vq_irq} returns it (ifcvf-like). */
    PER_VQ,
    /** One host IRQ per vq, but {@code get_vq_irq} returns {@code -EINVAL}. */
    NEGATIVE,
    /** No host IRQs and no {@code get_vq_irq} op (vdpa_sim-like). */
    ABSENT
  }

  /** {@code struct vdpa_callback}. */
  record Callback(VhostVirtqueue vq, EventfdCtx trigger) {}

  private final Host host;
  private final String name;
  private final VqIrqs vqIrqs;
  private final int[] hostIrqs;
  private final Callback[] callbacks;
  private final VhostVdpa vhost;
  private int status;

  private VdpaDevice(Host host, String name, int nvqs, VqIrqs vqIrqs, int minor) {
    this.host = host;
    this.name = name;
    this.vqIrqs = vqIrqs;
    this.hostIrqs = new int[nvqs];
    this.callbacks = new Callback[nvqs];
    for (int q = 0; q < nvqs; q++) {
      hostIrqs[q] = vqIrqs == VqIrqs.ABSENT ? -1 : requestVqIrq(q);
    }
    this.vhost = new VhostVdpa(host, this, "vhost-vdpa-" + minor);
  }

  /**
   * A device {@code name} with {@code nvqs} virtqueues, bound to vhost-vDPA as the next {@code
   * /dev/vhost-vdpa-N}.
   */
  public static VdpaDevice create(Host host, String name, int nvqs, VqIrqs vqIrqs) {
    int minor = VhostVdpaModule.on(host).allocMinor();
    return new VdpaDevice(host, name, nvqs, vqIrqs, minor);
  }

  private int requestVqIrq(int q) {
    int irq = host.irqs().allocate(describe(q));
    IrqHandler handler = (i, devId) -> {
      runCallback((Integer) devId);
      return IrqHandler.IRQ_HANDLED;
    };
    host.irqs().requestIrq(irq, handler, 0, String.format(Locale.ROOT, "%s-vq-%d", name, q), q);
    return irq;
  }

  /** The parent's handler: the vq's callback, {@code vhost_vdpa_virtqueue_cb}, signals the call eventfd. */
  private void runCallback(int q) {
    Callback cb = callbacks[q];
    if (cb != null) {
      EventfdCtx call = cb.vq().callCtx();
      if (call != null) {
        host.interrupts().signal(call, describe(q));
      }
    }
  }

  public String name() {
    return name;
  }

  public int nvqs() {
    return callbacks.length;
  }

  /** The host IRQ behind vq {@code q}, or -1 when it interrupts from software. */
  public int hostIrq(int q) {
    return hostIrqs[q];
  }

  /** {@code vdpa 0: vq 1}. */
  String describe(int q) {
    return String.format(Locale.ROOT, "vdpa %s vq %d", name, q);
  }

  /** {@code ops->get_vq_irq}, or null when the parent has no such op. */
  Integer getVqIrq(int q) {
    return switch (vqIrqs) {
      case PER_VQ -> hostIrqs[q];
      case NEGATIVE -> -Errno.EINVAL;
      case ABSENT -> null;
    };
  }

  int getStatus() {
    return status;
  }

  void setStatus(int status) {
    this.status = status;
  }

  /** {@code vdpa_reset}: status 0, vq callbacks cleared. */
  int reset() {
    status = 0;
    java.util.Arrays.fill(callbacks, null);
    return 0;
  }

  void setVqCb(int q, Callback cb) {
    callbacks[q] = cb;
  }

  /** Opens {@code /dev/vhost-vdpa-N}: {@code -EBUSY} while another open holds it. */
  public ErrOr<VhostVdpaFile> open() {
    return vhost.open();
  }

  /**
   * Virtqueue {@code q} interrupts: through its host IRQ (posted, or the parent's handler), or
   * from software when it has none. With no callback (none set yet, or cleared by a reset) the
   * parent's handler drops it, and nothing is expected; an IRTE that vhost set up from the vq's
   * call eventfd still posts it.
   */
  public Interrupt fire(int q) {
    Callback cb = callbacks[q];
    Runnable hardware = () -> {
      if (hostIrqs[q] >= 0) {
        host.irqs().raise(hostIrqs[q]);
      } else {
        runCallback(q);
      }
    };
    if (cb == null) {
      return host.interrupts().raiseWithoutCallback(describe(q), vhost.callCtx(q), hardware);
    }
    return host.interrupts().raise(describe(q), cb.trigger(), hardware);
  }
}
