package dev.irqlab.devices;

import static dev.irqlab.devices.EndToEndVfioTest.anomalies;
import static dev.irqlab.devices.EndToEndVfioTest.arrivals;
import static dev.irqlab.devices.EndToEndVfioTest.assertPosted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Runner;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.Trace;
import dev.irqlab.devices.HostSettings.Arch;
import dev.irqlab.devices.irq.Irte;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KVM's arm64 consumer end to end: GICv4 maps the vector as a vLPI of the routed vCPU, the
 * connect halts and resumes the guest around it, and v5.9's missing start after a failed connect
 * freezes the guest.
 */
class EndToEndArm64Test {
  private static final HostSettings ARM64 = HostSettings.defaults().withArch(Arch.ARM64);

  /**
   * On v6.16 with its drivers, the vector is forwarded as a vLPI: the device interrupt reaches
   * vm0/vcpu1 without the eventfd, no vCPU is left halted, and the deassign unmaps it so the next
   * one is user space's again.
   */
  @Test
  void vlpiDeliveryLeavesTheEventfdAlone() {
    Rig r = Rig.revision("v6.16", "v6.16", ARM64);
    int efd = r.wiredVector0();
    assertPosted(r, 0, 1, 0x41);
    assertFalse(r.kvm().vcpu(0).paused() || r.kvm().vcpu(1).paused(), "a vCPU is still halted after the connect");
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (posted)"), arrivals(r.fire(0)));
    assertEquals(0, r.ctx(efd).signals(), "the eventfd was signalled");
    assertEquals(0, r.deassign(efd, 24));
    assertEquals(Irte.REMAPPED, r.irte(0));
    assertEquals(List.of(), anomalies(r.fire(0)));
    assertEquals(1, r.ctx(efd).signals());
    r.shutdownClean();
  }

  /** Without GICv4 ({@code posting=0}) the connect succeeds and maps nothing: the irqfd injects. */
  @Test
  void withoutGicV4TheIrqfdInjects() {
    Rig r = Rig.revision("v6.16", "v6.16", ARM64.withIommuPosting(false));
    r.wiredVector0();
    assertEquals(1, r.host.bypass().snapshot().connections().size());
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (irqfd)"), arrivals(r.fire(0)));
    r.shutdownClean();
  }

  /**
   * The suite's failed connect on arm64: every revision halts the guest in stop; v6.16 (the
   * revert's code) starts it again and the interrupt arrives through the irqfd; v5.9 does not, so
   * the guest takes nothing and the VM is destroyed halted.
   */
  @Test
  void aFailedConnectFreezesTheGuestOnlyOnV59() {
    Scenario s = Suite.standard().scenario("sys-arm64-connect-fails").orElseThrow();
    Trace fixed = Runner.run(s, revision("v6.16"), DriverEra.byId("v6.16"));
    assertEquals(List.of("vm0.irqfd(efd0).stop", "vm0.irqfd(efd0).add_producer", "vm0.irqfd(efd0).start"),
        fixed.step("assign").callbacks());
    assertEquals(List.of(), fixed.machine().anomalies());
    assertTrue(fixed.lines().contains("host: arch=arm64"), "the trace names its host");

    Trace frozen = Runner.run(s, revision("v5.9"), DriverEra.byId("v5.9"));
    assertEquals(List.of("vm0.irqfd(efd0).stop", "vm0.irqfd(efd0).add_producer"), frozen.step("assign").callbacks());
    assertEquals(List.of(
            "interrupt 1 (vfio-pci vfio0 MSI-X 0): halted at vm0/vcpu1 vector 0x41 (expected 1, got 0)",
            "vm0/vcpu0: left halted (vm0 destroyed while halted)",
            "vm0/vcpu1: left halted (vm0 destroyed while halted)"),
        frozen.machine().anomalies());

    Trace x86 = Runner.run(s.withHost(HostSettings.defaults()), revision("v5.9"), DriverEra.byId("v5.9"));
    assertEquals(List.of(), x86.machine().anomalies(), "x86's stop and start are no-ops");
  }

  private static dev.irqlab.spi.Revision revision(String id) {
    return RevisionLoader.load().stream().filter(r -> r.id().equals(id)).findFirst().map(LoadedRevision::revision).orElseThrow();
  }
}
