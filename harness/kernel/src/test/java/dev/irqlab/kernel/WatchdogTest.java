package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WatchdogTest {
  @Test
  void aWalkWithinTheLimitIsQuiet() {
    Kernel kernel = new Kernel(KernelConfig.defaults().withWalkLimit(100));
    Watchdog.Walk walk = kernel.watchdog().walk("test walk");
    for (int i = 0; i < 100; i++) {
      walk.step();
    }
    assertEquals(100, walk.steps());
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void anEndlessWalkBecomesASoftLockupThatEndsTheTask() {
    Kernel kernel = new Kernel(KernelConfig.defaults().withWalkLimit(1000));
    Watchdog.Walk walk = kernel.watchdog().walk("list_for_each_entry(producers)");
    Oops oops =
        assertThrows(
            Oops.class,
            () -> {
              while (true) {
                walk.step();
              }
            });
    assertEquals(EventKind.SOFT_LOCKUP, oops.event().kind());
    assertTrue(oops.event().message().startsWith("watchdog: BUG: soft lockup - CPU#0 stuck for "), oops.event().message());
    assertEquals("list_for_each_entry(producers) did not end after 1000 steps", oops.event().details().get(0));
    assertEquals(1, kernel.log().events(EventKind.SOFT_LOCKUP).size());
  }

  @Test
  void eachWalkHasItsOwnBudget() {
    Kernel kernel = new Kernel(KernelConfig.defaults().withWalkLimit(10));
    for (int w = 0; w < 5; w++) {
      Watchdog.Walk walk = kernel.watchdog().walk("walk " + w);
      for (int i = 0; i < 10; i++) {
        walk.step();
      }
    }
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void aZeroLimitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> KernelConfig.defaults().withWalkLimit(0));
  }
}
