package dev.irqlab.kernel;

/**
 * The kinds of work the emulated kernel counts for each task as it does them: the steps that
 * cost time on a real machine and whose number depends on what the code does. A cost model that
 * gives each kind a duration turns a task's counts into the time it would have taken (see {@code
 * irqlab stress}'s virtual time); the kernel itself only counts.
 */
public enum Work {
  /**
   * A list node visited by a walk: one dependent load. {@link ListHead}'s walks count it, and so
   * do simulated drivers that keep a kernel list as a Java collection ({@link Kernel#work}).
   */
  LIST_NODE,
  /** An {@code xa_node} a walk of an {@link XArray} went through: one dependent load. */
  XA_NODE,
  /** A slab object allocated ({@link Memory}). */
  ALLOC,
  /** A slab object freed ({@link Memory#kfree}). */
  FREE,
  /** A lock taken without waiting: a {@link Mutex} or a {@link SpinLock}. */
  LOCK,
  /** A system call entered ({@link Kernel#syscall()}). */
  SYSCALL;

  private static final Work[] ALL = values();

  /** The kinds in declaration order (a shared copy: do not modify). */
  static Work[] all() {
    return ALL;
  }
}
