package dev.irqlab.rev.xarray_v2_2023;

import static dev.irqlab.kernel.Errno.EBUSY;
import static dev.irqlab.kernel.Errno.EINVAL;
import static dev.irqlab.kernel.Errno.EIO;
import static dev.irqlab.kernel.Errno.ENODEV;
import static dev.irqlab.kernel.Errno.ENOMEM;
import static dev.irqlab.kernel.Errno.ENOSPC;
import static dev.irqlab.kernel.Errno.EWOULDBLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelEvent;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Oops;
import dev.irqlab.testkit.ApiFixture;
import dev.irqlab.testkit.ScriptedConsumer;
import dev.irqlab.testkit.ScriptedProducer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * Like Xu's XArray conversion v2 2/2 at the API level: callback order, return codes, reports,
 * module references and what stays registered. Expectations follow the diff quoted in Alex
 * Williamson's NAK (lore 20230802123017.5695fe0a.alex.williamson@redhat.com), applied to v6.16
 * with v2 1/2, the producer fix: {@code xa_store} first, then connect.
 */
class IrqBypassManagerTest {
  private static final String XA_NODE = "kmalloc:xa_node";

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

  /** p0 and c0 are stored at efd0 and held as connected; the module counts one of them. */
  private void assertBothStoredOnOneModuleReference() {
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertEquals(List.of("p0-c0"), fx.connections());
    assertEquals(1, fx.moduleRefcount());
    assertNoReports();
  }

  /** The {@code struct xa_node}s allocated now, in both xarrays. */
  private long xaNodes() {
    return kernel.memory().live().stream().filter(o -> o.type().equals("struct xa_node")).count();
  }

  /** From now on every {@code xa_node} allocation fails, so a store into an empty xarray does. */
  private void failXaNodeAllocations() {
    kernel.faults().failAlways(XA_NODE);
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

  /** The eventfds' addresses grow in the order they were made: efd0 is below efd1. */
  @Test
  void entriesAreListedInIndexOrder() {
    fx.register(p0, efd0);
    fx.register(p1, efd1);
    assertEquals(List.of("p0@efd0", "p1@efd1"), fx.producers());
  }

  @Test
  void differentTokensDoNotConnect() {
    fx.register(p0, efd0);
    fx.register(c0, efd1);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of(), fx.connections());
  }

  // ---------------------------------------------------------------- connect failure

  /**
   * "Re: [PATCH v2 2/2] KVM: irqbypass: Convert producers/consumers single linked list to XArray"
   * (Alex Williamson, lore 20230802123017.5695fe0a.alex.williamson@redhat.com): "the producer is
   * registered to the xarray regardless of the result of the connect operation and the caller
   * cannot distinguish between failures. The module reference is released regardless of xarray
   * item. Nak." The connect fails as in v6.16, but the producer stays stored, the manager holds
   * it as connected, and the module counts one registration fewer than there are.
   */
  @Test
  void aProducerIsRegisteredRegardlessOfTheResultOfTheConnect() {
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
    assertBothStoredOnOneModuleReference();
  }

  /** "Same." (Alex Williamson, lore 20230802123017.5695fe0a.alex.williamson@redhat.com). */
  @Test
  void aConsumerIsRegisteredRegardlessOfTheResultOfTheConnect() {
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
    assertBothStoredOnOneModuleReference();
  }

  /** The struct whose connect failed finds itself at its token. */
  @Test
  void aConsumerWhoseConnectFailedIsBusyWhenItRegistersAgain() {
    fx.register(p0, efd0);
    c0.failAdd(EIO);
    fx.register(c0, efd0);
    c0.failAdd(0);
    assertEquals(-EBUSY, fx.register(c0, efd0));
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertEquals(1, fx.moduleRefcount());
  }

  /**
   * Unregistering the struct whose connect failed finds it at its token, so {@code
   * __disconnect} runs on a pair whose {@code add_consumer} failed ({@code del_producer} and
   * {@code del_consumer} for a connection that was never made), and a second module reference
   * is dropped for the one registration: the count falls below the registrations left.
   */
  @Test
  void unregisteringAnObjectWhoseConnectFailedDisconnectsAPairThatNeverConnected() {
    fx.register(c0, efd0);
    p0.failAdd(ENOSPC);
    fx.register(p0, efd0);
    fx.unregister(p0);
    InOrder order = fx.inOrder();
    order.verify(p0.add).call(p0.obj, c0.obj);
    order.verify(c0.start).call(c0.obj);
    order.verify(p0.start).call(p0.obj);
    verifyDisconnect(order, p0, c0);
    assertEquals(List.of(), fx.producers());
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertEquals(0, fx.moduleRefcount()); // c0 is still registered
    fx.unregister(c0);
    assertEquals(-1, fx.moduleRefcount()); // atomic_dec_if_positive, no warning yet
    assertNoReports();
  }

