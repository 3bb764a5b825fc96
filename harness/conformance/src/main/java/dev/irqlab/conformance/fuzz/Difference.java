package dev.irqlab.conformance.fuzz;

import java.util.Objects;

/**
 * One behavioural difference between the traces of a scenario on two revisions, or one thing a
 * revision did on its own that a kernel must not (a report, a task that died, an interrupt lost, a
 * leak).
 *
 * @param signature what differs and where, with no object names: {@code register producer returns
 *     -EBUSY / -EINVAL}, {@code KASAN at unregister consumer: B only}. Differences with one signature
 *     are one finding; shrinking keeps it.
 * @param step the index of the step it shows in, or -1 for the teardown and the machine after it
 * @param a what the first side did (one line)
 * @param b what the second side did, or null when fuzzing one revision
 * @param aspect what kind of behaviour it is, most serious first
 */
public record Difference(String signature, int step, String a, String b, Aspect aspect) {
  public Difference {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(aspect, "aspect");
  }

  /** What kind of behaviour differs, most serious first: the order of a report's findings. */
  public enum Aspect {
    /** What no kernel may do: a report, a task that died, a hang, an interrupt lost, a leak. */
    FAULT,
    /** An entry point's or a system call's return code. */
    RETURN,
    /** The callbacks, in order. */
    CALLBACKS,
    /** The registry, the connections, the module refcount. */
    REGISTRY,
    /** Where interrupts went. */
    INTERRUPTS,
    /** What the system calls inside a step did. */
    SYSTEM_CALLS,
    /** The kernel log. */
    LOG
  }
}
