/**
 * Supervised runs: scenarios run where a runaway revision can be stopped, as jcstress forks its
 * VMs and syzkaller restarts a crashed one.
 *
 * <ul>
 *   <li>{@link dev.irqlab.conformance.supervise.Supervisor} (this JVM) starts a {@link
 *       dev.irqlab.conformance.supervise.Worker} JVM on its own class path, sends it every job at
 *       once and reads back each step and trace as the report's JSON, a message a line ({@link
 *       dev.irqlab.conformance.supervise.Wire}).
 *   <li>The worker runs a job per core on runner threads; its watchdog ends a job whose runner is
 *       in a deadlock, or that is past the time limit, with a {@link
 *       dev.irqlab.conformance.supervise.ThreadDump} that shows the revision's {@link
 *       dev.irqlab.conformance.supervise.Frames}, and halts.
 *   <li>A worker that halts, exits or dies loses its job: the job gets a {@code HANG}, {@code
 *       DEADLOCK} or {@code CRASH} trace, and a fresh worker runs the others. When the job that
 *       took a worker down is not known (out of memory, a signal), the jobs it was running run
 *       again one at a time.
 * </ul>
 *
 * <p>A fault-free run gives the traces of a run in one JVM, byte for byte.
 */
package dev.irqlab.conformance.supervise;
