package dev.irqlab.kernel;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the kernel knows of the running task ({@code current}): its preempt count, its held
 * locks for lockdep, and whether KASAN reports are suppressed for it. One per Java thread and
 * {@link Kernel}.
 */
public final class Task {
  private final String comm;
  private final int pid;
  private int preemptCount;
  private int kasanDisabled;
  private final long[] work = new long[Work.all().length];
  private long listVisits;
  private final Deque<Mutex> heldLocks = new ArrayDeque<>();
  private Cpu cpu = Cpu.NONE;
  /** The place in foreign (C) code the task is at, while it runs a kernel service for it; else null. */
  private Site foreignSite;

  /** Where the task stands with the emulated {@link Cpus}. */
  enum Cpu {
    /** Not scheduled by the emulated CPUs (it has a CPU of its own). */
    NONE,
    /** Running on one of the emulated CPUs. */
    ON,
    /** Scheduled by the emulated CPUs, but asleep on a mutex or running as its holder. */
    OFF
  }

  Task(String comm, int pid) {
    this.comm = comm;
    this.pid = pid;
  }

  /** The task's name, as {@code current->comm}. */
  public String comm() {
    return comm;
  }

  public int pid() {
    return pid;
  }

  Site foreignSite() {
    return foreignSite;
  }

  void setForeignSite(Site site) {
    this.foreignSite = site;
  }

  /** True while the task may not sleep (inside a spinlock or another atomic section). */
  public boolean inAtomic() {
    return preemptCount > 0;
  }

  public int preemptCount() {
    return preemptCount;
  }

  void preemptDisable() {
    preemptCount++;
  }

  void preemptEnable() {
    if (preemptCount == 0) {
      throw new IllegalStateException("preempt_enable without preempt_disable");
    }
    preemptCount--;
  }

  boolean kasanEnabled() {
    return kasanDisabled == 0;
  }

  void kasanDisable() {
    kasanDisabled++;
  }

  void kasanEnable() {
    kasanDisabled--;
  }

  /** Counts one {@link ListHead} node visited by a walk of this task. */
  void countListVisit() {
    listVisits++;
    work[Work.LIST_NODE.ordinal()]++;
  }

  /** Counts {@code n} units of {@code kind} done by this task. */
  void count(Work kind, long n) {
    work[kind.ordinal()] += n;
  }

  /** {@link ListHead} nodes this task's walks visited. */
  public long listVisits() {
    return listVisits;
  }

  /**
   * The units of {@code kind} this task has done. Only the task itself writes its counts, so
   * another thread reads them exactly only once the task has stopped or handed over to it.
   */
  public long work(Work kind) {
    return work[kind.ordinal()];
  }

  Cpu cpu() {
    return cpu;
  }

  void setCpu(Cpu cpu) {
    this.cpu = cpu;
  }

  /** The mutexes this task holds, the most recently taken first. */
  Deque<Mutex> heldLocks() {
    return heldLocks;
  }

  @Override
  public String toString() {
    return comm + "/" + pid;
  }
}
