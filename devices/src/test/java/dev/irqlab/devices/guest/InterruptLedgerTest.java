package dev.irqlab.devices.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptLedgerTest {
  private final Kernel kernel = new Kernel();
  private final List<Target> expected = new ArrayList<>();
  private final List<Runnable> deferred = new ArrayList<>();
  private final InterruptLedger ledger = new InterruptLedger(kernel, e -> List.copyOf(expected), () -> deferred.forEach(Runnable::run));
  private final Target vcpu0 = new Target.Vcpu("vm0", 0, 0x30);
  private final Target vcpu1 = new Target.Vcpu("vm0", 1, 0x30);
  private final EventfdCtx efd = named(EventfdCtx.create(kernel));

  private static EventfdCtx named(EventfdCtx ctx) {
    ctx.setName("qemu:fd3");
    return ctx;
  }

  private List<String> kinds(Interrupt i) {
    return i.anomalies().stream().map(a -> a.kind() + " " + a.target()).toList();
  }

  @Test
  void exactlyOnceWhereExpectedIsClean() {
    expected.add(vcpu0);
    Interrupt i = ledger.raise("dev", efd, () -> ledger.deliver(vcpu0, Path.POSTED));
    assertTrue(i.deliveredAsExpected());
    assertEquals(List.of(Path.POSTED), i.paths());
    assertEquals(1, ledger.count(vcpu0, Path.POSTED));
    assertEquals(1, ledger.count("vm0", 0, Path.POSTED));
  }

  @Test
  void lostMisroutedAndDuplicatedAreReportedAndLogged() {
    expected.add(vcpu0);
    assertEquals(List.of("LOST vm0/vcpu0 vector 0x30"), kinds(ledger.raise("a", efd, () -> {})));
    assertEquals(List.of("LOST vm0/vcpu0 vector 0x30", "MISROUTED vm0/vcpu1 vector 0x30"),
        kinds(ledger.raise("b", efd, () -> ledger.deliver(vcpu1, Path.POSTED))));
    assertEquals(List.of("DUPLICATED vm0/vcpu0 vector 0x30"), kinds(ledger.raise("c", efd, () -> {
      ledger.deliver(vcpu0, Path.POSTED);
      ledger.deliver(vcpu0, Path.IRQFD);
    })));
    assertEquals(4, ledger.anomalies().size());
    List<String> lines = kernel.log().events().stream().map(KernelEvent::message).toList();
    assertEquals("irqlab-guest: interrupt 3 (c): duplicated at vm0/vcpu0 vector 0x30 (expected 1, got 2)", lines.get(lines.size() - 1));
  }

  /**
   * An interrupt that signals a second eventfd (the guest's EOI signals a resample eventfd; vfio
   * sends INTx on) must also reach where that one leads, and is lost there when it does not.
   */
  @Test
  void aSecondEventfdSignalledInsideAnInterruptAddsWhereItLeads() {
    EventfdCtx resample = named(EventfdCtx.create(kernel));
    InterruptLedger chained = new InterruptLedger(kernel, e -> e == resample ? List.of(vcpu1) : List.of(), () -> {});
    Interrupt arrived = chained.raise("eoi", null, () -> {
      chained.signal(resample, "resample");
      chained.deliver(vcpu1, Path.IRQFD);
    });
    assertTrue(arrived.deliveredAsExpected(), arrived.toString());
    assertEquals(List.of("LOST vm0/vcpu1 vector 0x30"), kinds(chained.raise("eoi", null, () -> chained.signal(resample, "resample"))));
  }

  /** A posted arrival where a device's callback-less eventfd leads is told apart from a misrouted one. */
  @Test
  void postedPastAClearedCallbackIsItsOwnAnomaly() {
    expected.add(vcpu0);
    assertEquals(List.of("POSTED_WITHOUT_CALLBACK vm0/vcpu0 vector 0x30", "MISROUTED vm0/vcpu1 vector 0x30"),
        kinds(ledger.raiseWithoutCallback("vq", efd, () -> {
          ledger.deliver(vcpu0, Path.POSTED);
          ledger.deliver(vcpu1, Path.POSTED);
        })));
    assertEquals(List.of(), kinds(ledger.raiseWithoutCallback("vq", efd, () -> {})), "a remapped one is dropped: nothing expected");
  }

  @Test
  void deferredWorkCountsForTheInterrupt() {
    expected.add(vcpu0);
    deferred.add(() -> ledger.deliver(vcpu0, Path.IRQFD));
    assertTrue(ledger.raise("dev", efd, () -> {}).deliveredAsExpected());
  }

  @Test
  void userSpaceIsReachedWhenTheCounterRoseAndStayedUp() {
    expected.add(new Target.UserSpace("qemu:fd3"));
    Interrupt i = ledger.raise("dev", efd, efd::signal);
    assertEquals("[user space via qemu:fd3 (eventfd)]", i.deliveries().toString());
    Interrupt drained = ledger.raise("dev", efd, () -> {
      efd.signal();
      efd.read();
    });
    assertEquals(List.of("LOST user space via qemu:fd3"), kinds(drained));
  }

  @Test
  void aSoftwareSignalIsAnInterruptOfItsOwnUnlessOneIsOpen() {
    expected.add(new Target.UserSpace("qemu:fd3"));
    ledger.signal(efd, "write");
    assertEquals(1, ledger.history().size());
    ledger.raise("dev", efd, () -> ledger.signal(efd, "nested"));
    assertEquals(2, ledger.history().size());
    assertThrows(IllegalStateException.class, () -> ledger.raise("outer", null, () -> ledger.raise("inner", null, () -> {})));
  }

  @Test
  void deliveriesOutsideAnyInterruptAreKeptApart() {
    ledger.deliver(vcpu1, Path.IRQFD);
    assertEquals(List.of(new Delivery(0, vcpu1, Path.IRQFD)), ledger.unattributed());
    assertEquals(List.of(), ledger.anomalies());
  }
}
