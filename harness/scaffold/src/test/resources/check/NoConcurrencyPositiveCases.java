package dev.irqlab.rev.cases;

import java.util.concurrent.ConcurrentHashMap; // BUG: no-concurrency
import java.util.concurrent.atomic.AtomicInteger; // BUG: no-concurrency
import java.util.concurrent.locks.*; // BUG: no-concurrency

/** Java's own serialisation instead of the emulated kernel's locks. */
final class NoConcurrencyPositiveCases {
  private volatile int state; // BUG: no-concurrency
  private final AtomicInteger count = new AtomicInteger();

  synchronized void add() { // BUG: no-concurrency
    count.incrementAndGet();
  }

  void take() throws InterruptedException {
    synchronized (this) { // BUG: no-concurrency
      while (state == 0) {
        wait(10); // BUG: no-concurrency
      }
      notifyAll(); // BUG: no-concurrency
    }
  }

  void pool() {
    java.util.concurrent.Executors.newSingleThreadExecutor(); // BUG: no-concurrency
  }
}
