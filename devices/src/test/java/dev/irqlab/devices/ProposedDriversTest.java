package dev.irqlab.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.guest.Path;
import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.devices.irq.Irte;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import dev.irqlab.devices.kvm.KvmIrqfdArgs;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.Kernel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proposed driver changes against the test-only manager: KVM_IRQFD and VFIO_DEVICE_SET_IRQS
 * failing with a bypass registration's error and undoing what they did, and
 * KVM_IRQFD_FLAG_NO_IRQBYPASS; and the June 2026 x86 fix they depend on. A connect fails because
 * the IOMMU refuses to post ({@code irq_set_vcpu_affinity} fault injection).
 */
class ProposedDriversTest {
  private static final String PROPOSAL = "proposal-report-errors";

  private static Rig rig(DriverEra era) {
    return new Rig(Host.boot(new Kernel(), TestManager::new, era, HostSettings.defaults()));
  }

  private static List<String> arrivals(dev.irqlab.devices.guest.Interrupt i) {
    return i.deliveries().stream().map(Object::toString).toList();
  }

  private static void failNextPosting(Rig r) {
    r.host.kernel().faults().failNth(IrqDomain.SET_VCPU_AFFINITY, 1);
  }

  @Test
  void kvmIrqfdFailsWithTheConnectErrorAndLeavesNoIrqfd() {
    Rig r = Rig.testManager(PROPOSAL);
    int efd = r.eventfd();
    r.msiRoute(24, 1, 0x41);
    assertEquals(0, r.msix(0, efd));
    int refs = r.ctx(efd).refcount();
    List<KvmIrqRoutingEntry> routes = r.kvm().routing().entries(24);
    failNextPosting(r);
    assertEquals(-Errno.EINVAL, r.assign(efd, 24));
    assertEquals(List.of("register_producer(0000:01:00.0.msix0.producer) = 0", "register_consumer(vm0.irqfd.gsi24.consumer) = -EINVAL"),
        r.manager().calls());
    assertEquals(List.of(), r.kvm().irqfds(), "off the VM's list");
    assertEquals(List.of(), r.ctx(efd).waiters(), "off the eventfd's wait queue");
    assertEquals(refs, r.ctx(efd).refcount(), "the eventfd reference dropped");
    assertEquals(List.of(), r.liveOf("kvm_kernel_irqfd"));
    assertEquals(routes, r.kvm().routing().entries(24), "the routing untouched");
    assertEquals(List.of(), r.printk(), "returned, not logged");
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
    assertEquals(List.of("user space via qemu:fd" + efd + " (eventfd)"), arrivals(r.fire(0)));
    assertEquals(1, r.qemu.read(efd));
    assertEquals(0, r.assign(efd, 24), "the caller can try again");
    assertEquals(Irte.Mode.POSTED, r.irte(0).mode());
    r.shutdownClean();
  }

  /** An event pending at assign is injected once, by the flushed work, before the irqfd goes. */
  @Test
  void anEventPendingAtAFailedAssignIsInjectedOnce() {
    Rig r = Rig.testManager(PROPOSAL);
    int efd = r.eventfd();
    r.msiRoute(24, 1, 0x41);
    assertEquals(0, r.msix(0, efd));
    assertEquals(0, r.qemu.write(efd));
    failNextPosting(r);
    assertEquals(-Errno.EINVAL, r.assign(efd, 24));
    assertEquals("[vm0/vcpu1 vector 0x41 (irqfd)]", r.host.interrupts().unattributed().toString());
    assertEquals(0, r.ctx(efd).count(), "drained as irqfd_shutdown drains it");
    r.shutdownClean();
  }

  @Test
  void withoutTheChangeKvmIrqfdLogsAndSucceeds() {
    Rig r = Rig.testManager("v6.17-fix");
    int efd = r.eventfd();
    r.msiRoute(24, 1, 0x41);
    assertEquals(0, r.msix(0, efd));
    failNextPosting(r);
    assertEquals(0, r.assign(efd, 24));
    assertEquals(List.of("irq bypass consumer (eventfd " + r.p(efd) + ") registration fails: -22"), r.printk());
    assertEquals(1, r.kvm().irqfds().size());
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (irqfd)"), arrivals(r.fire(0)));
    r.shutdownClean();
  }

  /** The second vector of a block fails to connect: the block is rolled back and MSI-X disabled; the x86 hook keeps nothing. */
  @Test
  void vfioSetIrqsFailsWithTheConnectErrorAndRollsTheBlockBack() {
    Rig r = Rig.testManager(PROPOSAL);
    int other = r.eventfd();
    int efd = r.boundEventfd();
    failNextPosting(r);
    assertEquals(-Errno.EINVAL, r.msix(0, other, efd));
    assertEquals(List.of(
        "register_consumer(vm0.irqfd.gsi24.consumer) = 0",
        "register_producer(0000:01:00.0.msix0.producer) = 0",
        "register_producer(0000:01:00.0.msix1.producer) = -EINVAL",
        "unregister_producer(0000:01:00.0.msix0.producer) = done"), r.manager().calls());
    assertEquals(-1, r.nic.irqType(), "the enable path disables again");
    assertEquals(List.of(), r.liveOf("vfio_pci_irq_ctx"));
    assertEquals(2, r.ctx(efd).refcount(), "the file's and the irqfd's");
    assertEquals(1, r.ctx(other).refcount());
    assertEquals(List.of(), r.printk(), "returned, not logged");
    assertNull(r.kvm().irqfds().get(0).producer(), "the x86 hook cleared the producer it could not connect (ed446e8aa894)");
    r.msiRoute(24, 0, 0x42);
    assertEquals(List.of(), r.reports(), "a routing update finds no stale producer");
    assertEquals(0, r.msix(0, efd), "the caller can try again");
    assertEquals(Irte.Mode.POSTED, r.irte(0).mode());
    r.shutdownClean();
  }

