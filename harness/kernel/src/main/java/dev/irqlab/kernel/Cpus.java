package dev.irqlab.kernel;

import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * The CPUs of the emulated machine, for workloads with more tasks than the host has cores.
 *
 * <p>By default every task has a CPU of its own, which is what a Java thread gets from the host
 * as long as there are fewer threads than cores. With more, the host's scheduler preempts
 * threads at any instruction, among them a task that holds a mutex, and every task that wants
 * the mutex then waits for the host to run the holder again: a wait the kernel would not see,
 * since kernel code holding a mutex is not preempted by the tasks waiting for it.
 *
 * <p>{@link KernelConfig#cpus()} bounds how many tasks that {@link #run run on the CPUs} run at
 * once outside a mutex. A task gives its CPU up as it takes a {@link Mutex} (or goes to sleep
 * waiting for one), runs its critical section on a CPU of its own, and waits for one of the
 * shared CPUs again once it has released every mutex. So at most {@code cpus} tasks plus the
 * holder run at once: with one CPU fewer than the host has cores, the holder of a contended mutex
 * always finds a core, and tasks still contend for the mutex as they do on a large machine.
 *
 * <p>On the emulated CPUs a task that finds a mutex held first spins for a while, keeping its CPU,
 * before it goes to sleep, as {@code mutex_optimistic_spin()} does while the owner runs
 * ({@code CONFIG_MUTEX_SPIN_ON_OWNER}): a short critical section then costs its waiter about its
 * own length, not a sleep and a wake-up.
 */
public final class Cpus {
  /** How long a waiter spins before it sleeps, in ns: a few short critical sections. */
  static final long SPIN_NANOS = 20_000;

  private final int count;
  private final Semaphore free;

  Cpus(int count) {
    this.count = count;
    this.free = count > 0 ? new Semaphore(count, true) : null;
  }

  /** The number of CPUs, or 0 for one per task. */
  public int count() {
    return count;
  }

  /**
   * Runs the current task on a CPU until the returned scope is closed: waits for a free CPU
   * first. With one CPU per task it returns at once.
   */
  public Kernel.Scope run(Kernel kernel) {
    Task task = kernel.current();
    if (free == null || task.cpu() != Task.Cpu.NONE) {
      return () -> {};
    }
    take(task);
    return () -> {
      if (task.cpu() == Task.Cpu.ON) {
        free.release();
      }
      task.setCpu(Task.Cpu.NONE);
    };
  }

  /**
   * {@code mutex_optimistic_spin()}: on the emulated CPUs, calls {@code tryTake} until it
   * succeeds or {@value #SPIN_NANOS} ns have passed; true when it took the mutex. With one CPU
   * per task there is no spinning: the host may have fewer cores than spinners.
   */
  boolean spin(BooleanSupplier tryTake) {
    if (free == null) {
      return false;
    }
    long deadline = System.nanoTime() + SPIN_NANOS;
    do {
      if (tryTake.getAsBoolean()) {
        return true;
      }
      Thread.onSpinWait();
    } while (System.nanoTime() < deadline);
    return false;
  }

  /** The task is taking a mutex, or going to sleep for one: its CPU goes to another task. */
  void locking(Task task) {
    if (free != null && task.cpu() == Task.Cpu.ON) {
      task.setCpu(Task.Cpu.OFF);
      free.release();
    }
  }

  /** The task released a mutex: once it holds none, it waits for a CPU again if it gave its own up. */
  void released(Task task) {
    if (free != null && task.cpu() == Task.Cpu.OFF && task.heldLocks().isEmpty()) {
      take(task);
    }
  }

  private void take(Task task) {
    free.acquireUninterruptibly();
    task.setCpu(Task.Cpu.ON);
  }
}
