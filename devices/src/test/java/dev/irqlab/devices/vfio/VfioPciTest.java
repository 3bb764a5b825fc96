package dev.irqlab.devices.vfio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.Rig;
import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.devices.user.Process;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.EventfdCtx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** VFIO-PCI's interrupt ioctls against the test-only manager, era by era. */
class VfioPciTest {

  @Test
  void theProducerIsRegisteredAfterRequestIrqWithTheTriggerAndTheVectorsIrq() {
    Rig r = Rig.testManager("v6.16");
    List<List<String>> handlersAtRegister = new ArrayList<>();
    r.manager().onCall(call -> handlersAtRegister.add(r.host.irqs().handlers(r.nic.hostIrq(VfioIrqSet.MSIX, 0))));
    int efd = r.qemu.eventfd();
    assertEquals(0, r.msix(0, efd));
    assertEquals(List.of(List.of("vfio-msix[0](0000:01:00.0)")), handlersAtRegister);
    var registration = r.host.bypass().snapshot().producers().get(0);
    assertEquals(r.qemu.eventfdCtx(efd).address(), registration.key());
    assertEquals(r.nic.hostIrq(VfioIrqSet.MSIX, 0), registration.object().irq());
    assertEquals(r.qemu.eventfdCtx(efd), r.nic.trigger(VfioIrqSet.MSIX, 0));
  }

  /** d567fb881916 (Dec 2019): unregister before {@code free_irq}; v4.4 freed the IRQ first. */
  @ParameterizedTest(name = "{0}: handlers at unregister = {1}")
  @CsvSource({"v4.4, 0", "v5.9, 1", "v6.17, 1"})
  void teardownOrder(String era, int handlersLeft) {
    Rig r = Rig.testManager(era);
    int efd = r.qemu.eventfd();
    assertEquals(0, r.msix(0, efd));
    int irq = r.nic.hostIrq(VfioIrqSet.MSIX, 0);
    List<Integer> seen = new ArrayList<>();
    r.manager().onCall(call -> seen.add(r.host.irqs().handlers(irq).size()));
    assertEquals(0, r.msix(0, -1));
    assertEquals(List.of(handlersLeft), seen);
  }

