package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MutexTest {
  private final Kernel kernel = new Kernel();
  private final Mutex lock = new Mutex(kernel, "lock");

  @Test
  void lockAndUnlockTrackTheOwner() {
    lock.lock();
    assertTrue(lock.isLocked());
    assertTrue(lock.isHeldByCurrent());
    assertSame(kernel.current(), lock.owner());
    assertEquals(List.of(lock), kernel.lockdep().heldLocks());
    lock.assertHeld();
    lock.unlock();
    assertFalse(lock.isLocked());
    assertNull(lock.owner());
    assertTrue(kernel.lockdep().heldLocks().isEmpty());
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void lockdepListsEveryMutexOfItsKernelInOrder() {
    Mutex other = new Mutex(kernel, "other");
    new Mutex(new Kernel(), "elsewhere");
    assertEquals(List.of(lock, other), kernel.lockdep().locks());
  }

  @Test
  void guardReleasesOnEveryExit() {
    assertEquals(-Errno.EBUSY, guardedEarlyReturn());
    assertFalse(lock.isLocked());
    assertThrows(IllegalStateException.class, () -> {
      try (Mutex.Guard g = lock.guard()) {
        throw new IllegalStateException("boom");
      }
    });
    assertFalse(lock.isLocked());
    assertTrue(kernel.log().reports().isEmpty());
  }

  private int guardedEarlyReturn() {
    try (Mutex.Guard g = lock.guard()) {
      assertTrue(lock.isHeldByCurrent());
      return -Errno.EBUSY;
    }
  }

  @Test
  void recursiveLockingIsReportedAndEndsTheTaskInsteadOfHanging() {
    lock.lock();
    Oops oops = assertThrows(Oops.class, lock::lock);
    assertEquals(EventKind.LOCKDEP, oops.event().kind());
    assertEquals("WARNING: possible recursive locking detected", oops.event().message());
    assertTrue(oops.event().details().contains("*** DEADLOCK ***"));
    assertTrue(lock.isHeldByCurrent());
    lock.unlock();
  }

  @Test
  void unlockingAFreeMutexIsABadUnlockBalance() {
    lock.unlock();
    List<KernelEvent> reports = kernel.log().events(EventKind.LOCKDEP);
    assertEquals(1, reports.size());
    assertEquals("WARNING: bad unlock balance detected!", reports.get(0).message());
    assertTrue(reports.get(0).details().contains("but there are no more locks to release!"));
    assertFalse(lock.isLocked());
  }

  @Test
  void unlockByANonOwnerIsReportedAndReleasesAsTheKernelDoes() throws Exception {
    lock.lock();
    Thread other = new Thread(lock::unlock, "other");
    other.start();
    other.join();
    List<KernelEvent> reports = kernel.log().events(EventKind.LOCKDEP);
    assertEquals(1, reports.size());
    assertEquals("WARNING: bad unlock balance detected!", reports.get(0).message());
    assertTrue(reports.get(0).details().get(1).startsWith("but the lock is held by irqlab/"), reports.get(0).details().toString());
    assertFalse(lock.isLocked());
    assertTrue(kernel.lockdep().heldLocks().isEmpty());
  }

  @Test
  void assertHeldReportsWhenTheTaskDoesNotHoldIt() {
    lock.assertHeld();
    List<KernelEvent> reports = kernel.log().events(EventKind.LOCKDEP);
    assertEquals(1, reports.size());
    assertTrue(reports.get(0).details().get(0).startsWith("lockdep_assert_held(&lock) failed"));
  }

  @Test
  void aLockStillHeldWhenAnEntryReturnsIsReported() {
    assertTrue(kernel.lockdep().assertNoLocksHeld("irq_bypass_register_producer"));
    lock.lock();
    assertFalse(kernel.lockdep().assertNoLocksHeld("irq_bypass_register_producer"));
    KernelEvent e = kernel.log().events(EventKind.LOCKDEP).get(0);
    assertEquals("WARNING: lock held when returning to user space!", e.message());
    assertTrue(e.details().get(0).contains("is leaving irq_bypass_register_producer with locks still held!"));
    assertTrue(e.details().get(2).contains("(lock)") && e.details().get(2).contains("MutexTest.aLockStillHeld"), e.details().toString());
    lock.unlock();
  }

  @Test
  void lockMightSleep() {
    try (Kernel.Scope atomic = kernel.enterAtomic()) {
      lock.lock();
      lock.unlock();
    }
    assertEquals(1, kernel.log().events(EventKind.SLEEP_IN_ATOMIC).size());
  }

  @Test
  void tryLockFailsWhileAnotherTaskHoldsIt() throws Exception {
    lock.lock();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      assertFalse(pool.submit(lock::tryLock).get());
    } finally {
      lock.unlock();
      pool.shutdownNow();
    }
    assertTrue(lock.tryLock());
    lock.unlock();
  }

  @Test
  void lockStatCountsAcquisitionsAndHoldTime() {
    for (int i = 0; i < 5; i++) {
      lock.lock();
      lock.unlock();
    }
    LockStat.Snapshot s = lock.stat().snapshot();
    assertEquals("lock", s.name());
    assertEquals(5, s.acquisitions());
    assertEquals(0, s.contentions());
    assertEquals(5, s.waitTime().getTotalCount());
    assertEquals(5, s.holdTime().getTotalCount());
    lock.stat().reset();
    assertEquals(0, lock.stat().snapshot().acquisitions());
  }

  @Test
  void realContentionBlocksCountsAndSerialises() throws Exception {
    int threads = 4;
    int rounds = 2000;
    long[] shared = {0};
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < rounds; i++) {
            lock.lock();
            long v = shared[0];
            Thread.onSpinWait();
            shared[0] = v + 1;
            lock.unlock();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals((long) threads * rounds, shared[0]);
    LockStat.Snapshot s = lock.stat().snapshot();
    assertEquals((long) threads * rounds, s.acquisitions());
    assertEquals((long) threads * rounds, s.waitTime().getTotalCount());
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void withoutLockStatNothingIsRecorded() {
    Kernel k = new Kernel(KernelConfig.defaults().withLockStat(false));
    Mutex m = new Mutex(k, "m");
    m.lock();
    m.unlock();
    assertEquals(0, m.stat().snapshot().acquisitions());
  }
}
