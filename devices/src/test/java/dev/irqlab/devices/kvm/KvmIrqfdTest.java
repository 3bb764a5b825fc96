package dev.irqlab.devices.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.HostSettings;
import dev.irqlab.devices.Rig;
import dev.irqlab.devices.guest.Path;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.EventfdCtx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** KVM_IRQFD and KVM_SET_GSI_ROUTING against the test-only manager, era by era. */
class KvmIrqfdTest {

  @Test
  void flagsAndDescriptorsAreChecked() {
    Rig r = Rig.testManager("v6.16");
    int efd = r.eventfd();
    assertEquals(-Errno.EINVAL, r.qemu.kvmIrqfd(r.vm, new KvmIrqfdArgs(efd, 24, 4, 0)), "unknown flag");
    assertEquals(-Errno.EBADF, r.assign(77, 24));
    assertEquals(-Errno.EINVAL, r.assign(r.dev, 24), "not an eventfd");
    assertEquals(-Errno.EBADF, r.qemu.kvmIrqfd(r.vm, KvmIrqfdArgs.resample(efd, 5, 77)));
    assertEquals(-Errno.EBADF, r.deassign(77, 24));
    assertEquals(0, r.deassign(efd, 24), "deassign returns 0 even when nothing matched");
    assertEquals(1, r.ctx(efd).refcount(), "failed assigns dropped their references");
    assertEquals(List.of(), r.liveOf("kvm_kernel_irqfd"));
  }

  @Test
  void theConsumerRegistersOnceTheIrqfdIsOnTheListAndTheWaitQueue() {
    Rig r = Rig.testManager("v6.16");
    int efd = r.eventfd();
    List<String> seen = new ArrayList<>();
    r.manager().onCall(call -> seen.add(call + " list=" + r.kvm().irqfds().size() + " waiters=" + r.ctx(efd).waiters().size()));
    assertEquals(0, r.assign(efd, 24));
    assertEquals(List.of("register_consumer list=1 waiters=1"), seen);
    KvmIrqfd irqfd = r.kvm().irqfds().get(0);
    assertEquals(r.ctx(efd).address(), r.host.bypass().snapshot().consumers().get(0).key());
    assertEquals(irqfd.consumer(), r.host.bypass().snapshot().consumers().get(0).object());
  }

  /** {@code kvm_arch_has_irq_bypass()} per era and host. */
  @ParameterizedTest(name = "{0}, apicv={1} posting={2} param={3}: consumers = {4}")
  @CsvSource({
    "rfc-2015, true, false, true, 1",
    "v5.9, true, false, true, 1",
    "v6.5, true, false, true, 0",
    "v6.5, false, true, true, 0",
    "v6.5, true, true, false, 1",
    "v6.16, true, true, false, 0",
    "v6.17, true, true, true, 1",
  })
  void consumerRegistrationDependsOnTheArch(String era, boolean apicv, boolean posting, boolean param, int consumers) {
    Rig r = Rig.testManager(era, new HostSettings(apicv, posting, param));
    assertEquals(0, r.assign(r.eventfd(), 24));
    assertEquals(consumers, r.host.bypass().snapshot().consumers().size());
  }

  /** Every path that ends an irqfd unregisters its consumer in {@code irqfd_shutdown} and frees it. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"deassign", "close eventfd", "destroy vm"})
  void everyShutdownPathUnregistersAndFrees(String path) {
    Rig r = Rig.testManager("v6.16");
    int efd = r.eventfd();
    assertEquals(0, r.assign(efd, 24));
    int ret = switch (path) {
      case "deassign" -> r.deassign(efd, 24);
      case "close eventfd" -> r.qemu.close(efd);
      default -> r.qemu.close(r.vm);
    };
    assertEquals(0, ret);
    assertEquals(List.of("register_consumer(vm0.irqfd.gsi24.consumer) = 0", "unregister_consumer(vm0.irqfd.gsi24.consumer) = done"), r.manager().calls());
    assertEquals(List.of(), r.liveOf("kvm_kernel_irqfd"));
    assertEquals(List.of(), r.reports());
  }

  /**
   * The 2015 stubs unregistered only in deassign: an irqfd ended by a VM destroy is freed while
   * registered, and the manager's next use of it is a use-after-free.
   */
  @Test
  void in2015AVmDestroyLeavesAFreedConsumerRegistered() {
    Rig r = Rig.testManager("rfc-2015");
    int efd = r.eventfd();
    assertEquals(0, r.assign(efd, 24));
    assertEquals(0, r.qemu.close(r.vm));
    assertEquals(List.of("register_consumer(vm0.irqfd.gsi24.consumer) = 0"), r.manager().calls());
    assertEquals(0, r.msix(0, efd));
    var kasan = r.reports(EventKind.KASAN);
    assertEquals(2, kasan.size(), "the consumer, then the irqfd the x86 hook reaches through it");
    assertTrue(kasan.get(0).details().get(1).contains("vm0.irqfd.gsi24.consumer"), kasan.get(0).render());
    assertTrue(kasan.get(1).details().get(1).contains("vm0.irqfd.gsi24 (struct kvm_kernel_irqfd)"), kasan.get(1).render());
  }

