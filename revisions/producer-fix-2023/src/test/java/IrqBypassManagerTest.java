package dev.irqlab.rev.producer_fix_2023;

import static dev.irqlab.kernel.Errno.EBUSY;
import static dev.irqlab.kernel.Errno.EINVAL;
import static dev.irqlab.kernel.Errno.EIO;
import static dev.irqlab.kernel.Errno.ENODEV;
import static dev.irqlab.kernel.Errno.ENOSPC;
import static dev.irqlab.kernel.Errno.EWOULDBLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Oops;
import dev.irqlab.testkit.ApiFixture;
import dev.irqlab.testkit.ScriptedConsumer;
import dev.irqlab.testkit.ScriptedProducer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * producer-fix-2023 at the API level: v6.16's behaviour, callback order, return codes, reports,
 * module references and what stays registered, with producers found by identity on unregister.
 * Expectations follow the patch as posted (lore 20230801085408.69597-1-likexu@tencent.com).
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
    assertEquals(2, fx.moduleRefcount());
    assertNoReports();
  }

  @Test
  void consumerThenProducerConnectsInTheSameOrder() {
    assertEquals(0, fx.register(c0, efd0));
    assertEquals(0, fx.register(p0, efd0));
    verifyConnect(fx.inOrder(), p0, c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0-c0"), fx.connections());
    assertEquals(2, fx.moduleRefcount());
    assertNoReports();
  }

  @Test
  void theCallersSetTokenAndIrqBeforeRegistering() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(efd0.address(), p0.obj.token());
    assertEquals(ApiFixture.irqOf(p0), p0.obj.irq());
    assertEquals(efd0.address(), c0.obj.token());
  }

  @Test
  void newEntriesGoToTheHeadOfTheList() {
    fx.register(p0, efd0);
    fx.register(p1, efd1);
    assertEquals(List.of("p1@efd1", "p0@efd0"), fx.producers());
  }

  @Test
  void differentTokensDoNotConnect() {
    fx.register(p0, efd0);
    fx.register(c0, efd1);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of(), fx.connections());
  }

  // ---------------------------------------------------------------- connect failure

  @Test
  void addConsumerFailureRestartsBothAndLeavesTheProducerOut() {
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
    assertEquals(1, fx.moduleRefcount());
    assertNoReports();
  }

  @Test
  void addProducerFailureUndoesAddConsumerRestartsBothAndLeavesTheConsumerOut() {
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
    assertEquals(1, fx.moduleRefcount());
    assertNoReports();
  }

  @Test
  void aConsumerWhoseConnectFailedCanRegisterAgain() {
    fx.register(p0, efd0);
    c0.failAdd(EIO);
    fx.register(c0, efd0);
    c0.failAdd(0);
    assertEquals(0, fx.register(c0, efd0));
    assertEquals(List.of("p0-c0"), fx.connections());
    assertEquals(2, fx.moduleRefcount());
  }

  // ---------------------------------------------------------------- duplicates

  @Test
  void aSecondProducerWithTheSameTokenIsBusy() {
    fx.register(p0, efd0);
    assertEquals(-EBUSY, fx.register(p1, efd0));
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(1, fx.moduleRefcount());
  }

  @Test
  void aSecondConsumerWithTheSameTokenIsBusy() {
    fx.register(c0, efd0);
    assertEquals(-EBUSY, fx.register(c1, efd0));
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertEquals(1, fx.moduleRefcount());
  }

  @Test
  void theSameProducerTwiceWithTheSameTokenIsBusy() {
    fx.register(p0, efd0);
    assertEquals(-EBUSY, fx.register(p0, efd0));
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(1, fx.moduleRefcount());
    assertNoReports();
  }

  /**
   * The caller writes the new token into the registered struct before calling, so the walk finds
   * the struct itself under the new token: -EBUSY, but the registered producer now carries a
   * token its consumer does not have, and unregistering it no longer finds that consumer.
   */
  @Test
  void theSameProducerTwiceWithAnotherTokenIsBusyButItsTokenIsOverwritten() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(-EBUSY, fx.register(p0, efd1));
    assertEquals(List.of("p0@efd1"), fx.producers());
    assertEquals(List.of(), fx.connections());
    fx.unregister(p0);
    verifyConnect(fx.inOrder(), p0, c0);
    fx.verifyNoMoreCallbacks(); // no __disconnect: c0 still holds p0 as its producer
    assertEquals(List.of(), fx.producers());
    assertEquals(1, fx.moduleRefcount());
  }

  @Test
  void theSameConsumerTwiceIsBusyWithEitherToken() {
    fx.register(c0, efd0);
    assertEquals(-EBUSY, fx.register(c0, efd0));
    assertEquals(-EBUSY, fx.register(c0, efd1));
    assertEquals(List.of("c0@efd1"), fx.consumers());
    assertEquals(1, fx.moduleRefcount());
  }

  // ---------------------------------------------------------------- NULL token and callbacks

  @Test
  void aNullTokenIsInvalidBeforeAnythingElse() {
    try (Kernel.Scope atomic = kernel.enterAtomic()) {
      assertEquals(-EINVAL, fx.register(p0, null));
      assertEquals(-EINVAL, fx.register(c0, null));
    }
    fx.unregister(p0);
    fx.unregister(c0);
    assertEquals(0, fx.moduleRefcount());
    assertNoReports(); // returned before might_sleep()
  }

  @Test
  void aConsumerWithoutAddOrDelProducerIsInvalid() {
    c0.withoutCallbacks();
    assertEquals(-EINVAL, fx.register(c0, efd0));
    assertEquals(List.of(), fx.consumers());
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
    assertEquals(1, fx.moduleRefcount());
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
    assertEquals(1, fx.moduleRefcount());
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
    assertEquals(0, fx.moduleRefcount());
    assertNoReports();
  }

  @Test
  void unregisteringNeverRegisteredObjectsIsHarmlessWhenNoOneHasTheirToken() {
    p0.obj.setToken(efd0.address());
    c0.obj.setToken(efd0.address());
    fx.unregister(p0);
    fx.unregister(c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(0, fx.moduleRefcount());
    assertNoReports();
  }

  @Test
  void unregisteringTwiceIsHarmless() {
    fx.register(p0, efd0);
    fx.register(c0, efd1);
    fx.unregister(p0);
    fx.unregister(c0);
    fx.unregister(p0);
    fx.unregister(c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(0, fx.moduleRefcount());
    assertNoReports();
  }

  /**
   * The patch's point: unregister_producer walks the list for the producer itself, so
   * unregistering one whose registration failed finds nothing and touches nothing (before it,
   * the registered producer with the same token was found, the pair was disconnected for the
   * caller's struct and its unlinked node list_del()ed).
   */
  @Test
  void unregisteringAProducerWhoseRegistrationFailedIsHarmless() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(-EBUSY, fx.register(p1, efd0));
    fx.unregister(p1);
    verifyConnect(fx.inOrder(), p0, c0);
    fx.verifyNoMoreCallbacks();
    assertNoReports();
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(List.of("p0-c0"), fx.connections());
    assertEquals(2, fx.moduleRefcount());
  }

  /** 4f3dbdf47e15 "KVM: eventfd: fix NULL deref irqbypass consumer": consumers by identity. */
  @Test
  void unregisteringAConsumerWhoseRegistrationFailedIsHarmless() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(-EBUSY, fx.register(c1, efd0));
    fx.unregister(c1);
    verifyConnect(fx.inOrder(), p0, c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0-c0"), fx.connections());
    assertEquals(2, fx.moduleRefcount());
    assertNoReports();
  }

  // ---------------------------------------------------------------- module and context

  @Test
  void theModuleCannotBeUnloadedWhileObjectsAreRegistered() {
    fx.register(p0, efd0);
    fx.register(c0, efd1);
    assertEquals(-EWOULDBLOCK, fx.bypass().unload());
    fx.unregister(p0);
    fx.unregister(c0);
    assertEquals(0, fx.bypass().unload());
    assertThrows(Oops.class, () -> fx.register(p1, efd0)); // its text is gone
  }

  @Test
  void aGoingModuleRefusesRegistrationAndIgnoresUnregistration() {
    fx.register(p0, efd0);
    kernel.faults().failAlways(Module.TRY_MODULE_GET);
    assertEquals(-ENODEV, fx.register(c0, efd0));
    fx.unregister(p0);
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(1, fx.moduleRefcount());
  }

  @Test
  void registeringFromAtomicContextIsReportedByMightSleep() {
    try (Kernel.Scope atomic = kernel.enterAtomic()) {
      fx.register(p0, efd0);
    }
    var reports = fx.events(EventKind.SLEEP_IN_ATOMIC);
    assertTrue(reports.size() >= 1);
    assertEquals(IrqBypassManager.class.getName(), reports.get(0).site().className());
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
