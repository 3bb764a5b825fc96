package dev.irqlab.devices;

import static dev.irqlab.devices.EndToEndVfioTest.arrivals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irqlab.devices.HostSettings.Vendor;
import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.kernel.Errno;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where AMD's SVM hooks differ from Intel's VMX ones in the list era, end to end. */
class EndToEndVendorTest {
  private static final HostSettings AMD = HostSettings.defaults().withVendor(Vendor.AMD);

  /**
   * v4.4 on AMD: SVM has no {@code update_pi_irte} yet, so {@code add_producer} returns {@code
   * -EINVAL}, the manager refuses the producer and VFIO logs it; the vector still works through
   * the irqfd. From {@link DriverChange#SVM_UPDATE_PI_IRTE} the same host posts.
   */
  @Test
  void v44OnAmdHasNoVendorOp() {
    Rig r = Rig.revision("v4.4", "v4.4", AMD);
    int efd = r.boundEventfd();
    assertEquals(0, r.msix(0, efd));
    assertEquals(List.of("vfio-pci " + Rig.BDF + ": irq bypass producer (token " + r.p(efd) + ") registration fails: -22"), r.printk());
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (irqfd)"), arrivals(r.fire(0)));
    r.shutdownClean();

    Rig later = Rig.revision("v4.4", "v5.9", AMD);
    later.wiredVector0();
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(later.fire(0)));
    later.shutdownClean();
  }

  /**
   * {@code apicv=0} with v5.9 drivers: VMX leaves the IRTE alone, SVM puts it in legacy mode
   * through the IOMMU, so an IOMMU that refuses fails the AMD connect only.
   */
  @Test
  void withoutApicvOnlySvmCallsTheIommu() {
    for (Vendor v : Vendor.values()) {
      Rig r = Rig.revision("v6.16", "v5.9", AMD.withVendor(v).withApicv(false));
      int efd = r.boundEventfd();
      r.host.kernel().faults().failAlways(IrqDomain.SET_VCPU_AFFINITY);
      assertEquals(0, r.msix(0, efd));
      r.host.kernel().faults().clear(IrqDomain.SET_VCPU_AFFINITY);
      int connections = r.host.bypass().snapshot().connections().size();
      assertEquals(v == Vendor.AMD ? 0 : 1, connections, v.name());
      assertEquals(v == Vendor.AMD ? List.of("avic_pi_update_irte: failed to update PI IRTE",
              "vfio-pci " + Rig.BDF + ": irq bypass producer (token " + r.p(efd) + ") registration fails: " + -Errno.EINVAL)
          : List.of(), r.printk(), v.name());
      assertEquals(List.of("vm0/vcpu1 vector 0x41 (irqfd)"), arrivals(r.fire(0)), v.name());
      r.shutdownClean();
    }
  }
}
