package dev.irqlab.devices;

import static dev.irqlab.devices.EndToEndVfioTest.anomalies;
import static dev.irqlab.devices.EndToEndVfioTest.arrivals;
import static dev.irqlab.devices.EndToEndVfioTest.assertPosted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.devices.irq.Irte;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import dev.irqlab.devices.kvm.MsiMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * KVM's x86 side of posting end to end, on the real revisions: which VM counts as having an
 * assigned device (the kvm-vfio binding, and since 2edd9cb79fb3 a connected producer), which
 * routing updates reach the IRTE ({@code kvm_arch_irqfd_route_changed}, 515a0c79e796 and
 * bcda70c56f3e), and what each kind of route does to a posted vector.
 */
class EndToEndKvmRoutingTest {

  /**
   * {@code vmx_update_pi_irte} does nothing in a VM without an assigned device. Before
   * 2edd9cb79fb3 only {@code KVM_DEV_VFIO_GROUP_ADD} made one, so a VMM that never bound the
   * group got the irqfd path although the manager connected both sides; binding it later posts
   * at the next routing update. Since v5.9 the connect itself counts; 6.17 no longer asks.
   */
  @ParameterizedTest(name = "{0} with {1} drivers, group bound: {2}, posted: {3}")
  @CsvSource({"v4.4, v4.4, true, true", "v4.4, v4.4, false, false", "v5.9, v5.9, false, true", "v6.17, v6.17, false, true"})
  void postingNeedsTheGroupBoundUntil59(String revision, String era, boolean bound, boolean posted) {
    Rig r = Rig.revision(revision, era);
    if (!bound) {
      r.unbindGroup();
    }
    int efd = r.wiredVector0();
    assertEquals(1, r.host.bypass().snapshot().connections().size(), "the manager connected both sides");
    if (posted) {
      assertPosted(r, 0, 1, 0x41);
      assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(r.fire(0)));
    } else {
      assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
      assertEquals(List.of("vm0/vcpu1 vector 0x41 (irqfd)"), arrivals(r.fire(0)));
      assertEquals(0, r.qemu.kvmVfioGroup(r.kvmVfio, r.dev, true), "the VMM binds the group late");
      assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode(), "GROUP_ADD touches no IRTE");
      r.msiRoute(24, 1, 0x41);
      assertPosted(r, 0, 1, 0x41);
    }
    assertEquals(0, r.msix(0, -1));
    assertEquals(0, r.deassign(efd, 24));
    r.shutdownClean();
  }

  /**
   * The VMM unbinds the group while the vector is posted, then deassigns the irqfd. With the v4.4
   * drivers the VM has no assigned device left, so {@code del_producer}'s {@code
   * vmx_update_pi_irte} returns before reverting and the IRTE stays posted after the disconnect;
   * since 2edd9cb79fb3 the connected producer still counts, and the IRTE is reverted.
   */
  @ParameterizedTest(name = "{0}: stays posted = {1}")
  @CsvSource({"v4.4, true", "v5.9, false"})
  void unbindingTheGroupWhilePosted(String revision, boolean staysPosted) {
    Rig r = Rig.revision(revision, revision);
    int efd = r.wiredVector0();
    r.unbindGroup();
    assertEquals(0, r.deassign(efd, 24));
    assertEquals(0, r.host.bypass().snapshot().connections().size());
    var i = r.fire(0);
    if (staysPosted) {
      assertPosted(r, 0, 1, 0x41);
      assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(i));
      assertEquals(List.of("LOST user space via qemu:fd" + efd, "MISROUTED vm0/vcpu1 vector 0x41"), anomalies(i));
    } else {
      assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
      assertEquals(List.of("user space via qemu:fd" + efd + " (eventfd)"), arrivals(i));
    }
  }

  /**
   * A posted GSI loses its route: since 515a0c79e796 a new route that is not MSI is a change, so
   * {@code KVM_SET_GSI_ROUTING} itself reaches {@code pi_update_irte}, which finds no route, warns
   * and leaves the IRTE posted.
   */
  @Test
  void aRouteRemovedWhilePostedIsAChange() {
    Rig r = Rig.revision("v6.16", "v6.16");
    r.wiredVector0();
    assertEquals(List.of(), r.printk());
    r.unroute(24);
    assertEquals(List.of("no route for guest_irq 24/0 (broken user space?)"), r.printk(), "at KVM_SET_GSI_ROUTING");
    assertPosted(r, 0, 1, 0x41);
  }

  /**
   * The irqfd of a GSI without a route keeps the old MSI with its type zeroed. A producer that
   * connects then posts nothing; routing the GSI back to the same MSI is no change to 515a0c79e796,
   * which compares only the MSI fields, so the vector stays remapped; bcda70c56f3e counts the type
   * change and posts.
   */
  @ParameterizedTest(name = "with bcda70c56f3e: {0}")
  @CsvSource({"true", "false"})
  void backToTheSameMsiPostsOnlyWithTheTypeCheck(boolean fix) {
    DriverEra v616 = DriverEra.byId("v6.16");
    Rig r = Rig.revision("v6.16", fix ? v616 : v616.without(DriverChange.KVM_ROUTE_TYPE_CHANGE_IS_CHANGE));
    int efd = r.eventfd();
    r.msiRoute(24, 1, 0x41);
    assertEquals(0, r.assign(efd, 24));
    r.unroute(24);
    assertEquals(0, r.msix(0, efd));
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode(), "connected without a route");
    r.msiRoute(24, 1, 0x41);
    if (fix) {
      assertPosted(r, 0, 1, 0x41);
      assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(r.fire(0)));
    } else {
      assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
      assertEquals(List.of("vm0/vcpu1 vector 0x41 (irqfd)"), arrivals(r.fire(0)));
    }
    assertEquals(0, r.msix(0, -1));
    assertEquals(0, r.deassign(efd, 24));
  }

  /**
   * A posted GSI routed to an IOAPIC pin: the list-era {@code pi_update_irte} skips routes that
   * are not MSI, so the vector stays posted to the old vCPU while the guest expects the pin; 6.17
   * reverts it, and the irqfd raises the pin.
   */
  @OnEachRevisionWithItsEra
  void aPostedGsiRoutedToAnIrqchipPin(String revision, String era) {
    Rig r = Rig.revision(revision, era);
    int efd = r.wiredVector0();
    r.route(KvmIrqRoutingEntry.irqchip(24, KvmIrqRoutingEntry.IOAPIC, 10));
    var i = r.fire(0);
    if (r.host.era().has(DriverChange.X86_IRQ_BYPASS_REWORK)) {
      assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
      assertEquals(List.of("vm0/ioapic pin 10 (irqfd)"), arrivals(i));
      assertEquals(List.of(), anomalies(i));
    } else {
      assertPosted(r, 0, 1, 0x41);
      assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(i));
      assertEquals(List.of("LOST vm0/ioapic pin 10", "MISROUTED vm0/vcpu1 vector 0x41"), anomalies(i));
    }
    assertEquals(0, r.msix(0, -1));
    assertEquals(0, r.deassign(efd, 24));
  }

  /**
   * MSIs with two destinations, fixed and lowest priority: a posted IRTE targets one vCPU, so both
   * eras revert to remapped and the irqfd delivers (to each destination; lowest priority to the
   * first, as this model arbitrates).
   */
  @OnEachRevisionWithItsEra
  void aPostedGsiRoutedToTwoVcpus(String revision, String era) {
    Rig r = Rig.revision(revision, era);
    int efd = r.wiredVector0();
    r.route(KvmIrqRoutingEntry.msi(24, MsiMessage.of(0b11, true, MsiMessage.DeliveryMode.FIXED, 0x41)));
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
    assertEquals(List.of("vm0/vcpu0 vector 0x41 (irqfd)", "vm0/vcpu1 vector 0x41 (irqfd)"), arrivals(r.fire(0)));
    r.route(KvmIrqRoutingEntry.msi(24, MsiMessage.lowestPriority(0b11, 0x42)));
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
    assertEquals(List.of("vm0/vcpu0 vector 0x42 (irqfd)"), arrivals(r.fire(0)));
    r.route(KvmIrqRoutingEntry.msi(24, MsiMessage.lowestPriority(0b10, 0x43)));
    assertPosted(r, 0, 1, 0x43);
    assertEquals(0, r.msix(0, -1));
    assertEquals(0, r.deassign(efd, 24));
    r.shutdownClean();
  }

  /**
   * Connecting with a route of two destinations: the list-era hook forces the IRTE to remapped
   * mode through the IOMMU, so an IOMMU that refuses fails the connect; 6.17 has nothing posted to
   * undo and does not call the IOMMU, so the connect succeeds.
   */
  @OnEachRevisionWithItsEra
  void connectingWithTwoDestinationsWhenTheIommuRefuses(String revision, String era) {
    Rig r = Rig.revision(revision, era);
    boolean e2 = r.host.era().has(DriverChange.X86_IRQ_BYPASS_REWORK);
    int efd = r.eventfd();
    r.route(KvmIrqRoutingEntry.msi(24, MsiMessage.lowestPriority(0b11, 0x41)));
    assertEquals(0, r.assign(efd, 24));
    r.host.kernel().faults().failNth(IrqDomain.SET_VCPU_AFFINITY, 1);
    assertEquals(0, r.msix(0, efd), "a failed connect does not fail VFIO_DEVICE_SET_IRQS");
    assertEquals(e2 ? 1 : 0, r.host.bypass().snapshot().connections().size());
    if (!e2) {
      String line = r.printk().get(0);
      assertTrue(line.startsWith("failed to back to remapped mode, irq: "), r.printk().toString());
    }
    assertEquals(List.of("vm0/vcpu0 vector 0x41 (irqfd)"), arrivals(r.fire(0)));
    assertEquals(0, r.msix(0, -1));
    assertEquals(0, r.deassign(efd, 24));
  }
}
