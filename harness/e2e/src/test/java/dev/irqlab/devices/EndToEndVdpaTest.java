package dev.irqlab.devices;

import static dev.irqlab.devices.EndToEndVfioTest.anomalies;
import static dev.irqlab.devices.EndToEndVfioTest.arrivals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irqlab.devices.irq.Irte;
import dev.irqlab.devices.vdpa.VdpaDevice;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * vhost-vDPA end to end on the real revisions: the vq's producer before and after DRIVER_OK.
 * From v6.12 ({@code 02e9e9366fef}) it registers only while DRIVER_OK is set; before, at every
 * VHOST_SET_VRING_CALL.
 */
class EndToEndVdpaTest {
  @ParameterizedTest(name = "{0} with {1} drivers: posted before DRIVER_OK = {2}")
  @CsvSource({"v6.16, v6.16, false", "v6.17, v6.17, false", "v6.16, v6.5, true"})
  void beforeAndAfterDriverOk(String revision, String era, boolean postedEarly) {
    VdpaRig v = new VdpaRig(Rig.revision(revision, era), VdpaDevice.VqIrqs.PER_VQ).bindCall();
    Rig r = v.r;
    VdpaDevice vdpa = v.dev;
    assertEquals(0, v.status(VdpaRig.BEFORE_DRIVER_OK));
    assertEquals(0, v.setCall(0, v.call));
    Irte irte = r.host.irqs().irte(vdpa.hostIrq(0));
    assertEquals(postedEarly, irte.isPosted());
    assertEquals(List.of(postedEarly ? "vm0/vcpu0 vector 0x51 (posted)" : "vm0/vcpu0 vector 0x51 (irqfd)"), arrivals(vdpa.fire(0)));

    assertEquals(0, v.status(VdpaRig.DRIVER_OK));
    assertEquals(Irte.Mode.POSTED, r.host.irqs().irte(vdpa.hostIrq(0)).mode());
    assertEquals(List.of("vm0/vcpu0 vector 0x51 (posted)"), arrivals(vdpa.fire(0)));
    assertEquals(1, r.host.bypass().snapshot().producers().size(), "vq 1 has no call eventfd");

    assertEquals(0, v.status(0));
    assertEquals(Irte.Mode.REMAPPED, r.host.irqs().irte(vdpa.hostIrq(0)).mode(), "reset unregisters");
    assertEquals(0, r.host.bypass().snapshot().producers().size());
    assertEquals(List.of(), r.printk());
    assertEquals(List.of(), r.host.interrupts().anomalies());
    r.shutdownClean();
  }

  /** Two vqs on one call eventfd: the second registration fails, is logged, and the vq still works. */
  @ParameterizedTest(name = "{0} with {1} drivers")
  @CsvSource({"v6.16, v6.16, token", "v6.17, v6.17, eventfd"})
  void oneCallEventfdOnTwoVqs(String revision, String era, String key) {
    VdpaRig v = new VdpaRig(Rig.revision(revision, era), VdpaDevice.VqIrqs.PER_VQ).bindCall();
    assertEquals(0, v.setCall(0, v.call));
    assertEquals(0, v.setCall(1, v.call));
    assertEquals(0, v.status(VdpaRig.DRIVER_OK));
    assertEquals(
        List.of("vhost-vdpa vhost-vdpa-0: vq 1, irq bypass producer (" + key + " " + v.r.p(v.call) + ") registration fails, ret =  -16"),
        v.r.printk());
    assertEquals(List.of("vm0/vcpu0 vector 0x51 (posted)"), arrivals(v.dev.fire(0)));
    assertEquals(List.of("vm0/vcpu0 vector 0x51 (irqfd)"), arrivals(v.dev.fire(1)));
    assertEquals(List.of(), anomalies(v.dev.fire(1)));
    v.r.shutdownClean();
  }
}
