package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTest {
  private final Kernel kernel = new Kernel();

  @Test
  void objectsGetDistinctAlignedKernelAddresses() {
    TestObject a = new TestObject(kernel);
    TestObject b = new TestObject(kernel);
    assertNotEquals(a.address(), b.address());
    assertEquals(0, a.address() & 63);
    assertTrue(Long.compareUnsigned(a.address(), 0xffff888000000000L) > 0);
    assertEquals(2, kernel.memory().live().size());
  }

  @Test
  void addressesAreDeterministicPerKernel() {
    assertEquals(new TestObject(new Kernel()).address(), new TestObject(new Kernel()).address());
  }

  @Test
  void embeddedObjectsLiveAtAnOffsetAndDieWithTheirContainer() {
    TestObject container = new TestObject(kernel);
    TestObject inner = new TestObject(container, 16);
    assertEquals(container.address() + 16, inner.address());
    assertEquals(1, kernel.memory().live().size());
    kernel.memory().kfree(container);
    assertTrue(inner.isFreed());
    assertEquals(container.freeSite(), inner.freeSite());
  }

  @Test
  void touchingALiveObjectReportsNothing() {
    TestObject o = new TestObject(kernel);
    o.setValue(3);
    assertEquals(3, o.value());
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void touchingAFreedObjectIsAUseAfterFreeNamingObjectFreerAndToucher() {
    TestObject o = new TestObject(kernel);
    o.setName("obj0");
    kernel.memory().kfree(o); // freed here
    int touchLine = currentLine() + 1;
    o.value();
    List<KernelEvent> kasan = kernel.log().events(EventKind.KASAN);
    assertEquals(1, kasan.size());
    KernelEvent e = kasan.get(0);
    assertEquals("BUG: KASAN: slab-use-after-free in touchingAFreedObjectIsAUseAfterFreeNamingObjectFreerAndToucher", e.message());
    assertEquals(touchLine, e.site().line());
    assertEquals("MemoryTest", e.site().simpleClassName());
    String all = String.join("\n", e.details());
    assertTrue(all.contains("obj0 (struct test_object)"), all);
    assertTrue(all.contains("Freed at MemoryTest.touchingAFreedObject"), all);
  }

  @Test
  void aUseAfterFreeOfAnEmbeddedObjectNamesTheEmbeddedObject() {
    TestObject container = new TestObject(kernel);
    TestObject inner = new TestObject(container, 8);
    inner.setName("inner");
    kernel.memory().kfree(container);
    inner.setValue(1);
    assertEquals(1, kernel.log().events(EventKind.KASAN).size());
    assertTrue(kernel.log().events(EventKind.KASAN).get(0).details().get(1).contains("inner"));
  }

  @Test
  void kasanReportsOncePerObjectAndCanBeDisabledPerTask() {
    TestObject o = new TestObject(kernel);
    TestObject p = new TestObject(kernel);
    kernel.memory().kfree(o);
    kernel.memory().kfree(p);
    try (Kernel.Scope quiet = kernel.kasanDisableCurrent()) {
      p.value();
    }
    o.value();
    o.value();
    assertEquals(1, kernel.log().events(EventKind.KASAN).size());
    p.value();
    assertEquals(2, kernel.log().events(EventKind.KASAN).size());
  }

  @Test
  void withoutKasanAFreedObjectIsTouchedSilently() {
    Kernel k = new Kernel(KernelConfig.defaults().withKasan(false));
    TestObject o = new TestObject(k);
    k.memory().kfree(o);
    o.value();
    assertTrue(k.log().reports().isEmpty());
  }

  @Test
  void doubleFreeIsReportedAndHarmless() {
    TestObject o = new TestObject(kernel);
    kernel.memory().kfree(o);
    kernel.memory().kfree(o);
    List<KernelEvent> kasan = kernel.log().events(EventKind.KASAN);
    assertEquals(1, kasan.size());
    assertTrue(kasan.get(0).message().startsWith("BUG: KASAN: double-free in "), kasan.get(0).message());
    assertEquals(1, kernel.memory().frees());
  }

  @Test
  void freeingAnEmbeddedObjectIsAnInvalidFree() {
    TestObject container = new TestObject(kernel);
    kernel.memory().kfree(new TestObject(container, 8));
    assertTrue(kernel.log().events(EventKind.KASAN).get(0).message().startsWith("BUG: KASAN: invalid-free in "));
    assertFalse(container.isFreed());
  }

  @Test
  void kfreeOfNullIsFine() {
    kernel.memory().kfree(null);
    assertTrue(kernel.log().events().isEmpty());
  }

  @Test
  void kmemleakListsWhatIsStillAllocatedWithItsAllocationSite() {
    TestObject kept = new TestObject(kernel);
    kept.setName("kept");
    TestObject gone = new TestObject(kernel);
    TestObject cache = new TestObject(kernel);
    kernel.memory().kfree(gone);
    kernel.memory().notLeak(cache);
    List<KernelEvent> leaks = kernel.memory().scanLeaks();
    assertEquals(1, leaks.size());
    KernelEvent leak = leaks.get(0);
    assertEquals(EventKind.KMEMLEAK, leak.kind());
    assertTrue(leak.message().startsWith("kmemleak: unreferenced object 0x"), leak.message());
    assertTrue(leak.details().get(0).contains("kept"), leak.details().toString());
    assertEquals("kmemleakListsWhatIsStillAllocatedWithItsAllocationSite", leak.site().method());
  }

  @Test
  void kmemleakIsQuietAfterAFullTeardown() {
    TestObject o = new TestObject(kernel);
    kernel.memory().kfree(o);
    assertTrue(kernel.memory().scanLeaks().isEmpty());
    assertEquals(1, kernel.memory().allocations());
    assertEquals(1, kernel.memory().frees());
  }

  @Test
  void liveListsWhatIsAllocatedByAddressWhicheverObjectsWereFreed() {
    List<TestObject> all = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.add(new TestObject(kernel));
    }
    kernel.memory().kfree(all.get(0)); // the oldest
    kernel.memory().kfree(all.get(5)); // the newest
    kernel.memory().kfree(all.get(2)); // one in the middle
    assertEquals(List.of(all.get(1), all.get(3), all.get(4)), kernel.memory().live());
    TestObject later = new TestObject(kernel);
    kernel.memory().kfree(all.get(1));
    kernel.memory().kfree(all.get(3));
    kernel.memory().kfree(all.get(4));
    assertEquals(List.of(later), kernel.memory().live());
    kernel.memory().kfree(later);
    assertEquals(List.of(), kernel.memory().live());
    assertEquals(List.of(), kernel.memory().scanLeaks());
  }

  @Test
  void kzallocFailsUnderFaultInjectionAndReturnsNull() {
    kernel.faults().failNthAllocation(2);
    assertNotNull(kernel.memory().kzalloc("test_object", Gfp.KERNEL, () -> new TestObject(kernel)));
    assertNull(kernel.memory().kzalloc("test_object", Gfp.KERNEL, () -> new TestObject(kernel)));
    assertNotNull(kernel.memory().kzalloc("test_object", Gfp.KERNEL, () -> new TestObject(kernel)));
    assertEquals(2, kernel.memory().live().size());
  }

  @Test
  void kzallocWithGfpKernelMightSleep() {
    try (Kernel.Scope atomic = kernel.enterAtomic()) {
      kernel.memory().kzalloc("test_object", Gfp.ATOMIC, () -> new TestObject(kernel));
      assertTrue(kernel.log().reports().isEmpty());
      kernel.memory().kzalloc("test_object", Gfp.KERNEL, () -> new TestObject(kernel));
    }
    assertEquals(1, kernel.log().events(EventKind.SLEEP_IN_ATOMIC).size());
  }

  private static int currentLine() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow().getLineNumber());
  }
}