  /** Two VMs on one eventfd: both hear it (v5.9), the second is starved (v5.11+), or refused (6.17). */
  @ParameterizedTest(name = "{0}: second assign {1}, vm1 deliveries {2}")
  @CsvSource({"v5.9, 0, 1", "v6.16, 0, 0", "v6.17, -16, 0"})
  void oneEventfdInTwoVms(String era, int second, int vm1Deliveries) {
    Rig r = Rig.testManager(era);
    int efd = r.eventfd();
    int vm1 = r.qemu.createVm(1);
    assertEquals(0, r.assign(efd, 5));
    assertEquals(second, r.qemu.kvmIrqfd(vm1, KvmIrqfdArgs.assign(efd, 5)));
    assertEquals(0, r.qemu.write(efd));
    assertEquals(1, r.host.interrupts().count(new dev.irqlab.devices.guest.Target.Irqchip("vm0", "ioapic", 5), Path.IRQFD));
    assertEquals(vm1Deliveries, r.host.interrupts().count(new dev.irqlab.devices.guest.Target.Irqchip("vm1", "ioapic", 5), Path.IRQFD));
    assertEquals(List.of(), r.host.interrupts().anomalies().stream().filter(a -> a.kind() != dev.irqlab.devices.guest.Anomaly.Kind.LOST).toList());
  }

  @Test
  void aResampleIrqfdSignalsItsResamplefdWhenTheGuestAcks() {
    Rig r = Rig.testManager("v6.16");
    int efd = r.eventfd();
    int resample = r.eventfd();
    assertEquals(0, r.qemu.kvmIrqfd(r.vm, KvmIrqfdArgs.resample(efd, 10, resample)));
    assertEquals(0, r.qemu.write(efd));
    assertEquals(1, r.host.interrupts().count(new dev.irqlab.devices.guest.Target.Irqchip("vm0", "ioapic", 10), Path.IRQFD));
    assertEquals(0, r.ctx(resample).signals(), "the line stays high until the guest's EOI");
    r.kvm().eoi(10);
    assertEquals(1, r.ctx(resample).signals());
    assertEquals(0, r.deassign(efd, 10));
    assertEquals(List.of(), r.liveOf("resampler"));
    assertEquals(1, r.ctx(resample).refcount());
  }

  @Test
  void anEventPendingAtAssignIsInjected() {
    Rig r = Rig.testManager("v6.16");
    int efd = r.eventfd();
    r.msiRoute(24, 0, 0x30);
    assertEquals(0, r.qemu.write(efd));
    assertEquals(0, r.assign(efd, 24));
    assertEquals("[vm0/vcpu0 vector 0x30 (irqfd)]", r.host.interrupts().unattributed().toString());
  }

  @Test
  void gsiRoutingIsValidated() {
    Rig r = Rig.testManager("v6.16");
    MsiMessage m = MsiMessage.fixed(0, 0x30);
    assertEquals(-Errno.EINVAL, r.qemu.kvmSetGsiRouting(r.vm, List.of(KvmIrqRoutingEntry.msi(4096, m))));
    assertEquals(-Errno.EINVAL, r.qemu.kvmSetGsiRouting(r.vm, List.of(KvmIrqRoutingEntry.irqchip(1, KvmIrqRoutingEntry.IOAPIC, 24))));
    assertEquals(-Errno.EINVAL, r.qemu.kvmSetGsiRouting(r.vm, List.of(KvmIrqRoutingEntry.msi(1, m), KvmIrqRoutingEntry.msi(1, m))));
    assertEquals(-Errno.EINVAL, r.qemu.kvmSetGsiRouting(r.vm, List.of(KvmIrqRoutingEntry.none(1))));
    assertEquals(0, r.qemu.kvmSetGsiRouting(r.vm, List.of(
        KvmIrqRoutingEntry.irqchip(1, KvmIrqRoutingEntry.PIC_MASTER, 1), KvmIrqRoutingEntry.irqchip(1, KvmIrqRoutingEntry.IOAPIC, 1))));
    assertEquals(2, r.kvm().routing().entries(1).size());
  }

  /** The irqfd's snapshot: the GSI's route when it has exactly one, else type 0. */
  @Test
  void theIrqfdSnapshotsASingleRoute() {
    Rig r = Rig.testManager("v6.16");
    int efd = r.boundEventfd();
    EventfdCtx ctx = r.ctx(efd);
    assertEquals(ctx, r.kvm().irqfds().get(0).eventfd());
    assertTrue(r.kvm().irqfds().get(0).irqEntry().isMsi());
    r.unroute(24);
    assertEquals(KvmIrqRoutingEntry.Type.NONE, r.kvm().irqfds().get(0).irqEntry().type());
  }
}
