package dev.irqlab.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irqlab.devices.vdpa.VdpaDevice;
import java.util.List;

/** A {@link Rig} with a two-vq vDPA device opened as {@code /dev/vhost-vdpa-0} and a call eventfd. */
public final class VdpaRig {
  /** ACKNOWLEDGE, DRIVER and FEATURES_OK. */
  public static final int BEFORE_DRIVER_OK = 1 | 2 | 8;
  public static final int DRIVER_OK = BEFORE_DRIVER_OK | VdpaDevice.DRIVER_OK;

  public final Rig r;
  public final VdpaDevice dev;
  public final int fd;
  public final int call;

  public VdpaRig(Rig r, VdpaDevice.VqIrqs irqs) {
    this.r = r;
    this.dev = VdpaDevice.create(r.host, "vdpa0", 2, irqs);
    this.fd = r.qemu.openVhostVdpa(dev);
    this.call = r.eventfd();
  }

  /** Binds the call eventfd to GSI 30, routed as an MSI to vm0/vcpu0 vector 0x51. */
  public VdpaRig bindCall() {
    r.msiRoute(30, 0, 0x51);
    assertEquals(0, r.assign(call, 30));
    return this;
  }

  public int setCall(int q, int efd) {
    return r.qemu.vhostSetVringCall(fd, q, efd);
  }

  public int status(int status) {
    return r.qemu.vhostVdpaSetStatus(fd, status);
  }

  public List<String> calls() {
    return r.manager().calls();
  }
}
