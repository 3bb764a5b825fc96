package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefcountTest {
  private final Kernel kernel = new Kernel();

  @Test
  void countsUpAndDownAndTellsTheLastPut() {
    Refcount r = new Refcount(kernel, "thing", 1);
    r.inc();
    assertEquals(2, r.read());
    assertFalse(r.decAndTest());
    assertTrue(r.decAndTest());
    assertEquals(0, r.read());
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void incNotZeroRefusesADeadObject() {
    Refcount r = new Refcount(kernel, "thing", 0);
    assertFalse(r.incNotZero());
    assertEquals(0, r.read());
    Refcount live = new Refcount(kernel, "live", 1);
    assertTrue(live.incNotZero());
    assertEquals(2, live.read());
  }

  @Test
  void underflowIsReportedAndSaturates() {
    Refcount r = new Refcount(kernel, "eventfd_ctx", 1);
    assertTrue(r.decAndTest());
    assertFalse(r.decAndTest());
    assertEquals(Refcount.SATURATED, r.read());
    KernelEvent e = kernel.log().events(EventKind.REFCOUNT).get(0);
    assertEquals("refcount_t: underflow; use-after-free.", e.message());
    assertEquals("the reference count of eventfd_ctx", e.details().get(0));
  }

  @Test
  void additionOnZeroIsReported() {
    Refcount r = new Refcount(kernel, "thing", 0);
    r.inc();
    assertEquals("refcount_t: addition on 0; use-after-free.", kernel.log().events(EventKind.REFCOUNT).get(0).message());
    assertEquals(Refcount.SATURATED, r.read());
  }
}
