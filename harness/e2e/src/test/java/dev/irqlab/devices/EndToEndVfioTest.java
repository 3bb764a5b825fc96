package dev.irqlab.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.guest.Interrupt;
import dev.irqlab.devices.irq.Irte;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * VFIO-PCI and KVM end to end through the ioctls, on the real v6.16 and v6.17 revisions with
 * the drivers of their eras (and of 6.17 with the January 2026 fix): return codes, log lines,
 * IRTE modes, and where each interrupt arrived, by which path.
 */
class EndToEndVfioTest {

  static List<String> arrivals(Interrupt i) {
    return i.deliveries().stream().map(Object::toString).toList();
  }

  static List<String> anomalies(Interrupt i) {
    return i.anomalies().stream().map(a -> a.kind() + " " + a.target()).toList();
  }

  /**
   * The two outcomes of a change made while MSI-X 0 is posted to vm0/vcpu1 vector 0x41: the IRTE
   * stayed posted, so the interrupt went there and {@code stray} are its anomalies; or it was
   * reverted, and the interrupt arrived, cleanly, as {@code remapped}.
   */
  static void assertStillPostedOrRemapped(Rig r, Interrupt i, boolean staysPosted, List<String> stray, String remapped) {
    if (staysPosted) {
      assertPosted(r, 0, 1, 0x41);
      assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(i));
      assertEquals(stray, anomalies(i));
    } else {
      assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
      assertEquals(List.of(remapped), arrivals(i));
      assertEquals(List.of(), anomalies(i));
    }
  }

  /** Asserts that the vector's IRTE posts {@code vector} to {@code vcpu} of vm0. */
  static void assertPosted(Rig r, int msix, int vcpu, int vector) {
    Irte irte = r.irte(msix);
    assertEquals(Irte.Mode.POSTED, irte.mode(), "IRTE of MSI-X " + msix);
    assertEquals("vm0/vcpu" + vcpu, irte.target().vcpuName());
    assertEquals(vector, irte.vector());
  }

  @OnEachRevisionWithItsEra
  void assignThenEnablePosts(String revision, String era) {
    Rig r = Rig.revision(revision, era);
    int efd = r.boundEventfd();
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode(), "no vector yet");
    assertEquals(0, r.msix(0, efd));
    assertPosted(r, 0, 1, 0x41);
    Interrupt i = r.fire(0);
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(i));
    assertEquals(List.of(), anomalies(i));
    assertEquals(0, r.ctx(efd).signals(), "a posted interrupt does not signal the eventfd");
    assertEquals(List.of(), r.printk());
    r.shutdownClean();
  }

  @OnEachRevisionWithItsEra
  void enableThenAssignPosts(String revision, String era) {
    Rig r = Rig.revision(revision, era);
    int efd = r.eventfd();
    r.msiRoute(24, 1, 0x41);
    assertEquals(0, r.msix(0, efd));
    Interrupt before = r.fire(0);
    assertEquals(List.of("user space via qemu:fd" + efd + " (eventfd)"), arrivals(before));
    assertEquals(1, r.qemu.read(efd), "user space takes the event");
    assertEquals(0, r.assign(efd, 24));
    assertPosted(r, 0, 1, 0x41);
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(r.fire(0)));
    assertEquals(1, r.host.interrupts().count("vm0", 1, dev.irqlab.devices.guest.Path.POSTED));
    assertEquals(List.of(), r.printk());
    r.shutdownClean();
  }

  @OnEachRevisionWithItsEra
  void repointingAVectorFollowsTheNewEventfd(String revision, String era) {
    Rig r = Rig.revision(revision, era);
    int a = r.eventfd();
    int b = r.eventfd();
    r.msiRoute(24, 1, 0x41).msiRoute(25, 0, 0x42);
    assertEquals(0, r.assign(a, 24));
    assertEquals(0, r.assign(b, 25));
    assertEquals(0, r.msix(0, a));
    assertPosted(r, 0, 1, 0x41);
    assertEquals(0, r.msix(0, b));
    assertPosted(r, 0, 0, 0x42);
    Interrupt i = r.fire(0);
    assertEquals(List.of("vm0/vcpu0 vector 0x42 (posted)"), arrivals(i));
    assertEquals(List.of(), anomalies(i));
    assertEquals(List.of(), r.printk());
    r.shutdownClean();
  }

  @OnEachRevisionWithItsEra
  void disablingAVectorWithFdMinusOneRemapsIt(String revision, String era) {
    Rig r = Rig.revision(revision, era);
    int efd = r.wiredVector0();
    assertEquals(0, r.msix(0, -1));
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
    assertEquals(List.of(), r.host.irqs().handlers(r.hostIrq(0)), "free_irq ran");
    assertEquals(0, r.host.bypass().snapshot().producers().size());
    Interrupt i = r.fire(0);
    assertEquals(List.of(), arrivals(i), "a disabled vector has no handler and no trigger");
    assertEquals(List.of(), anomalies(i));
    assertEquals(0, r.qemu.write(efd), "the irqfd still works from software");
    assertEquals(1, r.host.interrupts().count("vm0", 1, dev.irqlab.devices.guest.Path.IRQFD));
    r.shutdownClean();
  }

  /**
   * "KVM: Don't clobber irqfd routing type when deassigning irqfd" (January 2026,
   * lore:20260113174606.104978-2-seanjc@google.com): in 6.17, deassign zeroes the routing type
   * before {@code del_producer}, which then skips the IRTE, so "the device keeps posting IRQs to
   * the vCPU even after it's been deassigned". If this test fails, check the deassign path of
   * {@code KvmEventfd} and {@code X86IrqBypass617.delProducer}.
   */
  @ParameterizedTest(name = "{0} with {1} drivers: IRTE stays posted = {2}")
  @CsvSource({"v6.16, v6.16, false", "v6.17, v6.17, true", "v6.17, v6.17-fix, false"})
  void deassignWhilePosted(String revision, String era, boolean staysPosted) {
    Rig r = Rig.revision(revision, era);
    int efd = r.wiredVector0();
    assertEquals(0, r.deassign(efd, 24));
    assertEquals(0, r.host.bypass().snapshot().consumers().size(), "the consumer is unregistered");
    assertStillPostedOrRemapped(r, r.fire(0), staysPosted,
        List.of("LOST user space via qemu:fd" + efd, "MISROUTED vm0/vcpu1 vector 0x41"), "user space via qemu:fd" + efd + " (eventfd)");
    assertEquals(List.of(), r.printk());
    r.shutdownClean();
  }

  /**
   * A GSI routed from MSI to an IOAPIC pin while posted: the list-era {@code pi_update_irte}
   * walks the new routes, skips the non-MSI one and leaves the IRTE posted; 6.17 reverts it
   * ("Don't update IRTE entries when old and new routes were !MSI" and the rest of the rework).
   */
  @ParameterizedTest(name = "{0} with {1} drivers: IRTE stays posted = {2}")
  @CsvSource({"v6.16, v6.16, true", "v6.17, v6.17, false"})
  void msiRouteChangedToIrqchipWhilePosted(String revision, String era, boolean staysPosted) {
    Rig r = Rig.revision(revision, era);
    r.wiredVector0();
    r.route(KvmIrqRoutingEntry.irqchip(24, KvmIrqRoutingEntry.IOAPIC, 10));
    assertStillPostedOrRemapped(r, r.fire(0), staysPosted,
        List.of("LOST vm0/ioapic pin 10", "MISROUTED vm0/vcpu1 vector 0x41"), "vm0/ioapic pin 10 (irqfd)");
    assertEquals(List.of(), r.printk(), "the update itself succeeds: no WARN, no line");
    r.shutdownClean();
  }

  @ParameterizedTest(name = "{0} with {1} drivers")
  @CsvSource({"v6.16, v6.16, token", "v6.17, v6.17, eventfd"})
  void oneEventfdOnTwoVectors(String revision, String era, String key) {
    Rig r = Rig.revision(revision, era);
    int efd = r.boundEventfd();
    assertEquals(0, r.msix(0, efd, efd), "a failed bypass registration never fails the ioctl");
    assertEquals(List.of("vfio-pci 0000:01:00.0: irq bypass producer (" + key + " " + r.p(efd) + ") registration fails: -16"), r.printk());
    assertPosted(r, 0, 1, 0x41);
    assertEquals(Irte.Mode.REMAPPED, r.irte(1).mode());
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(r.fire(0)));
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (irqfd)"), arrivals(r.fire(1)));
    assertEquals(0, r.msix(1, -1));
    assertPosted(r, 0, 1, 0x41);
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(r.fire(0)));
    assertTrue(r.host.interrupts().anomalies().isEmpty());
    r.shutdownClean();
  }
}
