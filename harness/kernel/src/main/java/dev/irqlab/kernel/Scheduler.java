package dev.irqlab.kernel;

/**
 * Runs a kernel's tasks in a time of its own instead of the host's: where a task may have to wait
 * for another (a {@link Mutex}), the kernel asks the scheduler, which decides in its own clock who
 * gets the mutex and when, and lets the task's thread go on only then. With no scheduler (the
 * default) tasks are Java threads that the host schedules, and a mutex blocks them for real.
 *
 * <p>A scheduler runs one task at a time, so the mutex it grants is always free on the host.
 */
public interface Scheduler {
  /**
   * The current task {@code task} wants {@code mutex} ({@code mutex_lock}, or {@code
   * mutex_trylock} when {@code tryOnly}). Returns once the task may take it, with the time it
   * waited in ns: 0 when the mutex was free, more than 0 when it was contended. With {@code
   * tryOnly}, returns -1 at once when the mutex is held.
   */
  long lock(Mutex mutex, Task task, boolean tryOnly);

  /** {@code task} has released {@code mutex}: the scheduler hands it on at the task's time. */
  void unlock(Mutex mutex, Task task);

  /** {@code task}'s clock now, in ns, counting the work it has done since it last waited. */
  long now(Task task);
}
