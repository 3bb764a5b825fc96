package dev.irqlab.kernel;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * {@code spinlock_t}: while held, the task is atomic, so {@code might_sleep()} inside reports.
 * Taking it twice on one task is reported as recursive locking and ends the task.
 */
public final class SpinLock {
  private final Kernel kernel;
  private final String name;
  private final Sync sync = new Sync();
  private volatile Task owner;
  private Kernel.Scope atomic;

  public SpinLock(Kernel kernel, String name) {
    this.kernel = kernel;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** {@code spin_lock()}. */
  public void lock() {
    Task task = kernel.current();
    if (owner == task) {
      throw kernel.lockdep().recursiveLocking(name, "(" + name + ")", task);
    }
    sync.acquire(1);
    owner = task;
    task.count(Work.LOCK, 1);
    atomic = kernel.enterAtomic();
  }

  /** {@code spin_unlock()}. */
  public void unlock() {
    Kernel.Scope section = atomic;
    atomic = null;
    owner = null;
    sync.release(1);
    if (section != null) {
      section.close();
    }
  }

  /** {@code guard(spinlock)}: takes the lock; closing releases it. */
  public Kernel.Scope guard() {
    lock();
    return this::unlock;
  }

  public boolean isHeldByCurrent() {
    return owner == kernel.current();
  }

  private static final class Sync extends AbstractQueuedSynchronizer {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean tryAcquire(int arg) {
      return compareAndSetState(0, 1);
    }

    @Override
    protected boolean tryRelease(int arg) {
      setState(0);
      return true;
    }
  }
}
