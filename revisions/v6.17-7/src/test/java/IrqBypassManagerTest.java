package dev.irqlab.rev.v6_17_7;

import static dev.irqlab.kernel.Errno.EBUSY;
import static dev.irqlab.kernel.Errno.EINVAL;
import static dev.irqlab.kernel.Errno.EIO;
import static dev.irqlab.kernel.Errno.ENOMEM;
import static dev.irqlab.kernel.Errno.ENOSPC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelEvent;
import dev.irqlab.kernel.Oops;
import dev.irqlab.testkit.ApiFixture;
import dev.irqlab.testkit.ScriptedConsumer;
import dev.irqlab.testkit.ScriptedProducer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * v6.17-7 at the API level: callback order, return codes, reports, module references and what
 * stays registered. Expectations follow virt/lib/irqbypass.c at 8394b32faecd (Sean
 * Christopherson's v2 7/8): xarrays keyed by the eventfd; the callers still set {@code irq}.
 */
class IrqBypassManagerTest {
  private final ApiFixture fx = new ApiFixture(new Provider());
  private final Kernel kernel = fx.kernel();
  private final EventfdCtx efd0 = fx.eventfd();
  private final EventfdCtx efd1 = fx.eventfd();
  private final ScriptedProducer p0 = fx.producer();
  private final ScriptedProducer p1 = fx.producer();
  private final ScriptedConsumer c0 = fx.consumer();
  private final ScriptedConsumer c1 = fx.consumer();

  /** stop p, stop c, add_consumer, add_producer, start c, start p. */
  private static void verifyConnect(InOrder order, ScriptedProducer p, ScriptedConsumer c) {
    order.verify(p.stop).call(p.obj);
    order.verify(c.stop).call(c.obj);
    order.verify(p.add).call(p.obj, c.obj);
    order.verify(c.add).call(c.obj, p.obj);
    order.verify(c.start).call(c.obj);
    order.verify(p.start).call(p.obj);
  }

  /** stop p, stop c, del_producer, del_consumer, start c, start p. */
  private static void verifyDisconnect(InOrder order, ScriptedProducer p, ScriptedConsumer c) {
    order.verify(p.stop).call(p.obj);
    order.verify(c.stop).call(c.obj);
    order.verify(c.del).call(c.obj, p.obj);
    order.verify(p.del).call(p.obj, c.obj);
    order.verify(c.start).call(c.obj);
    order.verify(p.start).call(p.obj);
  }

  private void assertNoReports() {
    assertEquals(List.of(), fx.reportHeadlines());
  }

  /** The WARNING splats' sites, as {@code IrqBypassManager.java:123} lines. */
  private List<String> warningSites() {
    return fx.warnings().stream().map(KernelEvent::site).map(s -> s.method()).toList();
  }

  // ---------------------------------------------------------------- connect

  @Test
  void producerThenConsumerConnects() {
    assertEquals(0, fx.register(p0, efd0));
    assertEquals(0, fx.register(c0, efd0));
    InOrder order = fx.inOrder();
    verifyConnect(order, p0, c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertEquals(List.of("p0-c0"), fx.connections());
    assertEquals(0, fx.moduleRefcount());
    assertNoReports();
  }

  @Test
  void consumerThenProducerConnectsInTheSameOrder() {
    assertEquals(0, fx.register(c0, efd0));
    assertEquals(0, fx.register(p0, efd0));
    verifyConnect(fx.inOrder(), p0, c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0-c0"), fx.connections());
    assertEquals(0, fx.moduleRefcount());
    assertNoReports();
  }

  /** The callers set {@code irq} and, since 2b521d86ee80, no longer touch the token. */
  @Test
  void theIrqIsSetAndTheOldTokenFieldIsLeftAlone() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(ApiFixture.irqOf(p0), p0.obj.irq());
    assertEquals(0, p0.obj.token());
    assertEquals(0, c0.obj.token());
  }

  /** The callers set {@code irq} before they register, so it is set when the connect callbacks run. */
  @Test
  void theIrqIsAlreadySetWhenTheConnectCallbacksRun() {
    doAnswer(inv -> {
      assertEquals(ApiFixture.irqOf(p0), p0.obj.irq());
      return 0;
    }).when(c0.add).call(any(), any());
    fx.register(c0, efd0);
    assertEquals(0, fx.register(p0, efd0));
  }

  @Test
  void theRegistryIsInIndexOrder() {
    fx.register(p1, efd1);
    fx.register(p0, efd0);
    assertTrue(efd0.address() < efd1.address());
    assertEquals(List.of("p0@efd0", "p1@efd1"), fx.producers());
  }

  @Test
  void differentEventfdsDoNotConnect() {
    fx.register(p0, efd0);
    fx.register(c0, efd1);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of(), fx.connections());
  }

  // ---------------------------------------------------------------- connect failure

  @Test
  void addConsumerFailureRestartsBothAndErasesTheProducer() {
    fx.register(c0, efd0);
    p0.failAdd(ENOSPC);
    assertEquals(-ENOSPC, fx.register(p0, efd0));
    InOrder order = fx.inOrder();
    order.verify(p0.stop).call(p0.obj);
    order.verify(c0.stop).call(c0.obj);
    order.verify(p0.add).call(p0.obj, c0.obj);
    order.verify(c0.start).call(c0.obj);
    order.verify(p0.start).call(p0.obj);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of(), fx.producers());
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertEquals(List.of(), fx.connections());
    fx.unregister(c0); // never bound: no __disconnect
    fx.verifyNoMoreCallbacks();
    assertNoReports();
  }

  @Test
  void addProducerFailureUndoesAddConsumerRestartsBothAndErasesTheConsumer() {
    fx.register(p0, efd0);
    c0.failAdd(EIO);
    assertEquals(-EIO, fx.register(c0, efd0));
    InOrder order = fx.inOrder();
    order.verify(p0.stop).call(p0.obj);
    order.verify(c0.stop).call(c0.obj);
    order.verify(p0.add).call(p0.obj, c0.obj);
    order.verify(c0.add).call(c0.obj, p0.obj);
    order.verify(p0.del).call(p0.obj, c0.obj);
    order.verify(c0.start).call(c0.obj);
    order.verify(p0.start).call(p0.obj);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(List.of(), fx.consumers());
    assertEquals(List.of(), fx.connections());
    fx.unregister(p0); // never bound: no __disconnect
    fx.verifyNoMoreCallbacks();
    assertNoReports();
  }

  @Test
  void anObjectWhoseConnectFailedCanRegisterAgain() {
    fx.register(p0, efd0);
    c0.failAdd(EIO);
    fx.register(c0, efd0);
    c0.failAdd(0);
    assertEquals(0, fx.register(c0, efd0));
    assertEquals(List.of("p0-c0"), fx.connections());
  }

  // ---------------------------------------------------------------- duplicates

  @Test
  void aSecondProducerWithTheSameEventfdIsBusyButKeepsItsNewIrq() {
    fx.register(p0, efd0);
    assertEquals(-EBUSY, fx.register(p1, efd0));
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(ApiFixture.irqOf(p1), p1.obj.irq()); // written before the lock, never undone
    assertNoReports();
  }

  @Test
  void aSecondConsumerWithTheSameEventfdIsBusy() {
    fx.register(c0, efd0);
    assertEquals(-EBUSY, fx.register(c1, efd0));
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertNoReports();
  }

  /** The precondition {@code WARN_ON_ONCE(producer->eventfd)} stands for every re-registration. */
  @Test
  void theSameProducerTwiceWarnsOnceAndIsInvalidWithEitherEventfd() {
    fx.register(p0, efd0);
    assertEquals(-EINVAL, fx.register(p0, efd0));
    assertEquals(-EINVAL, fx.register(p0, efd1));
    assertEquals(List.of("irqBypassRegisterProducer"), warningSites());
    assertEquals(List.of("p0@efd0"), fx.producers());
  }

  /** Kevin Tian on v1 3/7: "the 2nd check 'tmp == consumer' is redundant"; the WARN covers it. */
  @Test
  void theSameConsumerTwiceWarnsOnceAndIsInvalidWithEitherEventfd() {
    fx.register(c0, efd0);
    assertEquals(-EINVAL, fx.register(c0, efd0));
    assertEquals(-EINVAL, fx.register(c0, efd1));
    assertEquals(List.of("irqBypassRegisterConsumer"), warningSites());
    assertEquals(List.of("c0@efd0"), fx.consumers());
  }

  // ---------------------------------------------------------------- NULL eventfd and callbacks

  /**
   * Nothing rejects a NULL eventfd: it is stored at index 0 and, since {@code eventfd} stays
   * NULL, unregistration returns at once and leaves it there.
   */
  @Test
  void aNullEventfdRegistersAtIndexZeroAndCannotBeUnregistered() {
    assertEquals(0, fx.register(p0, null));
    assertEquals(List.of("p0@NULL"), fx.producers());
    fx.unregister(p0);
    assertEquals(List.of("p0@NULL"), fx.producers());
    assertEquals(-EBUSY, fx.register(p1, null));
    assertNoReports();
  }

  /** A NULL producer left behind in the xarray is found by the next NULL consumer. */
  @Test
  void aProducerLeftAtIndexZeroIsUsedAfterItsDeviceFreesIt() {
    fx.register(p0, null);
    fx.unregister(p0);
    fx.free(p0);
    assertEquals(0, fx.register(c0, null));
    assertEquals(1, fx.events(EventKind.KASAN).size(), fx.reportHeadlines()::toString);
    assertTrue(fx.events(EventKind.KASAN).get(0).message().contains("use-after-free"));
  }

  @Test
  void aConsumerWithoutAddOrDelProducerIsInvalid() {
    c0.withoutCallbacks();
    assertEquals(-EINVAL, fx.register(c0, efd0));
    assertEquals(List.of(), fx.consumers());
    assertNoReports();
  }

  @Test
  void aProducerWithoutCallbacksConnects() {
    p0.withRequiredCallbacksOnly();
    c0.withRequiredCallbacksOnly();
    fx.register(p0, efd0);
    assertEquals(0, fx.register(c0, efd0));
    InOrder order = fx.inOrder();
    order.verify(c0.add).call(c0.obj, p0.obj);
    fx.unregister(p0);
    order.verify(c0.del).call(c0.obj, p0.obj);
    fx.verifyNoMoreCallbacks();
  }

  // ---------------------------------------------------------------- unregister

  @Test
  void unregisteringAConnectedProducerDisconnectsAndKeepsTheConsumer() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    fx.unregister(p0);
    InOrder order = fx.inOrder();
    verifyConnect(order, p0, c0);
    verifyDisconnect(order, p0, c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of(), fx.producers());
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertEquals(List.of(), fx.connections());
    assertNoReports();
  }

  @Test
  void unregisteringAConnectedConsumerDisconnectsAndKeepsTheProducer() {
    fx.register(c0, efd0);
    fx.register(p0, efd0);
    fx.unregister(c0);
    InOrder order = fx.inOrder();
    verifyConnect(order, p0, c0);
    verifyDisconnect(order, p0, c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(List.of(), fx.consumers());
  }

  @Test
  void aPartnerLeftBehindReconnectsToANewcomer() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    fx.unregister(c0);
    assertEquals(0, fx.register(c1, efd0));
    assertEquals(List.of("p0-c1"), fx.connections());
  }

  @Test
  void unregisteringUnconnectedObjectsRunsNoCallback() {
    fx.register(p0, efd0);
    fx.register(c0, efd1);
    fx.unregister(p0);
    fx.unregister(c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of(), fx.producers());
    assertEquals(List.of(), fx.consumers());
    assertNoReports();
  }

  @Test
  void unregisteringNeverRegisteredObjectsIsHarmless() {
    fx.unregister(p0);
    fx.unregister(c0);
    fx.verifyNoMoreCallbacks();
    assertNoReports();
  }

  @Test
  void unregisteringTwiceIsHarmlessAndTheObjectCanRegisterAgain() {
    fx.register(p0, efd0);
    fx.unregister(p0);
    fx.unregister(p0);
    assertEquals(0, fx.register(p0, efd1));
    assertEquals(List.of("p0@efd1"), fx.producers());
    assertNoReports();
  }

  /** The v6.17 kernel-doc: "it's safe to call this even if registration was unsuccessful". */
  @Test
  void unregisteringObjectsWhoseRegistrationFailedIsHarmless() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(-EBUSY, fx.register(p1, efd0));
    assertEquals(-EBUSY, fx.register(c1, efd0));
    fx.unregister(p1);
    fx.unregister(c1);
    verifyConnect(fx.inOrder(), p0, c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0-c0"), fx.connections());
    assertNoReports();
  }

  // ---------------------------------------------------------------- allocation failure

  @Test
  void anXarrayThatCannotGrowRefusesWithNoCallbacks() {
    fx.register(c0, efd0);
    kernel.faults().failAlways("kmalloc:xa_node");
    assertEquals(-ENOMEM, fx.register(p0, efd0));
    assertEquals(-ENOMEM, fx.register(c1, efd1));
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of(), fx.producers());
    assertEquals(List.of("c0@efd0"), fx.consumers());
    kernel.faults().clear("kmalloc:xa_node");
    assertEquals(0, fx.register(p0, efd0));
    assertEquals(List.of("p0-c0"), fx.connections());
  }

  // ---------------------------------------------------------------- module and context

  /** fa079a0616ed dropped THIS_MODULE get/put: nothing holds the module while objects are registered. */
  @Test
  void theModuleUnloadsWithObjectsRegisteredAndLeaksItsNodes() {
    fx.register(p0, efd0);
    fx.register(c0, efd1);
    assertEquals(0, fx.moduleRefcount());
    assertEquals(0, fx.bypass().unload());
    assertThrows(Oops.class, () -> fx.unregister(p0)); // its text is gone
    List<KernelEvent> leaks = kernel.memory().scanLeaks();
    assertTrue(leaks.stream().anyMatch(e -> e.details().get(0).contains("xa_node")), leaks::toString);
  }

  /** 07fbc83c0152 dropped might_sleep(): "mutex_lock() provides all of the necessary tracking". */
  @Test
  void registeringFromAtomicContextIsReportedByMutexLock() {
    try (Kernel.Scope atomic = kernel.enterAtomic()) {
      fx.register(p0, efd0);
    }
    var reports = fx.events(EventKind.SLEEP_IN_ATOMIC); // mutex_lock, then each GFP_KERNEL node
    assertTrue(reports.size() >= 1);
    assertEquals("irqBypassRegisterProducer", reports.get(0).site().method());
    assertTrue(fx.reports().get(0).kind() == EventKind.SLEEP_IN_ATOMIC);
  }

  @Test
  void callbacksRunUnderTheManagersLock() {
    doAnswer(inv -> {
      assertEquals(List.of("lock"), kernel.lockdep().heldLocks().stream().map(m -> m.name()).toList());
      return 0;
    }).when(c0.add).call(any(), any());
    fx.register(p0, efd0);
    assertEquals(0, fx.register(c0, efd0));
  }

  @Test
  void aCallbackThatRegistersAgainDeadlocksOnTheOneMutex() {
    doAnswer(inv -> fx.register(c1, efd1)).when(c0.add).call(any(), any());
    fx.register(p0, efd0);
    assertThrows(Oops.class, () -> fx.register(c0, efd0));
    assertEquals(1, fx.events(EventKind.LOCKDEP).size());
  }
}
