/**
 * cleanup-v1-2025: {@code virt/lib/irqbypass.c} with all seven patches of Sean Christopherson's
 * v1 "irqbypass: Cleanups and a perf improvement" (4 April 2025) applied to the v6.16 file.
 *
 * <h2>Theory of operation (include/linux/irqbypass.h)</h2>
 *
 * <p>The IRQ bypass manager is a simple set of lists and callbacks that allows IRQ producers
 * (ex. physical interrupt sources) to be matched to IRQ consumers (ex. virtualization hardware
 * that allows IRQ bypass or offload) via a shared eventfd_ctx. Producers and consumers register
 * independently. When a token match is found, the optional {@code stop} callback is called for
 * each participant, the pair is connected with the {@code add_*} callbacks, and the optional
 * {@code start} callback allows any final coordination. When either side unregisters, the same
 * happens with {@code del_*}. Match tokens must be unique per producer and per consumer; 1:N
 * pairings are not supported. {@code token} ("IRQ bypass manager private token") and the
 * bindings are manager-owned: callers no longer set or clear the token.
 *
 * <h2>What this revision does</h2>
 *
 * <ul>
 *   <li>1/7 drops {@code try_module_get}/{@code module_put} ("A module taking a reference to
 *       itself is useless"): no {@code -ENODEV}, and nothing holds the module while objects are
 *       registered. 2/7 drops {@code might_sleep()} ("mutex_lock() provides all of the necessary
 *       tracking").
 *   <li>3/7: {@code irq_bypass_register_producer(producer, eventfd)} and {@code
 *       irq_bypass_register_consumer(consumer, eventfd)}; an object whose {@code token} is set
 *       warns once and gives {@code -EINVAL}; {@code token} is set to the eventfd only after a
 *       successful registration, so unregistering an object whose registration failed returns
 *       at once. The eventfd is not checked for NULL. Callers still set {@code irq} themselves.
 *   <li>4/7 and 5/7: {@code producer->consumer} and {@code consumer->producer} record a
 *       connection (set after the start callbacks of a successful connect, cleared after those
 *       of a disconnect), and unregistration disconnects the bound partner with no search.
 *       6/7: {@code guard(mutex)}.
 *   <li>7/7: {@code DEFINE_XARRAY(producers)} and {@code (consumers)} indexed by the eventfd's
 *       address; {@code xa_insert} before the connect ({@code -EBUSY} for a taken index, {@code
 *       -ENOMEM} when the xarray cannot grow); a failed connect erases the object again under
 *       {@code WARN_ON_ONCE}; the {@code tmp == consumer} identity check of 3/7 "subtly gets
 *       dropped on the conversion to xarray" (Sean Christopherson), the token precondition
 *       covering it. No {@code module_exit}, no {@code xa_destroy}.
 * </ul>
 *
 * <h2>Upstream</h2>
 *
 * <p>Sean Christopherson, lore 20250404211449.1443336-1-seanjc@google.com (patches -2 to -8),
 * base-commit 782f9feaa951; Acked-by Michael S. Tsirkin for vdpa. Review that shaped v2 (the
 * v6.17 revision): Alex Williamson asked for {@code s/token/eventfd/} with a {@code struct
 * eventfd_ctx} pointer; Kevin Tian found the redundant {@code tmp == consumer} check in 3/7 and
 * the doc sentence 5/7 deleted by accident; Binbin Wu the typo "produsers". Status: superseded
 * by v2 (16 May 2025). The name of 7/7's local index variable is not verified; this port uses
 * v2's {@code index}, so that {@code diff -r} against v6.17 shows only the changes of the review.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Sean Christopherson's changes. It is distributed under the
 * same licence.
 */
package dev.irqlab.rev.cleanup_v1_2025;
