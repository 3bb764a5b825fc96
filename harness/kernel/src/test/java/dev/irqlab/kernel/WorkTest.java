package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the kernel counts as each task's work, the input of a virtual clock. */
class WorkTest {
  private final Kernel kernel = new Kernel(KernelConfig.benchmark());
  private final Task task = kernel.current();

  @Test
  void aListWalkCountsEveryNodeItVisits() {
    ListHead<String> head = ListHead.head(kernel, "head");
    for (String s : new String[] {"a", "b", "c"}) {
      ListHead.listAddTail(ListHead.node(kernel, s), head);
    }
    for (String s : head.entries()) {
      assertEquals(s, s);
    }
    assertEquals(3, task.work(Work.LIST_NODE));
    assertEquals(3, task.listVisits());
    kernel.work(Work.LIST_NODE, 10);
    assertEquals(13, task.work(Work.LIST_NODE));
    assertEquals(3, task.listVisits(), "a driver's walk is work, not a ListHead visit");
  }

  @Test
  void anXarrayCountsTheNodesItsWalksGoThroughAndTheNodesItAllocates() {
    XArray<Object> xa = new XArray<>(kernel, "xa");
    long index = 0xffff888100000040L;
    xa.store(index, this, Gfp.KERNEL);
    long allocated = task.work(Work.ALLOC);
    assertEquals(11, allocated, "eleven levels of 64 slots for a kernel address");
    long stored = task.work(Work.XA_NODE);
    assertEquals(10, stored, "the store went down from the root to the leaf it made");
    xa.load(index);
    assertEquals(stored + 11, task.work(Work.XA_NODE), "a load reads the eleven nodes");
    xa.erase(index);
    assertEquals(11, task.work(Work.FREE));
  }

  @Test
  void locksAndSystemCallsAreCounted() {
    Mutex m = new Mutex(kernel, "m");
    SpinLock s = new SpinLock(kernel, "s");
    m.lock();
    m.unlock();
    s.lock();
    s.unlock();
    kernel.syscall();
    assertEquals(2, task.work(Work.LOCK));
    assertEquals(1, task.work(Work.SYSCALL));
  }
}
