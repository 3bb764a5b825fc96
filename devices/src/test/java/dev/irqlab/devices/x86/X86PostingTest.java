package dev.irqlab.devices.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.HostSettings;
import dev.irqlab.devices.Rig;
import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.devices.irq.Irte;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import dev.irqlab.devices.kvm.MsiMessage;
import dev.irqlab.kernel.EventKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The x86 hooks, list era and 6.17, driven through VFIO and KVM with the test-only manager. */
class X86PostingTest {

  /** Wires MSI-X 0 to an irqfd on GSI 24 routed by {@code msi}; returns the rig. */
  private static Rig connected(String era, HostSettings settings, MsiMessage msi) {
    Rig r = Rig.testManager(era, settings);
    int efd = r.eventfd();
    r.route(KvmIrqRoutingEntry.msi(24, msi));
    assertEquals(0, r.assign(efd, 24));
    assertEquals(0, r.msix(0, efd));
    return r;
  }

  /** Posting needs a single destination and fixed or lowest-priority delivery. */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
    "v6.16, fixed, POSTED", "v6.17, fixed, POSTED",
    "v6.16, broadcast, REMAPPED", "v6.17, broadcast, REMAPPED",
    "v6.16, nmi, REMAPPED", "v6.17, nmi, REMAPPED",
    "v6.16, lowest-two, REMAPPED", "v6.17, lowest-one, POSTED",
  })
  void postingNeedsOnePostableDestination(String era, String kind, Irte.Mode mode) {
    MsiMessage msi = switch (kind) {
      case "fixed" -> MsiMessage.fixed(1, 0x41);
      case "broadcast" -> MsiMessage.broadcast(0x41);
      case "nmi" -> MsiMessage.nmi(1);
      case "lowest-two" -> MsiMessage.lowestPriority(0b11, 0x41);
      default -> MsiMessage.lowestPriority(0b10, 0x41);
    };
    Rig r = connected(era, HostSettings.defaults(), msi);
    assertEquals(1, r.host.bypass().snapshot().connections().size());
    assertEquals(mode, r.irte(0).mode());
    assertEquals(List.of(), r.fire(0).anomalies());
  }

  /** Without APICv the list-era consumer still connects (v5.9 always registers), but nothing is posted. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v5.9", "v6.16"})
  void withoutApicvNothingIsPosted(String era) {
    Rig r = connected(era, HostSettings.defaults().withApicv(false), MsiMessage.fixed(1, 0x41));
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
    assertEquals(era.equals("v5.9") ? 1 : 0, r.host.bypass().snapshot().connections().size());
    assertEquals(List.of(), r.fire(0).anomalies());
  }

  /** A failed IRTE update in add_producer fails the connect; the producer's line reports it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"v6.16, 'vmx_pi_update_irte: failed to update PI IRTE', token", "v6.17, '', eventfd"})
  void aFailedIrteUpdateFailsTheConnect(String era, String vmxLine, String key) {
    Rig r = Rig.testManager(era);
    int efd = r.boundEventfd();
    r.host.kernel().faults().failNth(IrqDomain.SET_VCPU_AFFINITY, 1);
    assertEquals(0, r.msix(0, efd));
    String vfio = "vfio-pci 0000:01:00.0: irq bypass producer (" + key + " " + r.p(efd) + ") registration fails: -22";
    assertEquals(vmxLine.isEmpty() ? List.of(vfio) : List.of(vmxLine, vfio), r.printk());
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
    assertEquals(List.of(), r.fire(0).anomalies());
  }

  /** A failed revert in del_producer is logged with the consumer's key. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"v6.16, token", "v6.17, eventfd"})
  void aFailedRevertIsLogged(String era, String key) {
    Rig r = Rig.testManager(era);
    int efd = r.wiredVector0();
    r.host.kernel().faults().failNth(IrqDomain.SET_VCPU_AFFINITY, 1);
    assertEquals(0, r.msix(0, -1));
    assertTrue(r.printk().contains("irq bypass consumer (" + key + " " + r.p(efd) + ") unregistration fails: -22"), r.printk().toString());
  }

  /** List era: a routing update whose IRTE update fails WARNs; 6.17 returns void and does not. */
  @ParameterizedTest(name = "{0}: warnings = {1}")
  @CsvSource({"v6.16, 1", "v6.17, 0"})
  void aFailedRoutingUpdate(String era, int warnings) {
    Rig r = Rig.testManager(era);
    r.wiredVector0();
    r.host.kernel().faults().failNth(IrqDomain.SET_VCPU_AFFINITY, 1);
    r.msiRoute(24, 0, 0x42);
    assertEquals(warnings, r.reports(EventKind.WARNING).size());
  }

  /** A routing update re-posts a connected irqfd, and only a connected one. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v6.16", "v6.17"})
  void aRoutingUpdateFollowsTheConnectedIrqfd(String era) {
    Rig r = Rig.testManager(era);
    r.wiredVector0();
    r.msiRoute(24, 0, 0x42);
    assertEquals("posted to vm0/vcpu0 vector 0x42", r.irte(0).toString());
    assertEquals(0, r.msix(0, -1));
    r.msiRoute(24, 1, 0x43);
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode(), "no producer: the hook is not called");
  }

  /** List era: removing the route of a posted GSI leaves the IRTE alone, with a one-time warning. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"v6.16, true", "v6.17, false"})
  void removingThePostedRoute(String era, boolean staysPosted) {
    Rig r = Rig.testManager(era);
    r.wiredVector0();
    r.unroute(24);
    assertEquals(staysPosted, r.irte(0).isPosted());
    assertEquals(0, r.msix(0, -1), "del_producer finds no route either");
    assertEquals(staysPosted, r.printk().contains("no route for guest_irq 24/0 (broken user space?)"), r.printk().toString());
  }

  /**
   * 6.17's deassign bug, then the VM goes away: the IRTE still posts to the freed vCPU, and the
   * next device interrupt is a use-after-free of the vCPU.
   */
  @ParameterizedTest(name = "{0}: use-after-free = {1}")
  @CsvSource({"v6.17, true", "v6.17-fix, false", "v6.16, false"})
  void aStaleIrteOutlivesItsVm(String era, boolean useAfterFree) {
    Rig r = Rig.testManager(era);
    int efd = r.wiredVector0();
    assertEquals(0, r.deassign(efd, 24));
    assertEquals(0, r.qemu.close(r.vm));
    r.fire(0);
    assertEquals(useAfterFree ? 1 : 0, r.reports(EventKind.KASAN).size());
    if (useAfterFree) {
      var report = r.reports(EventKind.KASAN).get(0);
      assertTrue(report.details().get(1).contains("vm0/vcpu1 (struct kvm_vcpu)"), report.render());
      assertTrue(report.details().get(3).contains("Kvm.destroy"), report.render());
    }
  }
}
