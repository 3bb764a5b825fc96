package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class XArrayTest {
  private static final long ADDR = 0xffff888100000040L;

  private final Kernel kernel = new Kernel();
  private final XArray<String> xa = new XArray<>(kernel, "producers");

  private Map<Long, String> contents() {
    Map<Long, String> out = new LinkedHashMap<>();
    xa.forEach(out::put);
    return out;
  }

  private long liveNodes() {
    return kernel.memory().live().stream().filter(o -> o instanceof XaNode).count();
  }

  private boolean logged(String text) {
    return kernel.log().events(EventKind.PRINTK).stream().anyMatch(e -> e.message().contains(text));
  }

  @Test
  void emptyArrayHoldsNothing() {
    assertTrue(xa.isEmpty());
    assertNull(xa.load(0));
    assertNull(xa.load(ADDR));
    assertNull(xa.erase(ADDR));
    assertEquals(0, xa.size());
    assertEquals(0, xa.nodeCount());
    assertEquals(0, xa.height());
    assertEquals("producers", xa.name());
  }

  @Test
  void storeReturnsTheOldEntry() {
    assertNull(xa.store(ADDR, "a", Gfp.KERNEL));
    assertEquals("a", xa.store(ADDR, "b", Gfp.KERNEL));
    assertEquals("b", xa.load(ADDR));
    assertEquals(1, xa.size());
  }

  @Test
  void insertIntoAnOccupiedIndexIsBusy() {
    assertEquals(0, xa.insert(ADDR, "a", Gfp.KERNEL));
    assertEquals(-Errno.EBUSY, xa.insert(ADDR, "b", Gfp.KERNEL));
    assertEquals("a", xa.load(ADDR));
    assertEquals(0, xa.insert(ADDR + 64, "b", Gfp.KERNEL));
  }

  @Test
  void storingNullErases() {
    xa.store(ADDR, "a", Gfp.KERNEL);
    assertEquals("a", xa.store(ADDR, null, Gfp.KERNEL));
    assertNull(xa.load(ADDR));
    assertTrue(xa.isEmpty());
    assertEquals(0, xa.nodeCount());
    assertNull(xa.store(ADDR, null, Gfp.KERNEL));
  }

  @Test
  void insertingNullReservesTheIndex() {
    assertEquals(0, xa.insert(ADDR, null, Gfp.KERNEL));
    assertNull(xa.load(ADDR));
    assertFalse(xa.isEmpty());
    assertEquals(0, xa.size());
    assertEquals(Map.of(), contents());
    assertEquals(-Errno.EBUSY, xa.insert(ADDR, "a", Gfp.KERNEL));
    assertNull(xa.erase(ADDR));
    assertTrue(xa.isEmpty());
    assertEquals(0, xa.nodeCount());
    assertEquals(0, xa.insert(ADDR, "a", Gfp.KERNEL));
  }

  @Test
  void storeOverAReservationReturnsNull() {
    xa.insert(7, null, Gfp.KERNEL);
    assertNull(xa.store(7, "a", Gfp.KERNEL));
    assertEquals("a", xa.load(7));
  }

  @Test
  void reservingIndexZeroTakesANodeAsInTheKernel() {
    assertEquals(0, xa.insert(0, null, Gfp.KERNEL));
    assertEquals(1, xa.nodeCount());
    assertNull(xa.load(0));
    assertEquals(-Errno.EBUSY, xa.insert(0, "a", Gfp.KERNEL));
    xa.store(5, "five", Gfp.KERNEL);
    assertEquals("five", xa.erase(5));
    assertEquals(0, xa.nodeCount(), "shrinking moves the reservation into the head");
    assertSame(XaTree.Internal.XA_ZERO_ENTRY, xa.head());
    assertEquals(-Errno.EBUSY, xa.insert(0, "a", Gfp.KERNEL));
    assertNull(xa.erase(0));
    assertTrue(xa.isEmpty());
  }

  @Test
  void indexZeroAloneLivesInTheHead() {
    assertEquals(0, xa.insert(0, "zero", Gfp.KERNEL));
    assertEquals("zero", xa.load(0));
    assertEquals(0, xa.nodeCount());
    assertSame("zero", xa.head());
    assertNull(xa.load(1));
    xa.store(1, "one", Gfp.KERNEL);
    assertEquals(1, xa.nodeCount());
    assertEquals("one", xa.erase(1));
    assertEquals(0, xa.nodeCount());
    assertEquals("zero", xa.load(0));
    assertEquals("zero", xa.erase(0));
    assertTrue(xa.isEmpty());
  }

  @Test
  void keysWithTheTopBitSetMakeAnElevenLevelTree() {
    xa.store(ADDR, "addr", Gfp.KERNEL);
    assertEquals(11, xa.nodeCount());
    assertEquals(11, xa.height());
    xa.store(-1L, "max", Gfp.KERNEL);
    xa.store(Long.MIN_VALUE, "min", Gfp.KERNEL);
    xa.store(0, "zero", Gfp.KERNEL);
    assertEquals("addr", xa.load(ADDR));
    assertEquals("max", xa.load(-1L));
    assertEquals("min", xa.load(Long.MIN_VALUE));
    assertEquals("zero", xa.load(0));
    assertNull(xa.load(ADDR + 1));
    assertNull(xa.load(ADDR - 64));
    assertNull(xa.load(-2L));
    assertNull(xa.load(Long.MAX_VALUE));
    assertEquals(4, xa.size());
  }

  @Test
  void eraseFreesEmptyNodesAndShrinks() {
    xa.store(3, "small", Gfp.KERNEL);
    xa.store(ADDR, "far", Gfp.KERNEL);
    assertTrue(xa.nodeCount() > 11);
    assertEquals("far", xa.erase(ADDR));
    assertEquals(1, xa.nodeCount(), "back to one leaf for index 3");
    assertEquals("small", xa.erase(3));
    assertEquals(0, xa.nodeCount());
    assertTrue(xa.isEmpty());
    assertEquals(List.of(), kernel.memory().live());
    assertEquals(List.of(), kernel.memory().scanLeaks());
  }

  @Test
  void destroyFreesEveryNode() {
    for (int k = 0; k < 500; k++) {
      xa.store(ADDR + k * 64L, "e" + k, Gfp.KERNEL);
    }
    xa.insert(12345, null, Gfp.KERNEL);
    assertEquals(xa.nodeCount(), liveNodes());
    xa.destroy();
    assertTrue(xa.isEmpty());
    assertEquals(0, xa.nodeCount());
    assertEquals(0, xa.size());
    assertNull(xa.load(ADDR));
    assertEquals(List.of(), kernel.memory().live());
    assertEquals(0, xa.insert(ADDR, "again", Gfp.KERNEL));
    assertEquals("again", xa.load(ADDR));
  }

  @Test
  void failedNodeAllocationLeavesTheArrayUnchanged() {
    xa.store(ADDR, "a", Gfp.KERNEL);
    xa.store(5, "b", Gfp.KERNEL);
    Map<Long, String> before = contents();
    int nodes = xa.nodeCount();
    kernel.faults().failNthAllocation(1);
    assertEquals(-Errno.ENOMEM, xa.insert(0x7fff000000000000L, "c", Gfp.KERNEL));
    assertEquals(before, contents());
    assertEquals(nodes, xa.nodeCount());
    assertEquals(nodes, liveNodes());
    assertNull(xa.load(0x7fff000000000000L));
    assertTrue(logged("FAULT_INJECTION"));
  }

  @Test
  void aFailureAfterSomeNodesFreesThoseAlreadyAllocated() {
    xa.store(0, "head", Gfp.KERNEL);
    long allocations = kernel.memory().allocations();
    kernel.faults().failNthAllocation(15); // growing over index 0 to ADDR takes 21 nodes
    assertEquals(-Errno.ENOMEM, xa.insert(ADDR, "far", Gfp.KERNEL));
    assertEquals(14, kernel.memory().allocations() - allocations);
    assertEquals(0, xa.nodeCount());
    assertEquals(List.of(), kernel.memory().live());
    assertSame("head", xa.head());
    assertEquals(0, xa.insert(ADDR, "far", Gfp.KERNEL));
    assertEquals(21, xa.nodeCount());
  }

  @Test
  void storeUnderFaultInjectionReturnsAnErrorEntry() {
    kernel.faults().failNthAllocation(1);
    Object ret = xa.store(ADDR, "a", Gfp.KERNEL);
    assertTrue(XArray.xaIsErr(ret));
    assertEquals(-Errno.ENOMEM, XArray.xaErr(ret));
    assertEquals("xa_err(-ENOMEM)", ret.toString());
    assertTrue(xa.isEmpty());
    assertEquals(List.of(), kernel.memory().live());
  }

  @Test
  void xaErrIsZeroForOrdinaryEntries() {
    assertEquals(0, XArray.xaErr(null));
    assertEquals(0, XArray.xaErr("entry"));
    assertFalse(XArray.xaIsErr(null));
    assertFalse(XArray.xaIsErr("entry"));
  }

  @Test
  void theNodeFaultPointFailsOnlyNodeAllocations() {
    xa.store(ADDR, "a", Gfp.KERNEL);
    kernel.faults().failAlways("kmalloc:xa_node");
    assertEquals("a", xa.store(ADDR, "b", Gfp.KERNEL), "replacing allocates nothing");
    assertEquals(0, xa.insert(ADDR + 8, "c", Gfp.KERNEL), "same leaf");
    assertEquals(-Errno.ENOMEM, xa.insert(ADDR + 64, "d", Gfp.KERNEL));
    assertEquals("c", xa.erase(ADDR + 8), "erasing allocates nothing");
    kernel.faults().clear("kmalloc:xa_node");
    assertEquals(0, xa.insert(ADDR + 64, "d", Gfp.KERNEL));
  }

  @Test
  void forEachGoesInUnsignedOrder() {
    long[] keys = {-1L, 0, ADDR, 1, Long.MIN_VALUE, Long.MAX_VALUE, 64, ADDR + 64};
    for (long k : keys) {
      xa.store(k, Long.toHexString(k), Gfp.KERNEL);
    }
    List<Long> order = new ArrayList<>(contents().keySet());
    assertEquals(List.of(0L, 1L, 64L, Long.MAX_VALUE, Long.MIN_VALUE, ADDR, ADDR + 64, -1L), order);
  }

  @Test
  void forEachMayEraseAsItGoes() {
    for (int k = 0; k < 100; k++) {
      xa.store(ADDR + k * 64L, "e" + k, Gfp.KERNEL);
    }
    List<Long> seen = new ArrayList<>();
    xa.forEach((index, entry) -> {
      seen.add(index);
      assertEquals(entry, xa.erase(index));
    });
    assertEquals(100, seen.size());
    assertTrue(xa.isEmpty());
    assertEquals(0, xa.nodeCount());
  }

  @Test
  void storingAnInternalEntryWarnsAndFails() {
    XArray<Object> raw = new XArray<>(kernel, "raw");
    kernel.faults().failNthAllocation(1);
    Object error = raw.store(9, "x", Gfp.KERNEL);
    assertEquals(-Errno.EINVAL, XArray.xaErr(raw.store(9, error, Gfp.KERNEL)));
    assertEquals(-Errno.EINVAL, raw.insert(9, error, Gfp.KERNEL));
    assertNull(raw.load(9));
    assertEquals(2, kernel.log().events(EventKind.WARNING).size());
  }

  @Test
  void aSleepingAllocationInAtomicContextIsReported() {
    Kernel.Scope atomic = kernel.enterAtomic();
    try {
      assertEquals(0, xa.insert(ADDR, "a", Gfp.ATOMIC));
      assertTrue(kernel.log().events(EventKind.SLEEP_IN_ATOMIC).isEmpty());
      assertEquals(0, xa.insert(5, "b", Gfp.KERNEL));
    } finally {
      atomic.close();
    }
    assertFalse(kernel.log().events(EventKind.SLEEP_IN_ATOMIC).isEmpty());
  }

  @Test
  void toStringNamesTheArrayAndItsFirstEntries() {
    xa.store(ADDR, "a", Gfp.KERNEL);
    xa.store(0, "z", Gfp.KERNEL);
    assertEquals("xarray producers: 2 entries, 21 nodes, height 11 {0=z, ffff888100000040=a}", xa.toString());
    for (int k = 1; k < 20; k++) {
      xa.store(k, "k", Gfp.KERNEL);
    }
    assertTrue(xa.toString().endsWith(", ...}"));
  }

  @Test
  void concurrentWritersAllLand() throws Exception {
    Kernel fast = new Kernel(KernelConfig.benchmark());
    XArray<Long> shared = new XArray<>(fast, "shared");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long base = ADDR + t * 0x100000L;
        done.add(pool.submit(() -> {
          for (long k = 0; k < 2000; k++) {
            assertEquals(0, shared.insert(base + k * 64, k, Gfp.KERNEL));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(8000, shared.size());
    assertEquals(Long.valueOf(1999), shared.load(ADDR + 3 * 0x100000L + 1999 * 64));
    shared.destroy();
    assertEquals(List.of(), fast.memory().live());
  }
}
