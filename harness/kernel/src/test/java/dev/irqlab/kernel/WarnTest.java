package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarnTest {
  private final Kernel kernel = new Kernel();

  private boolean warnOnceHere(boolean condition) {
    return kernel.warnOnOnce(condition);
  }

  @Test
  void warnOnOnceSplatsOncePerCallSiteAndReturnsTheCondition() {
    assertTrue(warnOnceHere(true));
    assertTrue(warnOnceHere(true));
    assertFalse(warnOnceHere(false));
    List<KernelEvent> warnings = kernel.log().events(EventKind.WARNING);
    assertEquals(1, warnings.size());
    assertEquals("warnOnceHere", warnings.get(0).site().method());
    assertTrue(warnings.get(0).message().startsWith("WARNING: CPU: 0 PID: "), warnings.get(0).message());
  }

  @Test
  void warnOnOnceAtAnotherSiteSplatsAgain() {
    kernel.warnOnOnce(true);
    kernel.warnOnOnce(true);
    assertEquals(2, kernel.log().events(EventKind.WARNING).size());
  }

  @Test
  void warnOnSplatsEveryTimeAndNeverThrows() {
    for (int i = 0; i < 3; i++) {
      assertTrue(kernel.warnOn(true));
    }
    assertFalse(kernel.warnOn(false));
    assertEquals(3, kernel.log().events(EventKind.WARNING).size());
  }

  @Test
  void warnCarriesItsMessage() {
    kernel.warn(true, "module_put: %s: failed to put refcount", "irqbypass");
    KernelEvent w = kernel.log().events(EventKind.WARNING).get(0);
    assertEquals(List.of("module_put: irqbypass: failed to put refcount"), w.details());
    assertEquals(LogLevel.WARNING, w.level());
  }

  @Test
  void warnOncePerKernelNotPerProcess() {
    Kernel other = new Kernel();
    for (Kernel k : List.of(kernel, other)) {
      k.warnOnce(true, "same line");
    }
    assertEquals(1, kernel.log().events(EventKind.WARNING).size());
    assertEquals(1, other.log().events(EventKind.WARNING).size());
  }

  @Test
  void bugEndsTheTaskWithTheReportLogged() {
    Oops oops = assertThrows(Oops.class, () -> {
      throw kernel.bug("list corrupted");
    });
    assertEquals(EventKind.BUG, oops.event().kind());
    assertTrue(oops.event().message().contains("list corrupted"));
    assertEquals(oops.event(), kernel.log().events(EventKind.BUG).get(0));
  }

  @Test
  void aNullPointerExceptionBecomesANullDereferenceOops() {
    Oops oops = kernel.oopsFor(new NullPointerException());
    assertEquals("BUG: kernel NULL pointer dereference, address: 0000000000000000", oops.event().message());
    assertEquals(1, kernel.log().events(EventKind.BUG).size());
  }

  @Test
  void mightSleepIsQuietInProcessContext() {
    kernel.mightSleep();
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void mightSleepInAtomicContextReports() {
    try (Kernel.Scope atomic = kernel.enterAtomic()) {
      assertTrue(kernel.current().inAtomic());
      kernel.mightSleep();
    }
    assertFalse(kernel.current().inAtomic());
    List<KernelEvent> reports = kernel.log().events(EventKind.SLEEP_IN_ATOMIC);
    assertEquals(1, reports.size());
    assertTrue(reports.get(0).message().startsWith("BUG: sleeping function called from invalid context at WarnTest."));
    assertTrue(reports.get(0).details().get(0).contains("preempt_count: 1"), reports.get(0).details().toString());
  }

  @Test
  void atomicContextIsPerTask() throws Exception {
    try (Kernel.Scope atomic = kernel.enterAtomic()) {
      Thread other = new Thread(kernel::mightSleep);
      other.start();
      other.join();
    }
    assertTrue(kernel.log().reports().isEmpty());
  }
}