  /**
   * The next partner with its token connects to the struct whose own connect failed, after the
   * first partner was disconnected from it without ever having been connected.
   */
  @Test
  void aLaterPartnerConnectsToAnObjectWhoseConnectFailed() {
    fx.register(p0, efd0);
    c0.failAdd(EIO);
    fx.register(c0, efd0);
    c0.failAdd(0);
    fx.unregister(p0);
    assertEquals(0, fx.register(p1, efd0));
    InOrder order = fx.inOrder();
    order.verify(c0.add).call(c0.obj, p0.obj);
    order.verify(p0.del).call(p0.obj, c0.obj);
    verifyDisconnect(order, p0, c0);
    verifyConnect(order, p1, c0);
    assertEquals(List.of("p1-c0"), fx.connections());
    assertEquals(1, fx.moduleRefcount()); // p1 and c0 registered
  }

  /**
   * vfio-pci and vhost-vDPA clear the producer's token after a failed registration (spec
   * revisions.md 3.8), so their unregister returns at once. With v2 the producer stays in the
   * xarray after its device frees it, and unregistering its consumer disconnects freed memory.
   */
  @Test
  void aProducerWhoseCallerClearedItsTokenIsUsedAfterItIsFreed() {
    fx.register(c0, efd0);
    p0.failAdd(ENOSPC);
    assertEquals(-ENOSPC, fx.register(p0, efd0));
    p0.obj.setToken(0);
    fx.unregister(p0);
    fx.free(p0);
    fx.unregister(c0);
    List<KernelEvent> kasan = fx.events(EventKind.KASAN);
    assertEquals(1, kasan.size(), fx.reportHeadlines()::toString);
    assertTrue(kasan.get(0).message().startsWith("BUG: KASAN: slab-use-after-free in "));
    assertEquals(IrqBypassManager.class.getName(), kasan.get(0).site().className());
    verifyDisconnect(fx.inOrder(), p0, c0);
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(0, fx.moduleRefcount()); // p0 is still registered
  }

  // ---------------------------------------------------------------- allocation failure

  /**
   * "Keep producer and consumer connected and tracked; (Alex W.)" (the v2 cover's changelog):
   * the store comes first, so a failed store returns {@code -ENOMEM} before any callback, on
   * either side.
   */
  @Test
  void aFailedStoreReturnsEnomemBeforeTheConnect() {
    fx.register(p0, efd0);
    fx.register(c1, efd1);
    failXaNodeAllocations();
    assertEquals(-ENOMEM, fx.register(c0, efd0));
    assertEquals(-ENOMEM, fx.register(p1, efd1));
    assertEquals(2, kernel.faults().forced(XA_NODE));
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(List.of("c1@efd1"), fx.consumers());
    assertEquals(List.of(), fx.connections());
    assertEquals(2, fx.moduleRefcount());
    assertNoReports();
  }

