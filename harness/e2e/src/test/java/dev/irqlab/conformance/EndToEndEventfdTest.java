package dev.irqlab.conformance;

import static dev.irqlab.conformance.EndToEndIntxTest.run;
import static dev.irqlab.conformance.EndToEndIntxTest.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Eventfds as user space sees them, and the order in which the drivers let go of an interrupt,
 * through text scenarios on the real revisions, era by era (drivers.md §2.2, §3, §4.2, §7.2).
 */
class EndToEndEventfdTest {

  /**
   * A posted interrupt never signals the eventfd, in any era. A loopback trigger always goes
   * through it: KVM's irqfd injects it, and from v5.11, as the eventfd's exclusive priority
   * waiter that drains the counter (b59e00dd8cda), it leaves nothing for user space to poll or
   * read; before, user space sees the count.
   */
  @ParameterizedTest(name = "{0} with {1} drivers: user space sees the loopback = {2}")
  @CsvSource({"v4.4, v4.4, true", "v5.9, v5.9, true", "v6.16, v6.16, false", "v6.17, v6.17-fix, false"})
  void aPostedInterruptNeverSignalsTheEventfdALoopbackAlwaysDoes(String revision, String era, boolean userSees) {
    List<String> t = run(revision, era,
        "vm vm0", "vfio vfio0 msix=1", "kvm-vfio vm0 vfio0", "eventfd efd0", "route vm0 24 vcpu=1 vector=0x41", "irqfd vm0 efd0 24",
        "set-irqs vfio0 msix 0 efd0",
        "posted: fire vfio0.msix0", "quiet: poll efd0",
        "loopback: trigger vfio0 msix 0", "seen: poll efd0", "read efd0");
    assertEquals(List.of("interrupt vfio0.msix0 -> vm0/vcpu1 vector 0x41 (posted)"), step(t, "posted: fire vfio0.msix0"));
    assertEquals(List.of("poll = 0"), step(t, "quiet: poll efd0"));
    assertEquals(List.of("VFIO_DEVICE_SET_IRQS = 0", "interrupt vfio0.msix0 loopback -> vm0/vcpu1 vector 0x41 (irqfd)"),
        step(t, "loopback: trigger vfio0 msix 0"));
    assertEquals(List.of("poll = " + (userSees ? "POLLIN" : "0")), step(t, "seen: poll efd0"));
    assertEquals(List.of("read = " + (userSees ? "1" : "-EAGAIN")), step(t, "read efd0"));
  }

  /**
   * {@code kvm_irqfd_assign} checks the eventfd after adding its waiter: an event signalled
   * before {@code KVM_IRQFD} is injected as the call returns. The check reads nothing, so the
   * count is still there for user space.
   */
  @Test
  void anEventPendingAtKvmIrqfdIsInjectedAndShown() {
    List<String> t = run("v6.16", "v6.16",
        "vm vm0", "eventfd efd0", "route vm0 24 vcpu=0 vector=0x30", "signal efd0", "irqfd vm0 efd0 24", "read efd0");
    List<String> assign = step(t, "irqfd vm0 efd0 24");
    assertTrue(assign.contains("efd0 was already signalled: irqfd_inject scheduled for vm0.irqfd(efd0)"), String.join("\n", assign));
    assertEquals("interrupt pending on efd0 -> vm0/vcpu0 vector 0x30 (irqfd)", assign.get(assign.indexOf("KVM_IRQFD = 0") + 1), String.join("\n", assign));
    assertEquals(List.of("read = 1"), step(t, "read efd0"));
    assertTrue(t.contains("deliveries: eventfd 1 irqfd 1"), String.join("\n", t));
  }

  /**
   * vfio-pci unregisters the producer before {@code free_irq} since d567fb881916 (Dec 2019, Cc
   * stable 4.4+); before, {@code free_irq} ran first. The eventfd is put last in both.
   */
  @ParameterizedTest(name = "{0}: unregister before free_irq = {1}")
  @CsvSource({"v4.4, false", "v5.9, true"})
  void vfioLetsGoOfAVectorInItsErasOrder(String era, boolean unregisterFirst) {
    List<String> t = run(era, era,
        "vm vm0", "vfio vfio0 msix=1", "kvm-vfio vm0 vfio0", "eventfd efd0", "route vm0 24 vcpu=1 vector=0x41", "irqfd vm0 efd0 24",
        "set-irqs vfio0 msix 0 efd0", "disable-irqs vfio0 msix");
    List<String> off = step(t, "disable-irqs vfio0 msix");
    int unregister = off.indexOf("irq_bypass_unregister_producer(vfio0.msix0)");
    int freeIrq = indexStarting(off, "free_irq(");
    int put = off.indexOf("eventfd_ctx_put(efd0)");
    assertTrue(unregister >= 0 && freeIrq >= 0 && put >= 0, String.join("\n", off));
    assertEquals(unregisterFirst, unregister < freeIrq, String.join("\n", off));
    assertTrue(put > Math.max(unregister, freeIrq), String.join("\n", off));
  }

  /**
   * vhost-vDPA unregisters the vq's producer before the old call eventfd is put since v6.12
   * (02e9e9366fef); before, the swap put it first and the next setup unregistered.
   */
  @ParameterizedTest(name = "{0}: unregister before the old call eventfd is put = {1}")
  @CsvSource({"v5.9, false", "v6.16, true"})
  void vdpaLetsGoOfTheOldCallEventfdInItsErasOrder(String era, boolean unregisterFirst) {
    List<String> t = run(era, era,
        "vm vm0", "vdpa vd0 vqs=1", "eventfd call0", "eventfd call1", "route vm0 24 vcpu=0 vector=0x51", "irqfd vm0 call0 24",
        "vring-call vd0 0 call0", "status vd0 driver-ok", "vring-call vd0 0 call1");
    List<String> swap = step(t, "vring-call vd0 0 call1");
    int unregister = swap.indexOf("irq_bypass_unregister_producer(vd0.vq0)");
    int put = swap.indexOf("eventfd_ctx_put(call0)");
    assertTrue(unregister >= 0 && put >= 0, String.join("\n", swap));
    assertEquals(unregisterFirst, unregister < put, String.join("\n", swap));
  }

  /**
   * A reset clears the parent's vq callbacks and only VHOST_SET_VRING_CALL sets them again, but
   * DRIVER_OK registers the producer with the call eventfd vhost kept: the IRTE posts the
   * interrupt the parent's handler would drop.
   */
  @Test
  void aVdpaResetThenDriverOkPostsPastTheClearedCallback() {
    List<String> t = run("v6.16", "v6.16",
        "vm vm0", "vdpa vd0 vqs=1", "eventfd call", "route vm0 24 vcpu=0 vector=0x51", "irqfd vm0 call 24",
        "vring-call vd0 0 call", "status vd0 driver-ok", "status vd0 reset", "status vd0 driver-ok", "stale: fire vd0.vq0");
    assertEquals(List.of("printk: irqlab-guest: interrupt 1 (vdpa vd0 vq 0): posted without callback at vm0/vcpu0 vector 0x51 (expected 0, got 1)",
        "interrupt vd0.vq0 -> vm0/vcpu0 vector 0x51 (posted)",
        "interrupt vd0.vq0: posted without callback at vm0/vcpu0 vector 0x51 (expected 0, arrived 1)"), step(t, "stale: fire vd0.vq0"));
  }

  private static int indexStarting(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