  /**
   * "KVM: x86: Nullify irqfd->producer if updating IRTE for bypass fails" (ed446e8aa894,
   * https://lore.kernel.org/all/1782119051448443.14545.seg@mailgw.kylinos.cn/, CVE-2026-72283):
   * before it, the 6.17 hook keeps the producer of a failed connect in the irqfd, so a routing
   * update posts a vector the manager never connected, and once the vector's context is freed,
   * reads it from freed memory. Reporting the failure from VFIO frees the context at once, which
   * is why the proposal's era carries the fix. If this test fails, check {@code
   * X86IrqBypass617.addProducer}.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v6.17-fix", "v6.17-fix+X86_CLEARS_PRODUCER_ON_FAILURE", "v6.17-fix+VFIO_REPORTS_BYPASS_FAILURE", PROPOSAL})
  void nullifyIrqfdProducerIfUpdatingIrteForBypassFails(String id) {
    DriverEra era = id.contains("+") ? DriverEra.byId("v6.17-fix").with(DriverChange.valueOf(id.substring(id.indexOf('+') + 1))) : DriverEra.byId(id);
    Rig r = rig(era);
    int efd = r.boundEventfd();
    failNextPosting(r);
    int ret = r.msix(0, efd);
    boolean reported = era.has(DriverChange.VFIO_REPORTS_BYPASS_FAILURE);
    boolean fixed = era.has(DriverChange.X86_CLEARS_PRODUCER_ON_FAILURE);
    assertEquals(reported ? -Errno.EINVAL : 0, ret);
    assertEquals(fixed, r.kvm().irqfds().get(0).producer() == null);
    r.msiRoute(24, 0, 0x42);
    if (!reported) {
      assertEquals(fixed ? Irte.Mode.REMAPPED : Irte.Mode.POSTED, r.irte(0).mode(), "posted behind the manager's back");
      assertEquals(List.of(fixed ? "vm0/vcpu0 vector 0x42 (irqfd)" : "vm0/vcpu0 vector 0x42 (posted)"), arrivals(r.fire(0)));
      assertEquals(0, r.msix(0, -1));
      r.msiRoute(24, 1, 0x43);
    }
    List<String> kasan = r.reports(EventKind.KASAN).stream().map(e -> e.headline()).toList();
    assertEquals(fixed ? List.of() : List.of("[KASAN] BUG: KASAN: slab-use-after-free in kvmPiUpdateIrte"), kasan);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"deassign", "close eventfd", "destroy vm"})
  void noIrqBypassRegistersNoConsumerAndShutdownUnregistersNone(String path) {
    Rig r = Rig.testManager(PROPOSAL);
    int efd = r.eventfd();
    r.msiRoute(24, 1, 0x41);
    assertEquals(0, r.qemu.kvmIrqfd(r.vm, KvmIrqfdArgs.noIrqBypass(efd, 24)));
    assertEquals(0, r.msix(0, efd));
    assertEquals(List.of("register_producer(0000:01:00.0.msix0.producer) = 0"), r.manager().calls());
    assertEquals(List.of("vm0/vcpu1 vector 0x41 (irqfd)"), arrivals(r.fire(0)));
    assertEquals(1, r.ctx(efd).signals(), "through the eventfd");
    assertEquals(Irte.Mode.REMAPPED, r.irte(0).mode());
    int ret = switch (path) {
      case "deassign" -> r.deassign(efd, 24);
      case "close eventfd" -> r.qemu.close(efd);
      default -> r.qemu.close(r.vm);
    };
    assertEquals(0, ret);
    assertEquals(List.of("register_producer(0000:01:00.0.msix0.producer) = 0"), r.manager().calls(), "no unregister_consumer");
    assertEquals(List.of(), r.liveOf("kvm_kernel_irqfd"));
    r.shutdownClean();
  }

  /** Before the change the flag is unknown: {@code -EINVAL}, nothing allocated, no reference kept. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rfc-2015", "v4.4", "v5.9", "v6.5", "v6.16", "v6.16-eventfd", "v6.17", "v6.17-fix"})
  void theFlagIsUnknownWithoutTheChange(String era) {
    Rig r = Rig.testManager(era);
    int efd = r.eventfd();
    assertEquals(-Errno.EINVAL, r.qemu.kvmIrqfd(r.vm, KvmIrqfdArgs.noIrqBypass(efd, 24)));
    assertEquals(List.of(), r.liveOf("kvm_kernel_irqfd"));
    assertEquals(1, r.ctx(efd).refcount());
    assertEquals(List.of(), r.manager().calls());
  }

  @Test
  void theNextBitIsStillUnknownWithTheChange() {
    Rig r = Rig.testManager(PROPOSAL);
    int efd = r.eventfd();
    assertEquals(-Errno.EINVAL, r.qemu.kvmIrqfd(r.vm, new KvmIrqfdArgs(efd, 24, 1 << 3, 0)));
    assertEquals(0, r.qemu.kvmIrqfd(r.vm, new KvmIrqfdArgs(efd, 24, KvmIrqfdArgs.NO_IRQBYPASS, 0)));
    assertEquals(0, r.host.interrupts().count("vm0", 0, Path.POSTED));
    assertTrue(r.manager().calls().isEmpty());
  }
}
