package dev.irqlab.rev.rfc2015;

import static dev.irqlab.kernel.Errno.EINVAL;
import static dev.irqlab.kernel.Errno.EIO;
import static dev.irqlab.kernel.Errno.ENOENT;
import static dev.irqlab.kernel.Errno.ENOSPC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;

import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelEvent;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Oops;
import dev.irqlab.testkit.ApiFixture;
import dev.irqlab.testkit.ScriptedConsumer;
import dev.irqlab.testkit.ScriptedProducer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The June 2015 prototype at the API level: callback order, return codes, reports, module
 * references and what stays registered. Expectations follow kernel/irq/bypass.c as Alex
 * Williamson posted it on 18 Jun 2015, in "Re: [v4 08/16] KVM: kvm-vfio: User API for IRQ
 * forwarding" (see {@code Provider}'s links).
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

  /** add_producer: the whole connect, with no stop, no start and no producer callback. */
  private static void verifyConnect(InOrder order, ScriptedProducer p, ScriptedConsumer c) {
    order.verify(c.add).call(c.obj, p.obj);
  }

  /** del_producer: the whole disconnect. */
  private static void verifyDisconnect(InOrder order, ScriptedProducer p, ScriptedConsumer c) {
    order.verify(c.del).call(c.obj, p.obj);
  }

  private void assertNoReports() {
    assertEquals(List.of(), fx.reportHeadlines());
  }

  /** Exactly {@code count} DEBUG_LIST reports, each with {@code text} in its message. */
  private void assertListCorruptions(int count, String text) {
    List<String> messages = fx.events(EventKind.LIST_CORRUPTION).stream().map(KernelEvent::message).toList();
    assertEquals(count, messages.size(), fx.reportHeadlines()::toString);
    assertTrue(messages.stream().allMatch(m -> m.contains(text)), messages::toString);
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

  /** The prototype list_add()s a new object before it looks for a partner, not after. */
  @Test
  void aNewObjectIsListedBeforeItIsConnected() {
    List<List<String>> seen = new ArrayList<>();
    doAnswer(inv -> {
      seen.add(fx.producers());
      return 0;
    }).when(c0.add).call(any(), any());
    fx.register(c0, efd0);
    fx.register(p0, efd0);
    assertEquals(List.of(List.of("p0@efd0")), seen);
  }

  /**
   * Only the first partner with the token is connected. Two producers hold one token only when
   * a failed re-registration has overwritten a registered producer's token (see below).
   */
  @Test
  void onlyTheFirstPartnerWithTheTokenIsConnected() {
    fx.register(p0, efd0);
    fx.register(p1, efd1);
    assertEquals(-EINVAL, fx.register(p1, efd0));
    assertEquals(List.of("p1@efd0", "p0@efd0"), fx.producers());
    assertEquals(0, fx.register(c0, efd0));
    verifyConnect(fx.inOrder(), p1, c0);
    fx.verifyNoMoreCallbacks();
  }

  // ---------------------------------------------------------------- connect failure

  /**
   * No connect can fail: the prototype's {@code void (*add_producer)(producer)} returns nothing,
   * so the port drops the SPI callback's result and the pair counts as connected.
   */
  @Test
  void aNonzeroAddProducerResultIsIgnored() {
    fx.register(p0, efd0);
    c0.failAdd(EIO);
    assertEquals(0, fx.register(c0, efd0));
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertEquals(List.of("p0-c0"), fx.connections());
    fx.unregister(p0);
    InOrder order = fx.inOrder();
    verifyConnect(order, p0, c0);
    verifyDisconnect(order, p0, c0);
    fx.verifyNoMoreCallbacks();
    assertNoReports();
  }

  /** The prototype's producer struct has no callbacks: add_consumer is never called. */
  @Test
  void theProducersCallbacksAreNeverCalled() {
    fx.register(c0, efd0);
    p0.failAdd(ENOSPC);
    assertEquals(0, fx.register(p0, efd0));
    fx.unregister(p0);
    InOrder order = fx.inOrder();
    verifyConnect(order, p0, c0);
    verifyDisconnect(order, p0, c0);
    fx.verifyNoMoreCallbacks();
  }

  // ---------------------------------------------------------------- duplicates

  /** A taken token is {@code -EINVAL} in the prototype; {@code -EBUSY} from v4.4 on. */
  @Test
  void aSecondProducerWithTheSameTokenIsInvalid() {
    fx.register(p0, efd0);
    assertEquals(-EINVAL, fx.register(p1, efd0));
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(0, fx.moduleRefcount());
  }

  @Test
  void aSecondConsumerWithTheSameTokenIsInvalid() {
    fx.register(c0, efd0);
    assertEquals(-EINVAL, fx.register(c1, efd0));
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertEquals(0, fx.moduleRefcount());
  }

  @Test
  void theSameProducerTwiceWithTheSameTokenIsInvalid() {
    fx.register(p0, efd0);
    assertEquals(-EINVAL, fx.register(p0, efd0));
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(0, fx.moduleRefcount());
    assertNoReports();
  }

  /**
   * The caller writes the new token into the registered struct before calling, so the walk finds
   * the struct itself under the new token: -EINVAL, and no second list_add (the C, run step by
   * step, does not reach it). The registered producer now carries a token its consumer does not
   * have, and unregistering it no longer finds that consumer.
   */
  @Test
  void theSameProducerTwiceWithAnotherTokenIsInvalidButItsTokenIsOverwritten() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(-EINVAL, fx.register(p0, efd1));
    assertEquals(List.of("p0@efd1"), fx.producers());
    assertEquals(List.of(), fx.connections());
    fx.unregister(p0);
    verifyConnect(fx.inOrder(), p0, c0);
    fx.verifyNoMoreCallbacks(); // no del_producer: c0 still holds p0 as its producer
    assertEquals(List.of(), fx.producers());
    assertNoReports();
  }

  /** By token only, as for producers: the walk finds the struct itself under either token. */
  @Test
  void theSameConsumerTwiceIsInvalidWithEitherToken() {
    fx.register(c0, efd0);
    assertEquals(-EINVAL, fx.register(c0, efd0));
    assertEquals(-EINVAL, fx.register(c0, efd1));
    assertEquals(List.of("c0@efd1"), fx.consumers());
    assertNoReports();
  }

  // ---------------------------------------------------------------- NULL token and callbacks

  /** The prototype checks no token: NULL is a key like any other, and NULL pairs with NULL. */
  @Test
  void aNullTokenIsAKeyLikeAnyOther() {
    assertEquals(0, fx.register(p0, null));
    assertEquals(0, fx.register(c0, null));
    assertEquals(List.of("p0@NULL"), fx.producers());
    assertEquals(List.of("p0-c0"), fx.connections());
    assertEquals(-EINVAL, fx.register(p1, null));
    fx.unregister(c0);
    InOrder order = fx.inOrder();
    verifyConnect(order, p0, c0);
    verifyDisconnect(order, p0, c0);
    fx.verifyNoMoreCallbacks();
    assertNoReports();
  }

  /**
   * No callback is checked: a consumer without add_producer registers, and the first producer
   * with its token calls through the NULL pointer (an oops in the kernel) after it was listed.
   */
  @Test
  void aConsumerWithoutAddProducerIsAcceptedAndCrashesItsPartnersRegistration() {
    c0.withoutCallbacks();
    assertEquals(0, fx.register(c0, efd0));
    assertThrows(NullPointerException.class, () -> fx.register(p0, efd0));
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(List.of("c0@efd0"), fx.consumers());
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
    assertEquals(0, fx.moduleRefcount());
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
    assertNoReports();
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

  /** No registration check: list_del() of a node that was never linked, which DEBUG_LIST reports. */
  @Test
  void unregisteringNeverRegisteredObjectsDeletesUnlinkedNodes() {
    p0.obj.setToken(efd0.address());
    c0.obj.setToken(efd0.address());
    fx.unregister(p0);
    fx.unregister(c0);
    fx.verifyNoMoreCallbacks();
    assertListCorruptions(2, "->next is NULL");
  }

  /** The second list_del() meets the poison the first one left. */
  @Test
  void unregisteringTwiceDeletesPoisonedNodes() {
    fx.register(p0, efd0);
    fx.register(c0, efd1);
    fx.unregister(p0);
    fx.unregister(c0);
    assertNoReports();
    fx.unregister(p0);
    fx.unregister(c0);
    fx.verifyNoMoreCallbacks();
    assertListCorruptions(2, "->next is LIST_POISON1");
  }

  /** The consumer that keeps the token is told twice that its producer left. */
  @Test
  void unregisteringAConnectedProducerTwiceDisconnectsItTwice() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    fx.unregister(p0);
    fx.unregister(p0);
    InOrder order = fx.inOrder();
    verifyConnect(order, p0, c0);
    order.verify(c0.del, times(2)).call(c0.obj, p0.obj);
    fx.verifyNoMoreCallbacks();
    assertListCorruptions(1, "->next is LIST_POISON1");
    assertEquals(List.of("c0@efd0"), fx.consumers());
  }

  /**
   * "[PATCH] irqbypass: fix error handle when irq_bypass_register_producer() return fails"
   * (guomin chen, 2020) was already in the prototype: unregistering a producer whose
   * registration failed tells the consumer with its token that it left, then list_del()s the
   * caller's struct, which was never linked.
   */
  @Test
  void unregisteringAProducerWhoseRegistrationFailedHitsTheOneWithItsToken() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(-EINVAL, fx.register(p1, efd0));
    fx.unregister(p1);
    InOrder order = fx.inOrder();
    verifyConnect(order, p0, c0);
    verifyDisconnect(order, p1, c0);
    fx.verifyNoMoreCallbacks();
    assertListCorruptions(1, "->next is NULL");
    assertEquals(List.of("p0-c0"), fx.connections()); // still listed, but c0 was told p1 left
  }

  /**
   * The consumer side of the same: the failed consumer's own del_producer is called with the
   * producer of the consumer that holds the token. 4f3dbdf47e15 "KVM: eventfd: fix NULL deref
   * irqbypass consumer" (v4.10) fixed this case.
   */
  @Test
  void unregisteringAConsumerWhoseRegistrationFailedHitsTheProducerWithItsToken() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(-EINVAL, fx.register(c1, efd0));
    fx.unregister(c1);
    InOrder order = fx.inOrder();
    verifyConnect(order, p0, c0);
    verifyDisconnect(order, p0, c1);
    fx.verifyNoMoreCallbacks();
    assertListCorruptions(1, "->next is NULL");
    assertEquals(List.of("p0-c0"), fx.connections());
  }

  // ---------------------------------------------------------------- module and context

  /** Built in ({@code config IRQ_BYPASS_MANAGER bool}): rmmod has nothing to remove. */
  @Test
  void theBuiltInManagerCannotBeUnloaded() {
    fx.register(p0, efd0);
    fx.register(c0, efd1);
    assertEquals(-ENOENT, fx.bypass().unload());
    assertEquals(0, fx.moduleRefcount());
    assertEquals(0, fx.register(p1, efd1)); // its code is still there
    assertEquals(List.of("p1-c0"), fx.connections());
  }

  /** There is no try_module_get(), so a failing one changes nothing. */
  @Test
  void thereIsNoModuleReferenceToTake() {
    kernel.faults().failAlways(Module.TRY_MODULE_GET);
    assertEquals(0, fx.register(p0, efd0));
    assertEquals(0, fx.register(c0, efd0));
    fx.unregister(p0);
    assertEquals(List.of(), fx.producers());
    assertEquals(0, fx.moduleRefcount());
  }

  /** No might_sleep() of its own: the one report is mutex_lock()'s. */
  @Test
  void registeringFromAtomicContextIsReportedOnlyByMutexLock() {
    try (Kernel.Scope atomic = kernel.enterAtomic()) {
      fx.register(p0, efd0);
    }
    var reports = fx.events(EventKind.SLEEP_IN_ATOMIC);
    assertEquals(1, reports.size(), fx.reportHeadlines()::toString);
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
