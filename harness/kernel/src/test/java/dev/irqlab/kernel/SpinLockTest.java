package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpinLockTest {
  private final Kernel kernel = new Kernel();
  private final SpinLock lock = new SpinLock(kernel, "irqfds.lock");

  @Test
  void holdingASpinlockMakesTheTaskAtomic() {
    try (Kernel.Scope g = lock.guard()) {
      assertTrue(lock.isHeldByCurrent());
      assertTrue(kernel.current().inAtomic());
    }
    assertFalse(kernel.current().inAtomic());
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void sleepingUnderASpinlockIsReported() {
    Mutex mutex = new Mutex(kernel, "lock");
    lock.lock();
    mutex.lock();
    mutex.unlock();
    lock.unlock();
    assertEquals(1, kernel.log().events(EventKind.SLEEP_IN_ATOMIC).size());
  }

  @Test
  void takingItTwiceIsReportedNotHung() {
    lock.lock();
    Oops oops = assertThrows(Oops.class, lock::lock);
    assertEquals(EventKind.LOCKDEP, oops.event().kind());
    lock.unlock();
  }
}
