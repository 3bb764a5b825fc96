package dev.irqlab.devices;

import static dev.irqlab.devices.EndToEndVfioTest.anomalies;
import static dev.irqlab.devices.EndToEndVfioTest.arrivals;
import static dev.irqlab.devices.EndToEndVfioTest.assertPosted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irqlab.devices.guest.Path;
import dev.irqlab.devices.irq.Irte;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import dev.irqlab.devices.kvm.KvmIrqfdArgs;
import dev.irqlab.devices.kvm.MsiMessage;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * KVM's side end to end on the real revisions: one eventfd bound in two VMs, a host that cannot
 * post, and the caller-side bug VFIO fixed in v5.10.
 */
class EndToEndKvmTest {

  /**
   * An eventfd bound to irqfds in two VMs. The list era allows it: the second consumer cannot
   * register (one key per consumer), and from v5.11 the first irqfd, an exclusive priority
   * waiter, also takes every software signal, so the second VM is silently starved. 6.17 refuses
   * the second binding with {@code -EBUSY}.
   */
  @OnEachRevisionWithItsEra
  void oneEventfdBoundInTwoVms(String revision, String era) {
    Rig r = Rig.revision(revision, era);
    boolean unique = r.host.era().has(DriverChange.KVM_IRQFD_UNIQUE_BINDING);
    int efd = r.eventfd();
    int vm1 = r.qemu.createVm(2);
    r.msiRoute(24, 1, 0x41);
    assertEquals(0, r.qemu.kvmSetGsiRouting(vm1, List.of(KvmIrqRoutingEntry.msi(24, MsiMessage.fixed(0, 0x51)))));
    assertEquals(0, r.assign(efd, 24));
    assertEquals(0, r.msix(0, efd));
    int second = r.qemu.kvmIrqfd(vm1, KvmIrqfdArgs.assign(efd, 24));
    if (unique) {
      assertEquals(-Errno.EBUSY, second);
      assertEquals(List.of(), r.printk());
      assertEquals(List.of(), anomalies(r.fire(0)));
    } else {
      assertEquals(0, second);
      assertEquals(List.of("irq bypass consumer (token " + r.p(efd) + ") registration fails: -16"), r.printk());
      assertEquals(List.of("LOST vm1/vcpu0 vector 0x51"), anomalies(r.fire(0)));
      assertEquals(0, r.qemu.write(efd));
      assertEquals(List.of("LOST vm1/vcpu0 vector 0x51"), anomalies(r.host.interrupts().history().get(1)));
      assertEquals(0, r.host.interrupts().count("vm1", 0, Path.IRQFD), "vm1 never hears from the eventfd");
    }
    assertPosted(r, 0, 1, 0x41);
    assertEquals(1, r.host.interrupts().count("vm0", 1, Path.POSTED));
    r.shutdownClean();
  }

  /** Same VM, same eventfd: {@code -EBUSY} in every era. */
  @OnEachRevisionWithItsEra
  void oneEventfdTwiceInOneVm(String revision, String era) {
    Rig r = Rig.revision(revision, era);
    int efd = r.eventfd();
    assertEquals(0, r.assign(efd, 24));
    assertEquals(-Errno.EBUSY, r.assign(efd, 25));
    r.shutdownClean();
  }

  /**
   * A host whose IOMMU cannot post: from v6.5 {@code kvm_arch_has_irq_bypass()} is false, so no
   * consumer registers; every interrupt takes the irqfd path. Paired with v5.9-era drivers the
   * consumer registers and connects, but {@code pi_update_irte} leaves the IRTE remapped.
   */
  @ParameterizedTest(name = "{0} with {1} drivers: consumers = {2}")
  @CsvSource({"v6.16, v6.16, 0", "v6.17, v6.17, 0", "v6.16, v5.9, 1"})
  void hostWithoutPosting(String revision, String era, int consumers) {
    Rig r = Rig.revision(revision, era, HostSettings.withoutPosting());
    int efd = r.wiredVector0();
    assertEquals(consumers, r.host.bypass().snapshot().consumers().size());
    assertEquals(consumers, r.host.bypass().snapshot().connections().size());
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (irqfd)"), arrivals(r.fire(0)));
    assertEquals(1, r.ctx(efd).signals(), "the host handler signalled the eventfd");
    assertEquals(List.of(), r.printk());
    r.shutdownClean();
  }

  /**
   * "vfio/pci: Clear token on bypass registration failure" (852b1beecb6f, Oct 2020): without it,
   * the list-era manager unregisters a failed producer by its token, finds the other vector's
   * producer, disconnects the consumer from the wrong producer (a WARN in {@code del_producer})
   * and {@code list_del}s a node that was never added: "list_del corruption", as guomin chen
   * reported on RHEL. The posted vector stays posted with the irqfd thinking it has none. If this
   * test fails, check {@code VfioPciIntrs.registerProducer}.
   */
  @Test
  void v516ManagerWithV59VfioCorruptsTheListOnAFailedProducer() {
    Rig r = Rig.revision("v6.16", "v5.9");
    int efd = r.boundEventfd();
    assertEquals(0, r.msix(0, efd, efd));
    assertEquals(List.of("vfio-pci 0000:01:00.0: irq bypass producer (token " + r.p(efd) + ") registration fails: -16"), r.printk());
    assertEquals(0, r.msix(1, -1), "the ioctl never fails for bypass");
    assertEquals(1, r.reports(EventKind.WARNING).size(), "del_producer: irqfd->producer != prod");
    assertEquals(1, r.reports(EventKind.LIST_CORRUPTION).size());
    assertPosted(r, 0, 1, 0x41);
  }
}
