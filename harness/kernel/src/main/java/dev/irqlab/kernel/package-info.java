/**
 * The emulated kernel: what a ported revision of {@code virt/lib/irqbypass.c} and the simulated
 * drivers stand on.
 *
 * <p>A port must behave like the C code, so the C code's world is emulated rather than replaced
 * with Java collections: {@link dev.irqlab.kernel.Mutex} (with lockdep and lock_stat), {@link
 * dev.irqlab.kernel.ListHead}, {@link dev.irqlab.kernel.XArray}, {@link
 * dev.irqlab.kernel.EventfdCtx}, {@link dev.irqlab.kernel.Module}, and kernel memory ({@link
 * dev.irqlab.kernel.KObject}, {@link dev.irqlab.kernel.Memory}) watched by KASAN and kmemleak.
 * Everything is created against one {@link dev.irqlab.kernel.Kernel}, which owns the log, the
 * allocator, fault injection, the watchdog and, for workloads with more tasks than the host has
 * cores, the emulated {@link dev.irqlab.kernel.Cpus}. There is no static mutable state: each run
 * gets its own kernel.
 *
 * <p>Conventions, as in the C: functions return {@code 0} or a negative {@link
 * dev.irqlab.kernel.Errno errno}; {@code NULL} is {@code null}; a pointer's value is {@link
 * dev.irqlab.kernel.KObject#address()}. Misuse is reported as a structured {@link
 * dev.irqlab.kernel.KernelEvent} in the {@link dev.irqlab.kernel.KernelLog}, never by an
 * exception, except where the kernel would kill the task (an oops, a deadlock, a soft lockup):
 * then the report is logged and {@link dev.irqlab.kernel.Oops} unwinds the Java stack.
 */
package dev.irqlab.kernel;