  @Test
  void aFailedStoreWithoutAPartnerReturnsEnomemAndChangesNothing() {
    failXaNodeAllocations();
    assertEquals(-ENOMEM, fx.register(p0, efd0));
    assertEquals(-ENOMEM, fx.register(c0, efd1));
    assertEquals(2, kernel.faults().forced(XA_NODE));
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of(), fx.producers());
    assertEquals(List.of(), fx.consumers());
    assertEquals(0, fx.moduleRefcount());
    assertEquals(0, xaNodes());
    assertNoReports();
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
   * The caller writes the new token into the registered struct before calling. The duplicate
   * test of the v2 mail (lore 20230802051700.52321-3-likexu@tencent.com), {@code if (tmp || tmp
   * == producer)}, only sees what is stored at the new token, which is nothing: its identity
   * clause is dead code, so the same struct is stored a second time, under a second index, and
   * takes a second module reference.
   */
  @Test
  void theSameProducerTwiceWithAnotherTokenIsStoredUnderBothIndices() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(0, fx.register(p0, efd1));
    assertEquals(List.of("p0@efd0", "p0@efd1"), fx.producers());
    assertEquals(List.of("p0-c0"), fx.connections());
    assertEquals(3, fx.moduleRefcount());
    fx.unregister(p0); // by its current token, efd1: the entry at efd0 stays
    verifyConnect(fx.inOrder(), p0, c0);
    fx.verifyNoMoreCallbacks();
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(List.of("p0-c0"), fx.connections());
    assertEquals(2, fx.moduleRefcount());
  }

  /**
   * The entry a re-registration leaves at the old index outlives the struct: once the device
   * frees it, unregistering its partner loads it from the xarray and {@code __disconnect} runs on
   * freed memory.
   */
  @Test
  void aProducerLeftAtItsOldIndexIsUsedAfterItIsFreed() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    fx.register(p0, efd1);
    fx.unregister(p0);
    fx.free(p0);
    fx.unregister(c0);
    InOrder order = fx.inOrder();
    verifyConnect(order, p0, c0);
    verifyDisconnect(order, p0, c0);
    fx.verifyNoMoreCallbacks();
    List<KernelEvent> kasan = fx.events(EventKind.KASAN);
    assertEquals(1, kasan.size(), fx.reportHeadlines()::toString);
    assertTrue(kasan.get(0).message().startsWith("BUG: KASAN: slab-use-after-free in "));
    assertEquals(IrqBypassManager.class.getName(), kasan.get(0).site().className());
    assertEquals(List.of("p0@efd0"), fx.producers());
    assertEquals(1, fx.moduleRefcount());
  }

  /** As for producers: busy with its own token, stored again under another. */
  @Test
  void theSameConsumerTwiceIsBusyWithItsTokenButStoredAgainWithAnother() {
    fx.register(c0, efd0);
    assertEquals(-EBUSY, fx.register(c0, efd0));
    assertEquals(0, fx.register(c0, efd1));
    assertEquals(List.of("c0@efd0", "c0@efd1"), fx.consumers());
    assertEquals(2, fx.moduleRefcount());
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
   * "KVM: eventfd: fix NULL deref irqbypass producer" (Like Xu, v2 1/2, lore
   * 20230802051700.52321-2-likexu@tencent.com), which v2 2/2 is based on, and 4f3dbdf47e15 "KVM:
   * eventfd: fix NULL deref irqbypass consumer": the entry at the token is compared with the
   * caller's struct, so a producer or consumer whose registration failed matches nothing.
   */
  @Test
  void unregisteringAnObjectWhoseRegistrationFailedIsHarmless() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    assertEquals(-EBUSY, fx.register(p1, efd0));
    assertEquals(-EBUSY, fx.register(c1, efd0));
    fx.unregister(p1);
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

  /**
   * After the unbalanced put of a failed connect, {@code rmmod} finds no reference while a
   * consumer is still registered: the exit function's {@code xa_destroy()} drops it, and KVM's
   * later unregister enters the module's freed text.
   */
  @Test
  void theUnbalancedPutLetsTheModuleBeUnloadedWithAConsumerStillRegistered() {
    fx.register(c0, efd0);
    p0.failAdd(ENOSPC);
    fx.register(p0, efd0);
    fx.unregister(p0);
    assertEquals(List.of("c0@efd0"), fx.consumers());
    assertEquals(0, fx.moduleRefcount());
    assertEquals(0, fx.bypass().unload());
    assertEquals(List.of(), fx.consumers());
    assertEquals(0, xaNodes());
    assertThrows(Oops.class, () -> fx.unregister(c0));
    assertEquals(1, fx.events(EventKind.BUG).size(), fx.reportHeadlines()::toString);
    assertTrue(fx.events(EventKind.BUG).get(0).message().startsWith("BUG: unable to handle page fault"));
  }

  @Test
  void noXaNodeIsLeftOnceEverythingIsUnregisteredAndTheModuleUnloaded() {
    fx.register(p0, efd0);
    fx.register(c0, efd0);
    fx.register(p1, efd1);
    fx.register(c1, efd1);
    assertTrue(xaNodes() >= 2 * 11, () -> xaNodes() + " nodes"); // eventfd addresses: 11 levels
    fx.unregister(p0);
    fx.unregister(c1);
    fx.unregister(c0);
    fx.unregister(p1);
    assertEquals(0, xaNodes());
    assertEquals(0, fx.bypass().unload());
    List<KernelEvent> leaks = kernel.memory().scanLeaks();
    assertNotEquals(List.of(), leaks); // the fixture's eventfds and structs are still allocated
    assertTrue(leaks.stream().noneMatch(e -> e.details().get(0).contains("struct xa_node")), leaks::toString);
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
