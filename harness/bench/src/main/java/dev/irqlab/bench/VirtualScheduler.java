package dev.irqlab.bench;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.kernel.Scheduler;
import dev.irqlab.kernel.Task;
import dev.irqlab.kernel.Work;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * Tasks on {@code T} virtual CPUs in virtual time: an execution-driven discrete-event simulation,
 * as ZSim, Graphite and SST do it for whole machines.
 *
 * <p>Every task is a Java thread running the real code on the emulated kernel, but only one runs
 * at a time: the one whose turn the schedule says it is. A task runs one piece, from one mutex
 * operation to the next, and the piece advances the task's clock by what it cost: the work the
 * emulated kernel counted for it on the way ({@link Work}: list and xarray nodes visited, objects
 * allocated and freed, locks taken, system calls), each unit at the duration the {@link
 * CostModel} gives it. So what a piece does, which entries a walk visits and what a registration
 * changes, comes from running the port; only the time it takes is modelled. The host's speed, its
 * garbage collections and its scheduler never enter a figure, and the same run gives the same
 * figures every time.
 *
 * <p>A mutex hands over as the kernel's does ({@code kernel/locking/mutex.c} with {@code
 * CONFIG_MUTEX_SPIN_ON_OWNER}):
 *
 * <ul>
 *   <li>a task that finds it free takes it at once;
 *   <li>a task that finds it held spins on its CPU, in a queue of spinners ({@code osq_lock()}),
 *       unless another task is ready to run on that CPU; the first spinner takes the mutex a
 *       {@code handover} after it is released;
 *   <li>otherwise the task sleeps on the mutex's wait list and gives its CPU to the next task
 *       ready on it ({@code switch}); a release wakes the first sleeper, which takes the mutex a
 *       {@code wakeup} later unless a task took it first (a spinner, or a task that found it
 *       free), in which case it asks for the mutex to be handed to it at the next release ({@code
 *       MUTEX_FLAG_HANDOFF}) and takes it a {@code wakeup} after that release;
 *   <li>a spinner whose CPU gets another task ready stops spinning and sleeps.
 * </ul>
 *
 * <p>The wait lock_stat records is the virtual time from asking to getting, the hold the virtual
 * time from getting to releasing. A CPU runs its tasks in turn and switches only when one sleeps
 * (on a mutex, or for a time: {@link #sleep}) or ends: there is no time slice. Tasks are placed
 * on CPUs in turn, task {@code i} on CPU {@code i mod T}.
 */
public final class VirtualScheduler implements Scheduler {
  private enum Kind { RUN, LOCK, RELEASE, WAKE, SLEEP, EXIT }

  /** The kinds of work, read at every mutex operation: one copy, not one per call. */
  private static final Work[] KINDS = Work.values();

  private record Event(long ps, long seq, Kind kind, Vt task, VMutex mutex, boolean tryOnly) implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      return ps != o.ps ? Long.compare(ps, o.ps) : Long.compare(seq, o.seq);
    }
  }

  /** A task in virtual time. */
  private final class Vt {
    final int index;
    final int cpu;
    final Semaphore go = new Semaphore(0);
    final long[] seen = new long[KINDS.length];
    Task task;
    long clock;
    long readyAt;
    long requestedAt;
    long wakesAt;
    boolean waitsForLock;
    boolean tryFailed;
    long result;
    VMutex spinningOn;
    boolean exited;
    Throwable error;

    Vt(int index) {
      this.index = index;
      this.cpu = index % cpus.length;
    }

    /** The work done since the last look, in ps; with {@code take}, the look is now. */
    long work(boolean take) {
      long ps = 0;
      for (Work w : KINDS) {
        long n = task.work(w);
        ps += (n - seen[w.ordinal()]) * perWork[w.ordinal()];
        if (take) {
          seen[w.ordinal()] = n;
        }
      }
      return ps;
    }

    @Override
    public String toString() {
      return task == null ? "task " + index : task.toString();
    }
  }

  /** A mutex as the schedule sees it. */
  private static final class VMutex {
    final Mutex mutex;
    Vt owner;
    final ArrayDeque<Vt> spinners = new ArrayDeque<>();
    final ArrayDeque<Vt> sleepers = new ArrayDeque<>();
    Vt handoff;
    boolean waking;

    VMutex(Mutex mutex) {
      this.mutex = mutex;
    }
  }

  /** A virtual CPU: the task on it (running or spinning) and the tasks ready to run on it. */
  private static final class Cpu {
    Vt current;
    final ArrayDeque<Vt> ready = new ArrayDeque<>();
  }

  private final Kernel kernel;
  private final long[] perWork;
  private final long handover;
  private final long wakeup;
  private final long cpuSwitch;
  private final Cpu[] cpus;
  private final PriorityQueue<Event> events = new PriorityQueue<>();
  private final Map<Mutex, VMutex> mutexes = new IdentityHashMap<>();
  private final Map<Task, Vt> byTask = new ConcurrentHashMap<>();
  private final List<Vt> tasks = new ArrayList<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private long seq;
  private int live;
  private long end;
  private volatile String failure;

  /**
   * @param cpus the virtual CPUs, at least 1
   */
  public VirtualScheduler(Kernel kernel, CostModel costs, int cpus) {
    if (cpus < 1) {
      throw new IllegalArgumentException("need at least one virtual CPU, not " + cpus);
    }
    this.kernel = kernel;
    this.perWork = costs.perWork();
    this.handover = costs.ps("handover");
    this.wakeup = costs.ps("wakeup");
    this.cpuSwitch = costs.ps("switch");
    this.cpus = new Cpu[cpus];
    for (int i = 0; i < cpus; i++) {
      this.cpus[i] = new Cpu();
    }
  }

  /**
   * Runs each of {@code bodies} as a task of its own, all ready at time 0, until every one has
   * ended; the kernel's mutexes go through this scheduler meanwhile. A body that throws ends its
   * task; the exception is kept ({@link #errors()}).
   *
   * @throws IllegalStateException when tasks are left waiting for mutexes that nobody will release
   */
  public void run(List<Runnable> bodies, String namePrefix) throws InterruptedException {
    CountDownLatch registered = new CountDownLatch(bodies.size());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      Vt vt = new Vt(i);
      tasks.add(vt);
      Runnable body = bodies.get(i);
      Thread thread = new Thread(() -> {
        vt.task = kernel.current();
        byTask.put(vt.task, vt);
        registered.countDown();
        vt.go.acquireUninterruptibly();
        vt.work(true);
        try {
          if (failure == null) {
            body.run();
          }
        } catch (Throwable e) {
          vt.error = e;
        }
        exit(vt);
      }, namePrefix + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    registered.await();
    live = tasks.size();
    for (Vt vt : tasks) {
      post(0, Kind.RUN, vt, null, false);
    }
    kernel.useScheduler(this);
    try {
      dispatch(null);
      finished.await();
      for (Thread t : threads) {
        t.join();
      }
    } finally {
      kernel.useScheduler(null);
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** When the last task ended, in ns of virtual time. */
  public long makespanNanos() {
    return end / 1000;
  }

  /** The exceptions that ended tasks, by task index (null where a task ended normally). */
  public List<Throwable> errors() {
    List<Throwable> out = new ArrayList<>();
    tasks.forEach(t -> out.add(t.error));
    return out;
  }

  // ---------------------------------------------------------------- Scheduler

  @Override
  public long lock(Mutex mutex, Task task, boolean tryOnly) {
    Vt vt = vt(task);
    vt.clock += vt.work(true);
    vt.waitsForLock = true;
    vt.tryFailed = false;
    vt.requestedAt = vt.clock;
    post(vt.clock, Kind.LOCK, vt, state(mutex), tryOnly);
    dispatch(vt);
    if (failure != null) {
      throw new IllegalStateException("virtual time stopped: " + failure);
    }
    if (vt.tryFailed) {
      return -1;
    }
    return vt.result > 0 && vt.result < 1000 ? 1 : vt.result / 1000;
  }

  @Override
  public void unlock(Mutex mutex, Task task) {
    Vt vt = vt(task);
    vt.clock += vt.work(true);
    post(vt.clock, Kind.RELEASE, vt, state(mutex), false);
  }

  /** The current task {@code task} spends {@code nanos} in user space: its clock moves on by as much. */
  public void think(Task task, long nanos) {
    Vt vt = vt(task);
    vt.clock += nanos * 1000;
  }

  /**
   * The current task sleeps {@code nanos} ({@code usleep()}): its CPU goes to the next task ready
   * on it meanwhile, and the task is ready again when the time is up.
   */
  public void sleep(Task task, long nanos) {
    Vt vt = vt(task);
    vt.clock += vt.work(true);
    vt.wakesAt = vt.clock + nanos * 1000;
    post(vt.clock, Kind.SLEEP, vt, null, false);
    dispatch(vt);
    if (failure != null) {
      throw new IllegalStateException("virtual time stopped: " + failure);
    }
  }

  @Override
  public long now(Task task) {
    Vt vt = vt(task);
    return (vt.clock + vt.work(false)) / 1000;
  }

  private Vt vt(Task task) {
    Vt vt = byTask.get(task);
    if (vt == null) {
      throw new IllegalStateException(task + " takes a mutex in virtual time but is none of its tasks");
    }
    return vt;
  }

  private VMutex state(Mutex mutex) {
    return mutexes.computeIfAbsent(mutex, VMutex::new);
  }

  private void exit(Vt vt) {
    if (failure != null) {
      return; // the schedule has stopped: the other tasks' threads are running out too
    }
    vt.clock += vt.work(true);
    vt.exited = true;
    post(vt.clock, Kind.EXIT, vt, null, false);
    dispatch(vt);
  }

  private void post(long ps, Kind kind, Vt task, VMutex mutex, boolean tryOnly) {
    events.add(new Event(ps, seq++, kind, task, mutex, tryOnly));
  }

  // ---------------------------------------------------------------- the schedule

  /**
   * Runs the schedule on the calling thread, the only one running, until it is some task's turn:
   * then returns at once when that task is {@code self}, else lets that task's thread go and
   * waits until it is {@code self}'s turn again (never, for a task that has ended).
   */
  private void dispatch(Vt self) {
    Vt next = null;
    while (next == null) {
      Event e = events.poll();
      if (e == null) {
        if (live > 0 && failure == null) {
          failure = stuck();
        }
        finished.countDown();
        tasks.forEach(t -> t.go.release());
        return;
      }
      next = switch (e.kind) {
        case RUN -> run(e.task, e.ps);
        case LOCK -> lock(e.task, e.mutex, e.ps, e.tryOnly);
        case RELEASE -> release(e.mutex, e.ps);
        case WAKE -> wake(e.task, e.mutex, e.ps);
        case SLEEP -> sleep(e.task, e.ps);
        case EXIT -> exit(e.task, e.ps);
      };
    }
    if (next == self) {
      return;
    }
    next.go.release();
    if (self != null && !self.exited) {
      self.go.acquireUninterruptibly();
    }
  }

  /** The task resumes at {@code ps}: the one to let go. */
  private Vt resume(Vt vt, long ps) {
    vt.clock = Math.max(vt.clock, ps);
    if (vt.waitsForLock) {
      vt.waitsForLock = false;
      vt.result = vt.tryFailed ? -1 : vt.clock - vt.requestedAt;
    }
    return vt;
  }

  /** {@code vt} is ready at {@code ps}: it runs if its CPU is free or only spinning. */
  private Vt run(Vt vt, long ps) {
    Cpu cpu = cpus[vt.cpu];
    if (cpu.current == null || cpu.current == vt) {
      cpu.current = vt;
      return resume(vt, ps);
    }
    vt.readyAt = ps;
    cpu.ready.add(vt);
    Vt spinner = cpu.current;
    if (spinner.spinningOn != null) { // need_resched(): the spinner goes to sleep
      VMutex m = spinner.spinningOn;
      m.spinners.remove(spinner);
      spinner.spinningOn = null;
      sleep(spinner, m, ps);
    }
    return null;
  }

  private Vt lock(Vt vt, VMutex m, long ps, boolean tryOnly) {
    if (m.owner == null && m.handoff == null) {
      m.owner = vt;
      return resume(vt, ps);
    }
    if (tryOnly) {
      vt.tryFailed = true;
      return resume(vt, ps);
    }
    if (cpus[vt.cpu].ready.isEmpty()) {
      vt.spinningOn = m;
      m.spinners.add(vt);
    } else {
      sleep(vt, m, ps);
    }
    return null;
  }

  /** {@code vt} sleeps on {@code m}: its CPU goes to the next task ready on it. */
  private void sleep(Vt vt, VMutex m, long ps) {
    m.sleepers.add(vt);
    leave(vt, ps);
  }

  /**
   * {@code mutex_unlock()}: to the sleeper that asked for a handoff; else to the first spinner.
   * As long as tasks sleep on the mutex, the first of them is woken too ({@code
   * __mutex_unlock_slowpath()} wakes the top waiter whatever spins).
   */
  private Vt release(VMutex m, long ps) {
    m.owner = null;
    if (m.handoff != null) {
      Vt w = m.handoff;
      m.handoff = null;
      m.sleepers.remove(w);
      m.owner = w;
      post(ps + wakeup, Kind.RUN, w, null, false);
      return null;
    }
    if (!m.spinners.isEmpty()) {
      Vt s = m.spinners.poll();
      s.spinningOn = null;
      m.owner = s;
      post(ps + handover, Kind.RUN, s, null, false);
    }
    if (!m.sleepers.isEmpty() && !m.waking) {
      m.waking = true;
      post(ps + wakeup, Kind.WAKE, m.sleepers.peek(), m, false);
    }
    return null;
  }

  private Vt wake(Vt w, VMutex m, long ps) {
    m.waking = false;
    if (m.owner == null) {
      m.sleepers.remove(w);
      m.owner = w;
      return run(w, ps);
    }
    m.handoff = w; // taken meanwhile: the next release hands it to w
    return null;
  }

  /** {@code vt} goes to sleep at {@code ps} until its {@code wakesAt}: its CPU goes to the next task. */
  private Vt sleep(Vt vt, long ps) {
    leave(vt, ps);
    post(vt.wakesAt, Kind.RUN, vt, null, false);
    return null;
  }

  private Vt exit(Vt vt, long ps) {
    live--;
    end = Math.max(end, ps);
    leave(vt, ps);
    return null;
  }

  /** {@code vt} leaves its CPU at {@code ps}: the next task ready on it runs. */
  private void leave(Vt vt, long ps) {
    Cpu cpu = cpus[vt.cpu];
    cpu.current = null;
    Vt next = cpu.ready.poll();
    if (next != null) {
      post(Math.max(ps, next.readyAt) + cpuSwitch, Kind.RUN, next, null, false);
    }
  }

  /** What is left when no event is: the tasks still waiting, and for what. */
  private String stuck() {
    List<String> parts = new ArrayList<>();
    for (VMutex m : mutexes.values()) {
      if (!m.spinners.isEmpty() || !m.sleepers.isEmpty()) {
        parts.add(String.format(Locale.ROOT, "%d tasks wait for %s, held by %s", m.spinners.size() + m.sleepers.size(),
            m.mutex.name(), m.owner == null ? "nobody" : m.owner));
      }
    }
    return live + " tasks never ended: " + (parts.isEmpty() ? "none waits for a mutex" : String.join("; ", parts));
  }
}
