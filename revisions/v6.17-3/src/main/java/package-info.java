/**
 * v6.17-3: patch 3/8 of Sean Christopherson's v2 series "irqbypass: Cleanups and a perf
 * improvement", "irqbypass: Take ownership of producer/consumer token tracking" (mainline
 * 2b521d86ee80a436a92445b8206d38d75aeb39ea; lore 20250516230734.2564775-4-seanjc@google.com).
 *
 * <h2>The patch's point</h2>
 *
 * <p>Arbitrary token types were dead infrastructure: every caller passes an eventfd, and a token
 * that is never paired goes unnoticed. So registration takes the {@code struct eventfd_ctx *}
 * and the manager keeps it in a field of its own ({@code eventfd}, the old {@code token} renamed
 * at Alex Williamson's request); vfio-pci, vhost-vDPA and KVM stop writing and clearing the
 * token. Changed from v1 at Kevin Tian's review: the consumer duplicate check is by eventfd
 * only, since the precondition already covers {@code tmp == consumer}.
 *
 * <h2>What this revision does</h2>
 *
 * <ul>
 *   <li>Registration: an object whose {@code eventfd} is set warns once and gives {@code
 *       -EINVAL} (then a consumer without {@code add_producer} or {@code del_producer} gives
 *       {@code -EINVAL}). Under the mutex, another object of the same kind with the same
 *       eventfd gives {@code -EBUSY}; the first partner with the eventfd is connected, and a
 *       failed connect returns its error with nothing changed. On success {@code eventfd} is set,
 *       after the connect, and the object is added at the head of its list.
 *   <li>The eventfd argument is not checked: a NULL eventfd registers, and matches a partner
 *       registered with NULL.
 *   <li>Unregistration: nothing to do while {@code eventfd} is NULL, so a failed registration, a
 *       never-registered object or a second unregister is harmless (the list corruption of
 *       v6.16 is gone). A producer is still found by eventfd and a consumer by identity, then
 *       the partner with the same eventfd is disconnected, {@code eventfd} cleared and the node
 *       deleted; {@code WARN_ON_ONCE} if the object was not found.
 *   <li>Callers still set {@code irq} themselves. Lists, the list era's {@code __connect}, no
 *       module references and no {@code might_sleep()}, as in v6.17-2, its parent here.
 * </ul>
 *
 * <p>Reviewed-by Kevin Tian and Alex Williamson, Acked-by Michael S. Tsirkin.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Sean Christopherson's changes. It is distributed under the
 * same licence.
 */
package dev.irqlab.rev.v6_17_3;