  /**
   * One eventfd on two vectors: the second registration fails; how each era reports and cleans
   * up. The test manager writes the token as the list-era revisions do; only the v5.10 to v6.16
   * drivers clear it again.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "rfc-2015, '', true",
    "v5.9, 'vfio-pci 0000:01:00.0: irq bypass producer (token %s) registration fails: -16', true",
    "v6.16, 'vfio-pci 0000:01:00.0: irq bypass producer (token %s) registration fails: -16', false",
    "v6.17, 'vfio-pci 0000:01:00.0: irq bypass producer (eventfd %s) registration fails: -16', true",
  })
  void aFailedRegistrationIsLoggedAndSwallowed(String era, String line, boolean tokenKept) {
    Rig r = Rig.testManager(era);
    int efd = r.qemu.eventfd();
    EventfdCtx ctx = r.qemu.eventfdCtx(efd);
    assertEquals(0, r.msix(0, efd, efd));
    List<String> expected = line.isEmpty() ? List.of() : List.of(String.format(line, r.host.kernel().hashedPointer(ctx.address())));
    assertEquals(expected, r.printk());
    long token = r.nic.ctx(1).producer().token();
    assertEquals(tokenKept, token == ctx.address(), "token after the failure: " + Long.toHexString(token));
    assertEquals(ctx, r.nic.trigger(VfioIrqSet.MSIX, 1), "the vector works without bypass");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v5.9", "v6.16"})
  void dataNoneWithCountZeroDisablesEverything(String era) {
    Rig r = Rig.testManager(era);
    int a = r.qemu.eventfd();
    int b = r.qemu.eventfd();
    assertEquals(0, r.msix(0, a, b));
    int irq = r.nic.hostIrq(VfioIrqSet.MSIX, 1);
    assertEquals(0, r.qemu.vfioSetIrqs(r.dev, VfioIrqSet.disable(VfioIrqSet.MSIX)));
    assertEquals(-1, r.nic.irqType());
    assertFalse(r.host.irqs().isAllocated(irq), "pci_free_irq_vectors");
    assertEquals(0, r.host.bypass().snapshot().producers().size());
    assertEquals(1, r.qemu.eventfdCtx(a).refcount(), "the trigger reference is dropped");
    assertEquals(List.of(), r.liveOf("vfio_pci_irq_ctx"));
  }

  @Test
  void closingTheDeviceDisablesItsInterrupts() {
    Rig r = Rig.testManager("v6.16");
    int efd = r.qemu.eventfd();
    assertEquals(0, r.msix(0, efd));
    assertEquals(0, r.qemu.close(r.dev));
    assertEquals(-1, r.nic.irqType());
    assertEquals(List.of("register_producer(0000:01:00.0.msix0.producer) = 0", "unregister_producer(0000:01:00.0.msix0.producer) = done"), r.manager().calls());
  }

  @Test
  void loopbackTriggersSignalTheTriggers() {
    Rig r = Rig.testManager("v6.16");
    int a = r.qemu.eventfd();
    int b = r.qemu.eventfd();
    assertEquals(0, r.msix(0, a, b));
    assertEquals(0, r.qemu.vfioSetIrqs(r.dev, VfioIrqSet.loopback(VfioIrqSet.MSIX, 0, 2)));
    assertEquals(0, r.qemu.vfioSetIrqs(r.dev, VfioIrqSet.loopback(VfioIrqSet.MSIX, 0, false, true)));
    assertEquals(List.of(1L, 2L), List.of(r.qemu.eventfdCtx(a).signals(), r.qemu.eventfdCtx(b).signals()));
    assertEquals("vfio-pci 0000:01:00.0 MSI-X 1 loopback", r.host.interrupts().history().get(2).source());
  }

  @Test
  void badArgumentsGetTheKernelsErrno() {
    Rig r = Rig.testManager("v6.16");
    Process q = r.qemu;
    int efd = q.eventfd();
    assertEquals(-Errno.EBADF, r.msix(0, 42));
    assertEquals(-Errno.EINVAL, r.msix(0, r.dev), "not an eventfd");
    assertEquals(-Errno.EINVAL, r.msix(3, efd, efd), "start + count beyond the table");
    assertEquals(-Errno.EINVAL, q.vfioSetIrqs(r.dev, VfioIrqSet.loopback(VfioIrqSet.MSIX, 0, 1)), "loopback before enable");
    assertEquals(-Errno.EINVAL, q.vfioSetIrqs(r.dev, new VfioIrqSet(VfioIrqSet.DATA_EVENTFD | VfioIrqSet.ACTION_TRIGGER, VfioIrqSet.MSIX, 0, 2, List.of(efd))), "short argsz");
    assertEquals(-Errno.EINVAL, q.vfioSetIrqs(r.dev, new VfioIrqSet(VfioIrqSet.DATA_NONE | VfioIrqSet.DATA_BOOL | VfioIrqSet.ACTION_TRIGGER, VfioIrqSet.MSIX, 0, 1, List.of(1))));
    assertEquals(-Errno.EINVAL, q.vfioSetIrqs(r.dev, VfioIrqSet.disable(VfioIrqSet.ERR)), "ERR and REQ are not modelled: no vectors");
    assertEquals(-Errno.ENOTTY, q.vfioSetIrqs(r.dev, new VfioIrqSet(VfioIrqSet.DATA_NONE | VfioIrqSet.ACTION_MASK, VfioIrqSet.MSIX, 0, 1, List.of())));
    assertEquals(-Errno.ENOTTY, q.vfioSetIrqs(efd, VfioIrqSet.disable(VfioIrqSet.MSIX)), "not a VFIO device");
    assertEquals(-Errno.EBADF, q.vfioSetIrqs(99, VfioIrqSet.disable(VfioIrqSet.MSIX)));
    assertEquals(0, r.msix(0, efd));
    assertEquals(-Errno.EINVAL, q.vfioSetIrqs(r.dev, VfioIrqSet.eventfds(VfioIrqSet.MSI, 0, efd)), "MSI while MSI-X is on");
    assertEquals(-Errno.EINVAL, q.vfioSetIrqs(r.dev, VfioIrqSet.eventfds(VfioIrqSet.INTX, 0, efd)), "INTx while MSI-X is on");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v5.9", "v6.16"})
  void aRequestIrqFailureRollsTheBlockBack(String era) {
    Rig r = Rig.testManager(era);
    int a = r.qemu.eventfd();
    int b = r.qemu.eventfd();
    r.host.kernel().faults().failNth(IrqDomain.REQUEST_IRQ, 2);
    assertEquals(-Errno.ENOMEM, r.msix(0, a, b));
    assertEquals(-1, r.nic.irqType(), "the enable path disables again");
    assertEquals(List.of("register_producer(0000:01:00.0.msix0.producer) = 0", "unregister_producer(0000:01:00.0.msix0.producer) = done"),
        r.manager().calls());
    assertEquals(1, r.qemu.eventfdCtx(a).refcount());
    assertEquals(1, r.qemu.eventfdCtx(b).refcount());
  }

  /** Dynamic MSI-X (v6.5): a vector beyond the enabled block is allocated on demand; before, -EINVAL. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"v5.9, -22", "v6.16, 0"})
  void aVectorBeyondTheEnabledBlock(String era, int ret) {
    Rig r = Rig.testManager(era);
    int efd = r.qemu.eventfd();
    int other = r.qemu.eventfd();
    assertEquals(0, r.msix(0, efd));
    assertEquals(ret, r.msix(3, other));
  }

  /** Per-vector contexts are freed with their vector: a manager that keeps the producer is caught. */
  @Test
  void aManagerKeepingAFreedProducerIsAUseAfterFree() {
    Rig r = Rig.testManager("v6.16");
    int efd = r.qemu.eventfd();
    assertEquals(0, r.msix(0, efd));
    r.manager().forgetUnregisters();
    assertEquals(0, r.msix(0, -1));
    assertEquals(0, r.qemu.kvmIrqfd(r.vm, dev.irqlab.devices.kvm.KvmIrqfdArgs.assign(efd, 24)));
    assertEquals(1, r.host.kernel().log().events(EventKind.KASAN).size());
    var report = r.host.kernel().log().events(EventKind.KASAN).get(0);
    assertTrue(report.details().get(1).contains("0000:01:00.0.msix0.producer (struct irq_bypass_producer)"), report.render());
    assertTrue(report.details().get(3).contains("VfioPciIntrs.msiSetVectorSignal"), report.render());
  }

  /** Only the 2015 prototype's stubs register an INTx producer, after request_irq. */
  @ParameterizedTest(name = "{0}: producers = {1}")
  @CsvSource({"rfc-2015, 1", "v4.4, 0", "v6.17, 0"})
  void intxRegistersAProducerOnlyIn2015(String era, int producers) {
    Rig r = Rig.testManager(era);
    int efd = r.qemu.eventfd();
    assertEquals(0, r.qemu.vfioSetIrqs(r.dev, VfioIrqSet.eventfds(VfioIrqSet.INTX, 0, efd)));
    assertEquals(producers, r.host.bypass().snapshot().producers().size());
    assertEquals(List.of("vfio-intx(0000:01:00.0)"), r.host.irqs().handlers(r.nic.intxIrq()));
    assertEquals(1, r.nic.fire(VfioIrqSet.INTX, 0).deliveries().size(), "to the eventfd's reader");
    assertEquals(0, r.qemu.vfioSetIrqs(r.dev, VfioIrqSet.disable(VfioIrqSet.INTX)));
    assertEquals(0, r.host.bypass().snapshot().producers().size());
    assertEquals(List.of(), r.liveOf("vfio_pci_irq_ctx"));
  }
}
