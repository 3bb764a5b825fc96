package dev.irqlab.rev.cases;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Mutex;

/** The emulated kernel's mutex, and calls that only share a name with Object's monitor methods. */
final class NoConcurrencyNegativeCases {
  private final Kernel kernel;
  /** {@code static DEFINE_MUTEX(lock)}. */
  private final Mutex lock;
  private int state;

  NoConcurrencyNegativeCases(Kernel kernel) {
    this.kernel = kernel;
    this.lock = new Mutex(kernel, "lock");
  }

  int register(Waiter waiter) {
    kernel.mightSleep();
    lock.lock();
    state++;
    waiter.wait(1, 2, 3);
    waiter.notify("consumer");
    lock.unlock();
    return 0;
  }

  interface Waiter {
    void wait(int a, int b, int c);

    void notify(String who);
  }
}
