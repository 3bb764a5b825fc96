package dev.irqlab.devices.vdpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.Rig;
import dev.irqlab.devices.VdpaRig;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** vhost-vDPA's ioctls against the test-only manager, era by era. */
class VhostVdpaTest {
  private static final int DRIVER_OK = VdpaRig.DRIVER_OK;

  private static VdpaRig vdpa(String era, VdpaDevice.VqIrqs irqs) {
    return new VdpaRig(Rig.testManager(era), irqs);
  }

  /** Up to v6.11 every SET_VRING_CALL unregisters, then registers, whatever the status. */
  @Test
  void beforeV612EverySetVringCallReRegisters() {
    VdpaRig v = vdpa("v6.5", VdpaDevice.VqIrqs.PER_VQ);
    int other = v.r.eventfd();
    assertEquals(0, v.setCall(0, v.call));
    assertEquals(0, v.setCall(0, other));
    assertEquals(List.of(
        "unregister_producer(vhost-vdpa-0.vq0.producer) = not registered",
        "register_producer(vhost-vdpa-0.vq0.producer) = 0",
        "unregister_producer(vhost-vdpa-0.vq0.producer) = done",
        "register_producer(vhost-vdpa-0.vq0.producer) = 0"), v.calls());
    assertEquals(v.r.ctx(other).address(), v.r.host.bypass().snapshot().producers().get(0).key());
  }

  /** From v6.12: only while DRIVER_OK, the old producer unregistered before the old eventfd goes. */
  @Test
  void fromV612OnlyWhileDriverOk() {
    VdpaRig v = vdpa("v6.16", VdpaDevice.VqIrqs.PER_VQ);
    int other = v.r.eventfd();
    assertEquals(0, v.setCall(0, v.call));
    assertEquals(List.of(), v.calls());
    assertEquals(0, v.status(DRIVER_OK));
    assertEquals(0, v.setCall(0, other));
    assertEquals(0, v.status(0));
    assertEquals(List.of(
        "register_producer(vhost-vdpa-0.vq0.producer) = 0",
        "unregister_producer(vhost-vdpa-0.vq0.producer) = done",
        "register_producer(vhost-vdpa-0.vq0.producer) = 0",
        "unregister_producer(vhost-vdpa-0.vq0.producer) = done",
        "unregister_producer(vhost-vdpa-0.vq1.producer) = not registered"), v.calls());
    assertEquals(1, v.r.ctx(v.call).refcount(), "the old call eventfd is put");
  }

  /** {@code get_vq_irq} absent or negative: no producer; the vq still interrupts through the eventfd. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = VdpaDevice.VqIrqs.class, names = {"ABSENT", "NEGATIVE"})
  void noVqIrqNoProducer(VdpaDevice.VqIrqs irqs) {
    VdpaRig v = vdpa("v6.16", irqs);
    v.bindCall();
    assertEquals(0, v.setCall(0, v.call));
    assertEquals(0, v.status(DRIVER_OK));
    assertEquals(List.of("register_consumer(vm0.irqfd.gsi30.consumer) = 0"), v.calls(), "no producer");
    assertEquals("[vm0/vcpu0 vector 0x51 (irqfd)]", v.dev.fire(0).deliveries().toString());
  }

  /** The failure line by era; none before Zhu Lingshan's Oct 2020 patch, none without offloading. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"v4.4, ''", "v5.9, ''", "v6.5, token", "v6.17, eventfd"})
  void aFailedRegistrationIsLoggedOrNot(String era, String key) {
    VdpaRig v = vdpa(era, VdpaDevice.VqIrqs.PER_VQ);
    assertEquals(0, v.status(DRIVER_OK));
    assertEquals(0, v.setCall(0, v.call));
    assertEquals(0, v.setCall(1, v.call));
    List<String> expected = key.isEmpty()
        ? List.of()
        : List.of("vhost-vdpa vhost-vdpa-0: vq 1, irq bypass producer (" + key + " " + v.r.p(v.call) + ") registration fails, ret =  -16");
    assertEquals(expected, v.r.printk());
  }

  @Test
  void badArguments() {
    VdpaRig v = vdpa("v6.16", VdpaDevice.VqIrqs.PER_VQ);
    assertEquals(-Errno.ENOBUFS, v.setCall(2, v.call));
    assertEquals(-Errno.EBADF, v.setCall(0, 99));
    assertEquals(-Errno.EINVAL, v.setCall(0, v.fd), "not an eventfd");
    assertEquals(0, v.status(DRIVER_OK));
    assertEquals(-Errno.EINVAL, v.status(1), "status bits only go away by a reset");
    assertEquals(-Errno.EBUSY, v.r.qemu.openVhostVdpa(v.dev));
    assertEquals(-Errno.ENOTTY, v.r.qemu.vhostVdpaSetStatus(v.call, 0));
    assertEquals(0, v.setCall(0, -1), "VHOST_FILE_UNBIND");
  }

  @Test
  void releaseUnregistersAndFreesTheVqs() {
    VdpaRig v = vdpa("v6.17", VdpaDevice.VqIrqs.PER_VQ);
    assertEquals(0, v.status(DRIVER_OK));
    assertEquals(0, v.setCall(0, v.call));
    assertEquals(0, v.r.qemu.close(v.fd));
    assertEquals(0, v.r.host.bypass().snapshot().producers().size());
    assertEquals(List.of(), v.r.liveOf("vhost_virtqueue"));
    assertEquals(1, v.r.ctx(v.call).refcount());
    assertTrue(v.r.qemu.openVhostVdpa(v.dev) > 0, "open again");
  }

  /** The vqs are freed at release: a manager that keeps a vq's producer is caught. */
  @Test
  void aManagerKeepingAFreedVqIsAUseAfterFree() {
    VdpaRig v = vdpa("v6.16", VdpaDevice.VqIrqs.PER_VQ);
    assertEquals(0, v.status(DRIVER_OK));
    assertEquals(0, v.setCall(0, v.call));
    v.r.manager().forgetUnregisters();
    assertEquals(0, v.r.qemu.close(v.fd));
    assertEquals(0, v.r.assign(v.call, 24));
    var kasan = v.r.reports(EventKind.KASAN);
    assertEquals(1, kasan.size());
    assertTrue(kasan.get(0).details().get(1).contains("vhost-vdpa-0.vq0.producer"), kasan.get(0).render());
  }
}
