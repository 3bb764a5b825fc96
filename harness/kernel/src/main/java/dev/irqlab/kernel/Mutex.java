package dev.irqlab.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * {@code struct mutex} with lockdep and lock_stat: a sleeping, non-recursive lock with an owner.
 *
 * <p>It really blocks, so Java threads contend on it as tasks contend on the kernel's mutex.
 * Lockdep reports instead of hanging: taking a mutex the task already holds logs "possible
 * recursive locking detected" and ends the task with {@link Oops} (in the kernel it would hang
 * forever); unlocking a mutex the task does not hold logs "bad unlock balance detected!" (and,
 * as the kernel does, releases it when somebody else held it); {@link #assertHeld()} reports
 * when the task does not hold it. {@link Lockdep#assertNoLocksHeld} catches a lock still held
 * when an API entry returns.
 *
 * <p>On a kernel with emulated {@link Cpus}, a waiter spins briefly before it sleeps and the
 * holder runs on a CPU of its own (see there); with one CPU per task, the default, a waiter
 * sleeps at once.
 */
public final class Mutex {
  /**
   * Writes {@link #owner} and {@link #acquiredAt} with release semantics: a task that reads the
   * owner sees where it took the mutex, and the taking and releasing of the mutex itself are
   * ordered by {@link #sync}, so neither write needs the full fence of a volatile store.
   */
  private static final VarHandle OWNER;
  private static final VarHandle ACQUIRED_AT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      OWNER = lookup.findVarHandle(Mutex.class, "owner", Task.class);
      ACQUIRED_AT = lookup.findVarHandle(Mutex.class, "acquiredAt", Site.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Kernel kernel;
  private final String name;
  private final Sync sync = new Sync();
  private final LockStat stat;
  private volatile Task owner;
  private volatile Site acquiredAt;
  private long acquiredNanos;
  private long waitedNanos;

  /** {@code DEFINE_MUTEX(name)}. */
  public Mutex(Kernel kernel, String name) {
    this.kernel = kernel;
    this.name = name;
    this.stat = new LockStat(name);
    kernel.lockdep().register(this);
  }

  public String name() {
    return name;
  }

  /** {@code mutex_lock()}: might sleep; blocks until the mutex is free. */
  public void lock() {
    Task task = kernel.current();
    kernel.mightSleep(task);
    if (owner == task) {
      throw kernel.lockdep().recursiveLocking(name, describeHeld(), task);
    }
    Scheduler scheduler = kernel.scheduler();
    if (scheduler != null) {
      long waited = scheduler.lock(this, task, false);
      if (waited > 0) {
        stat.contended();
      }
      granted(task, waited, scheduler);
      return;
    }
    if (sync.tryAcquire(1)) {
      kernel.cpus().locking(task);
      acquired(task, 0, timed() ? System.nanoTime() : 0);
      return;
    }
    stat.contended();
    long start = timed() ? System.nanoTime() : 0;
    boolean spun = kernel.cpus().spin(() -> sync.tryAcquire(1));
    kernel.cpus().locking(task);
    if (!spun) {
      sync.acquire(1);
    }
    long now = timed() ? System.nanoTime() : 0;
    acquired(task, now - start, now);
  }

  /** {@code mutex_trylock()}: takes the mutex if it is free; returns whether it did. */
  public boolean tryLock() {
    Task task = kernel.current();
    Scheduler scheduler = kernel.scheduler();
    if (scheduler != null) {
      if (owner == task || scheduler.lock(this, task, true) < 0) {
        return false;
      }
      granted(task, 0, scheduler);
      return true;
    }
    if (!sync.tryAcquire(1)) {
      return false;
    }
    kernel.cpus().locking(task);
    acquired(task, 0, timed() ? System.nanoTime() : 0);
    return true;
  }

  /** Takes the mutex a {@link Scheduler} granted: it is free on the host, as only one task runs. */
  private void granted(Task task, long waited, Scheduler scheduler) {
    if (!sync.tryAcquire(1)) {
      throw new IllegalStateException("the scheduler granted " + name + " to " + task + " while " + owner + " held it");
    }
    acquired(task, waited, scheduler.now(task));
  }

  private boolean timed() {
    return kernel.config().lockStat();
  }

  /** Runs with the mutex just taken; {@code waited} is 0 when it was free. */
  private void acquired(Task task, long waited, long now) {
    ACQUIRED_AT.setRelease(this, kernel.config().lockdepSites() ? kernel.caller(c -> c.equals(Mutex.class.getName())) : Site.UNKNOWN);
    OWNER.setRelease(this, task);
    acquiredNanos = now;
    waitedNanos = waited;
    task.count(Work.LOCK, 1);
    kernel.lockdep().acquired(this, task);
  }

  /** {@code mutex_unlock()}. */
  public void unlock() {
    Task task = kernel.current();
    Task holder = owner;
    if (holder == null) {
      kernel.lockdep().badUnlock(this, task, null);
      return;
    }
    if (holder != task) {
      kernel.lockdep().badUnlock(this, task, holder);
    } else {
      kernel.lockdep().released(this, task);
    }
    Scheduler scheduler = kernel.scheduler();
    if (scheduler != null) {
      stat.record(waitedNanos, scheduler.now(task) - acquiredNanos);
    } else if (timed()) {
      stat.record(waitedNanos, System.nanoTime() - acquiredNanos);
    }
    OWNER.setRelease(this, null);
    ACQUIRED_AT.setRelease(this, null);
    sync.release(1);
    if (scheduler != null) {
      scheduler.unlock(this, task);
    } else {
      kernel.cpus().released(task);
    }
  }

  /** {@code mutex_is_locked()}. */
  public boolean isLocked() {
    return owner != null;
  }

  /** {@code lockdep_is_held()}: true when the current task holds it. */
  public boolean isHeldByCurrent() {
    return owner == kernel.current();
  }

  /** The task holding it, or null. */
  public Task owner() {
    return owner;
  }

  /** Where the holder took it, or null when free. */
  public Site acquiredAt() {
    return acquiredAt;
  }

  /**
   * {@code lockdep_assert_held()}: reports when the current task does not hold the mutex.
   * Execution goes on.
   */
  public void assertHeld() {
    if (!isHeldByCurrent()) {
      kernel.lockdep().assertHeldFailed(this);
    }
  }

  /** {@code guard(mutex)(&lock)}: takes the mutex; closing the guard releases it. */
  public Guard guard() {
    lock();
    return new Guard();
  }

  /** The scope of a {@link #guard()}. */
  public final class Guard implements Kernel.Scope {
    private boolean released;

    private Guard() {}

    @Override
    public void close() {
      if (!released) {
        released = true;
        unlock();
      }
    }
  }

  /** lock_stat of this mutex. */
  public LockStat stat() {
    return stat;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Held-lock line as lockdep prints it. */
  String describeHeld() {
    return String.format(Locale.ROOT, "(%s){+.+.}-{4:4}, at: %s", name, acquiredAt);
  }

  List<String> ownerLines() {
    Task holder = owner;
    return holder == null ? List.of("the lock is not held") : List.of("held by " + holder + " " + describeHeld());
  }

  /** A non-reentrant lock that any thread may release, as the kernel's mutex is. */
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
