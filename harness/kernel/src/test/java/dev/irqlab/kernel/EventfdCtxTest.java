package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventfdCtxTest {
  private final Kernel kernel = new Kernel();
  private final EventfdCtx ctx = EventfdCtx.create(kernel);

  @Test
  void theAddressIsTheTokenAndStable() {
    EventfdCtx other = EventfdCtx.create(kernel);
    assertTrue(ctx.address() != other.address());
    assertEquals("struct eventfd_ctx", ctx.type());
  }

  @Test
  void signalsCountAndReadDrains() {
    ctx.signal();
    ctx.signal();
    assertEquals(2, ctx.count());
    assertEquals(EventfdCtx.EPOLLIN, ctx.poll());
    assertEquals(2, ctx.read());
    assertEquals(0, ctx.count());
    assertEquals(0, ctx.poll());
    assertEquals(2, ctx.signals());
  }

  @Test
  void theLastPutFreesAndALaterTouchIsAUseAfterFree() {
    ctx.get();
    assertEquals(2, ctx.refcount());
    ctx.put();
    assertFalse(ctx.isFreed());
    ctx.put();
    assertTrue(ctx.isFreed());
    assertTrue(kernel.log().reports().isEmpty());
    ctx.signal();
    assertEquals(1, kernel.log().events(EventKind.KASAN).size());
    assertTrue(kernel.memory().scanLeaks().isEmpty());
  }

  @Test
  void plainWaitersAreWokenNewestFirstWithThePollMask() {
    // __add_wait_queue() list_adds a plain waiter right after the priority ones.
    List<String> woken = new ArrayList<>();
    ctx.addWaitQueue(new WaitQueueEntry((w, key) -> { woken.add("a" + key); return 0; }, "a"));
    ctx.addWaitQueue(new WaitQueueEntry((w, key) -> { woken.add("b" + key); return 0; }, "b"));
    ctx.signal();
    assertEquals(List.of("b1", "a1"), woken);
  }

  @Test
  void priorityWaitersStayAheadOfPlainOnesInArrivalOrder() {
    WaitQueueEntry plain = new WaitQueueEntry((w, key) -> 0, "plain");
    WaitQueueEntry first = new WaitQueueEntry((w, key) -> 0, "first");
    WaitQueueEntry second = new WaitQueueEntry((w, key) -> 0, "second");
    ctx.addWaitQueue(plain);
    ctx.addWaitQueuePriority(first);
    ctx.addWaitQueuePriority(second);
    assertEquals(List.of(first, second, plain), ctx.waiters());
  }

  @Test
  void wakeFunctionsRunInAtomicContext() {
    ctx.addWaitQueue(new WaitQueueEntry((w, key) -> { kernel.mightSleep(); return 0; }, "sleeper"));
    ctx.signal();
    assertEquals(1, kernel.log().events(EventKind.SLEEP_IN_ATOMIC).size());
    assertFalse(kernel.current().inAtomic());
  }

  @Test
  void aPriorityWaiterSeesEventsFirstAndHidesThemWhenItConsumes() {
    List<String> woken = new ArrayList<>();
    ctx.addWaitQueue(new WaitQueueEntry((w, key) -> { woken.add("poller"); return 0; }, "poller"));
    WaitQueueEntry irqfd = new WaitQueueEntry((w, key) -> { woken.add("irqfd"); ctx.read(); return 1; }, "irqfd");
    ctx.addWaitQueuePriority(irqfd);
    assertTrue(irqfd.isPriority() && irqfd.isExclusive() && irqfd.isQueued());
    ctx.signal();
    assertEquals(List.of("irqfd"), woken);
    assertEquals(0, ctx.count());
  }

  @Test
  void aSecondExclusivePriorityWaiterIsBusy() {
    WaitQueueEntry first = new WaitQueueEntry((w, key) -> 1, "vm0.irqfd");
    WaitQueueEntry second = new WaitQueueEntry((w, key) -> 1, "vm1.irqfd");
    assertEquals(0, ctx.addWaitQueuePriorityExclusive(first));
    assertEquals(-Errno.EBUSY, ctx.addWaitQueuePriorityExclusive(second));
    assertFalse(second.isQueued());
    ctx.removeWaitQueue(first);
    assertEquals(0, ctx.addWaitQueuePriorityExclusive(second));
  }

  @Test
  void removedWaitersAreNotWoken() {
    List<String> woken = new ArrayList<>();
    WaitQueueEntry w = new WaitQueueEntry((e, key) -> { woken.add("w"); return 0; }, "w");
    ctx.addWaitQueue(w);
    ctx.removeWaitQueue(w);
    ctx.signal();
    assertTrue(woken.isEmpty());
    assertTrue(ctx.waiters().isEmpty());
  }

  @Test
  void releaseWakesWithHangupThenDropsTheFilesReference() {
    List<Integer> keys = new ArrayList<>();
    ctx.get(); // a driver's reference
    ctx.addWaitQueue(new WaitQueueEntry((w, key) -> { keys.add(key); return 0; }, "irqfd"));
    ctx.release();
    assertEquals(List.of(EventfdCtx.EPOLLHUP), keys);
    assertEquals(1, ctx.refcount());
    assertFalse(ctx.isFreed());
    ctx.put();
    assertTrue(ctx.isFreed());
  }

  @Test
  void creationFailsUnderFaultInjection() {
    kernel.faults().failNthAllocation(1);
    assertNull(EventfdCtx.create(kernel));
  }
}
