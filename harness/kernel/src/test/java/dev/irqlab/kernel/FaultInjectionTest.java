package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private final Kernel kernel = new Kernel();
  private final FaultInjection faults = kernel.faults();

  private List<Boolean> hit(String point, int times) {
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.add(faults.shouldFail(point));
    }
    return out;
  }

  @Test
  void anUnscheduledPointNeverFailsButCountsHits() {
    assertEquals(List.of(false, false, false), hit("p", 3));
    assertEquals(3, faults.hits("p"));
    assertEquals(0, faults.forced("p"));
  }

  @Test
  void failNthFailsExactlyTheNthHitFromNow() {
    hit("p", 5);
    faults.failNth("p", 3);
    assertEquals(List.of(false, false, true, false, false), hit("p", 5));
    assertEquals(1, faults.forced("p"));
  }

  @Test
  void failRangeFailsConsecutiveHits() {
    faults.failRange("p", 2, 2);
    assertEquals(List.of(false, true, true, false), hit("p", 4));
  }

  @Test
  void failAlwaysFailsUntilCleared() {
    faults.failAlways("p");
    assertEquals(List.of(true, true), hit("p", 2));
    faults.clear("p");
    assertEquals(List.of(false), hit("p", 1));
  }

  @Test
  void pointsAreIndependent() {
    faults.failNth("a", 1);
    assertFalse(faults.shouldFail("b"));
    assertTrue(faults.shouldFail("a"));
  }

  @Test
  void aForcedFailureIsLoggedWithThePointName() {
    faults.failNth("try_module_get", 1);
    faults.shouldFail("try_module_get");
    List<KernelEvent> lines = kernel.log().events(EventKind.PRINTK);
    assertEquals(1, lines.size());
    assertEquals("FAULT_INJECTION: forcing a failure. name try_module_get", lines.get(0).message());
  }

  @Test
  void perTypeAllocationPointsFailOnlyThatType() {
    faults.failAlways(FaultInjection.KMALLOC + ":xa_node");
    assertEquals(null, kernel.memory().kzalloc("xa_node", Gfp.KERNEL, () -> new TestObject(kernel)));
    assertTrue(kernel.memory().kzalloc("other", Gfp.KERNEL, () -> new TestObject(kernel)) != null);
  }

  @Test
  void schedulesAreDeterministic() {
    Kernel a = new Kernel();
    Kernel b = new Kernel();
    a.faults().failRange("p", 3, 2);
    b.faults().failRange("p", 3, 2);
    List<Boolean> ra = new ArrayList<>();
    List<Boolean> rb = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ra.add(a.faults().shouldFail("p"));
      rb.add(b.faults().shouldFail("p"));
    }
    assertEquals(ra, rb);
  }

  @Test
  void badSchedulesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> faults.failNth("p", 0));
    assertThrows(IllegalArgumentException.class, () -> faults.failRange("p", 1, 0));
  }

  @Test
  void aScheduleConfinedToAFunctionCountsOnlyTheHitsInsideIt() {
    faults.failRange("p", 2, 1, "f");
    assertFalse(faults.shouldFail("p"), "outside f: not counted");
    try (Kernel.Scope in = faults.within("f")) {
      assertFalse(faults.shouldFail("p"), "first hit inside f");
      try (Kernel.Scope deeper = faults.within("g")) {
        assertTrue(faults.shouldFail("p"), "second hit inside f, with g inside it");
      }
      assertFalse(faults.shouldFail("p"), "third: once only");
    }
    assertFalse(faults.shouldFail("p"));
    assertEquals(List.of(new FaultInjection.Outcome(new FaultInjection.Schedule("p", 2, 1, "f"), 3, 1)), faults.clearAll());
    assertEquals(5, faults.hits("p"), "every hit is counted as a hit of the point");
  }

  @Test
  void clearAllSaysWhichSchedulesNeverForcedAFailure() {
    faults.failAlways("a");
    faults.failRange("b", 3, 2, null);
    faults.shouldFail("a");
    faults.shouldFail("b");
    List<FaultInjection.Outcome> out = faults.clearAll();
    assertEquals("a", out.get(0).schedule().describe());
    assertEquals(1, out.get(0).forced());
    assertEquals("b nth=3 times=2", out.get(1).schedule().describe());
    assertEquals(0, out.get(1).forced());
    assertEquals(List.of(), faults.clearAll(), "nothing is scheduled any more");
    assertFalse(faults.shouldFail("a"));
  }
}
