package dev.irqlab.kernel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Lockdep: which task holds which {@link Mutex}, and the reports for misuse. It reports; it
 * never lets a task hang.
 */
public final class Lockdep {
  private final Kernel kernel;
  private final Queue<Mutex> locks = new ConcurrentLinkedQueue<>();

  Lockdep(Kernel kernel) {
    this.kernel = kernel;
  }

  /** A mutex was initialised on this kernel. */
  void register(Mutex m) {
    locks.add(m);
  }

  /**
   * Every mutex initialised on this kernel so far, in the order they were initialised: what
   * {@code /proc/lock_stat} lists, each with its {@link Mutex#stat() figures}.
   */
  public List<Mutex> locks() {
    return List.copyOf(locks);
  }

  void acquired(Mutex m, Task task) {
    task.heldLocks().push(m);
  }

  void released(Mutex m, Task task) {
    task.heldLocks().remove(m);
  }

  /** The mutexes the current task holds, the most recently taken first. */
  public List<Mutex> heldLocks() {
    Task task = kernel.current();
    List<Mutex> held = new ArrayList<>();
    for (Iterator<Mutex> it = task.heldLocks().iterator(); it.hasNext(); ) {
      Mutex m = it.next();
      if (m.owner() == task) {
        held.add(m);
      } else {
        it.remove(); // released by another task (reported then)
      }
    }
    return held;
  }

  /**
   * Checks that the current task holds no mutex as an API entry returns to its caller; logs
   * "lock held when returning to user space!" naming {@code entry} and each held lock when it
   * does. The locks stay held.
   *
   * @return true when no lock was held
   */
  public boolean assertNoLocksHeld(String entry) {
    return assertNoLocksHeld(entry, List.of());
  }

  /**
   * As {@link #assertNoLocksHeld(String)}, for an entry point called with locks its caller took:
   * only the locks held now that are not in {@code heldAtEntry} (what {@link #heldLocks()} said
   * when the entry point was called) are reported.
   */
  public boolean assertNoLocksHeld(String entry, List<Mutex> heldAtEntry) {
    List<Mutex> held = new ArrayList<>(heldLocks());
    held.removeIf(m -> heldAtEntry.stream().anyMatch(e -> e == m));
    if (held.isEmpty()) {
      return true;
    }
    Task task = kernel.current();
    List<String> details = new ArrayList<>();
    details.add(String.format(Locale.ROOT, "%s is leaving %s with locks still held!", task, entry));
    details.add(String.format(Locale.ROOT, "%d lock%s held by %s:", held.size(), held.size() == 1 ? "" : "s", task));
    for (int i = 0; i < held.size(); i++) {
      details.add(String.format(Locale.ROOT, " #%d: %s", i, held.get(i).describeHeld()));
    }
    kernel.log(EventKind.LOCKDEP, LogLevel.WARNING, "WARNING: lock held when returning to user space!", kernel.caller(), details);
    return false;
  }

  /**
   * The report for a task taking a lock it holds, and the {@link Oops} that ends it: {@code
   * lockName} is the lock, {@code held} how lockdep shows it held.
   */
  Oops recursiveLocking(String lockName, String held, Task task) {
    Site site = kernel.caller();
    List<String> details = new ArrayList<>();
    details.add(String.format(Locale.ROOT, "%s is trying to acquire lock:", task));
    details.add(String.format(Locale.ROOT, "(%s){+.+.}-{4:4}, at: %s", lockName, site));
    details.add("but task is already holding lock:");
    details.add(held);
    details.add("*** DEADLOCK ***");
    details.add("the task would sleep here forever; the emulated kernel ended it instead");
    return new Oops(kernel.log(EventKind.LOCKDEP, LogLevel.WARNING, "WARNING: possible recursive locking detected", site, details));
  }

  void badUnlock(Mutex m, Task task, Task holder) {
    Site site = kernel.caller(c -> c.equals(Mutex.class.getName()));
    List<String> details = new ArrayList<>();
    details.add(String.format(Locale.ROOT, "%s is trying to release lock (%s) at: %s", task, m.name(), site));
    if (holder == null) {
      details.add("but there are no more locks to release!");
    } else {
      details.add("but the lock is held by " + holder + " " + m.describeHeld());
    }
    kernel.log(EventKind.LOCKDEP, LogLevel.WARNING, "WARNING: bad unlock balance detected!", site, details);
  }

  void assertHeldFailed(Mutex m) {
    Site site = kernel.caller(c -> c.equals(Mutex.class.getName()));
    List<String> details = new ArrayList<>();
    details.add(String.format(Locale.ROOT, "lockdep_assert_held(&%s) failed in %s", m.name(), kernel.current()));
    details.addAll(m.ownerLines());
    kernel.log(EventKind.LOCKDEP, LogLevel.WARNING, String.format(Locale.ROOT, "WARNING: CPU: 0 PID: %d at %s", kernel.current().pid(), site), site, details);
  }
}
