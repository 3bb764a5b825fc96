/**
 * C revisions: a kernel tree's {@code virt/lib/irqbypass.c} run as a revision, beside the Java
 * ports, on the same emulated kernel and scenarios.
 *
 * <p>{@code c:PATH[@REF]} ({@link dev.irqlab.crev.CSource}) names the two files, on disk or at a
 * git ref. The header ({@link dev.irqlab.crev.CHeader}) says which API they have. {@link
 * dev.irqlab.crev.CBuild} compiles them with gcc and AddressSanitizer against irqlab's kernel shim
 * (the resources under {@code shim/}), cached by content. The program is a fork server ({@link
 * dev.irqlab.crev.CHost}); each load of the revision is one child, and {@link
 * dev.irqlab.crev.CManager} is the emulated kernel's side of its wire: it calls the entry points
 * and answers every kernel service and callback the C asks for, so that locks, warnings,
 * allocations, the module refcount and the xarray are the emulated kernel's own, and a fault of
 * the C (AddressSanitizer's report, a NULL dereference, a walk that never ends) is the kernel's
 * report of it at the C's line. {@link dev.irqlab.crev.CRevisionFactory} makes the revision from
 * its id wherever a revision id is read (the command line, a worker JVM).
 */
package dev.irqlab.crev;
