/**
 * v6.17: {@code virt/lib/irqbypass.c} as Sean Christopherson's eight-patch v2 series "irqbypass:
 * Cleanups and a perf improvement" left it, merged for Linux 6.17 and unchanged since.
 *
 * <h2>Theory of operation (include/linux/irqbypass.h)</h2>
 *
 * <p>The IRQ bypass manager is a simple set of lists and callbacks (the header still says lists)
 * that allows IRQ producers (ex. physical interrupt sources) to be matched to IRQ consumers (ex.
 * virtualization hardware that allows IRQ bypass or offload) via a shared eventfd_ctx.
 * Producers and consumers register independently. When a producer and consumer are paired, i.e.
 * an eventfd match is found, the optional {@code stop} callback is called for each participant,
 * the pair is connected with the {@code add_*} callbacks, and the optional {@code start}
 * callback allows any final coordination. When either side unregisters, the same happens with
 * {@code del_*}. Eventfds must be unique per producer and per consumer; 1:N pairings are not
 * supported. {@code eventfd}, {@code consumer} and {@code producer} are manager-owned: callers
 * zero-initialise them; {@code irq} is set by the manager.
 *
 * <h2>What this revision does</h2>
 *
 * <ul>
 *   <li>Registration: an object whose {@code eventfd} is already set warns once and gives {@code
 *       -EINVAL} (then, for a consumer, a missing {@code add_producer}/{@code del_producer}
 *       gives {@code -EINVAL}). A producer's {@code irq} is written next, before the lock, and
 *       stays even if registration fails ("KVM expects the IRQ to be valid as soon as a
 *       connection is possible"). Under {@code guard(mutex)} the object is {@code xa_insert}ed
 *       at the eventfd's address ({@code -EBUSY} when taken, {@code -ENOMEM} when the xarray
 *       cannot grow), then connected to the partner at that index; a failed connect erases it
 *       again ({@code WARN_ON_ONCE} if something else was there) and returns the error. Only on
 *       success is {@code eventfd} set.
 *   <li>{@code __connect} is the list era's, and on success records the binding ({@code
 *       producer->consumer}, {@code consumer->producer}) after both start callbacks; {@code
 *       __disconnect} clears it after them.
 *   <li>Unregistration: nothing to do while {@code eventfd} is NULL, so unregistering a
 *       never-registered object, a failed registration or twice is harmless; otherwise the
 *       bound partner is disconnected, the object erased ({@code WARN_ON_ONCE} if the index held
 *       another) and {@code eventfd} cleared.
 *   <li>No THIS_MODULE references (the module can be unloaded with objects registered), no
 *       {@code might_sleep()}, no {@code module_exit}.
 *   <li>A NULL eventfd is not rejected: it is index 0, and since {@code eventfd} then stays NULL
 *       after a "successful" registration, unregistration returns at once and leaves the object
 *       in the xarray.
 * </ul>
 *
 * <h2>Upstream</h2>
 *
 * <p>Sean Christopherson, 16 May 2025 (lore 20250516230734.2564775-1-seanjc@google.com), with
 * Reviewed-by Kevin Tian and Alex Williamson, Acked-by Michael S. Tsirkin; mainline commits
 * fa079a0616ed (drop THIS_MODULE get/put), 07fbc83c0152 (drop might_sleep), 2b521d86ee80 (take
 * ownership of the token, as {@code struct eventfd_ctx *eventfd}), add57f493e08 (track
 * bindings), 5d7dbdce388b (disconnect via the binding), 46a4bfd0ae48 (guard(mutex)),
 * 8394b32faecd (xarray) and 23b54381cee2 (producers pass the IRQ number), pulled as "KVM IRQ
 * changes for 6.17". Changes from v1 (revision cleanup-v1-2025): the token is {@code struct
 * eventfd_ctx *eventfd} [Alex Williamson]; the redundant {@code tmp == consumer} check is gone
 * from patch 3 [Kevin Tian]; producers pass the Linux IRQ number (patch 8).
 *
 * <p>The series is here patch by patch, v6.17-1 to v6.17-7, and this revision is its patch 8/8
 * (also v6.17-8): its parent is v6.17-7, so {@code diff -r revisions/v6.17-7 revisions/v6.17} is
 * that patch, "irqbypass: Require producers to pass in Linux IRQ number during registration".
 * It runs with the drivers of the 6.17 release, which carry the x86 rework merged after the
 * series; the earlier patches run with the callers of their own commits.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Sean Christopherson's changes. It is distributed under the
 * same licence.
 */
package dev.irqlab.rev.v6_17;
