/**
 * v6.16: {@code virt/lib/irqbypass.c} as it stood from the revert of May 2021 (e44b49f623c7)
 * until Linux 6.16, and before that from v4.10 to v5.8 (file blob {@code 28fda42e471b}).
 *
 * <h2>Theory of operation (include/linux/irqbypass.h)</h2>
 *
 * <p>The IRQ bypass manager is a simple set of lists and callbacks that allows IRQ producers
 * (ex. physical interrupt sources) to be matched to IRQ consumers (ex. virtualization hardware
 * that allows IRQ bypass or offload) via a shared token (ex. eventfd_ctx). Producers and
 * consumers register independently. When a token match is found, the optional {@code stop}
 * callback is called for each participant, the pair is connected with the {@code add_*}
 * callbacks, and the optional {@code start} callback allows any final coordination. When either
 * side unregisters, the same happens with {@code del_*}. Match tokens must be unique per
 * producer and per consumer; 1:N pairings are not supported.
 *
 * <h2>What this revision does</h2>
 *
 * <ul>
 *   <li>Registration: a NULL token, or a consumer without {@code add_producer} or {@code
 *       del_producer}, gives {@code -EINVAL}; then {@code might_sleep()} and {@code
 *       try_module_get(THIS_MODULE)} ({@code -ENODEV} if the module is going); under the mutex a
 *       duplicate gives {@code -EBUSY}: by token for producers, by token or identity for
 *       consumers (4f3dbdf47e15, v4.10). The first partner with the same token is connected; if
 *       the connect fails the object is not added and the error is returned. Otherwise it is
 *       added at the head of its list. The module reference is kept while it is registered.
 *   <li>{@code __connect}: stop producer, stop consumer, {@code add_consumer}, then {@code
 *       add_producer} only if that succeeded ({@code del_consumer} undoes the first when the
 *       second fails), then start consumer and start producer, whatever happened.
 *   <li>Unregistration: a NULL token returns at once. A producer is found by token, not by
 *       identity, so unregistering a producer whose registration failed matches the registered
 *       one with its token, disconnects the caller's struct and {@code list_del}s its unlinked
 *       node: the "list_del corruption ... LIST_POISON1" crash guomin chen reported in 2020,
 *       which vfio and vhost-vDPA worked around by clearing the token after a failed
 *       registration. A consumer is found by identity.
 * </ul>
 *
 * <h2>Upstream</h2>
 *
 * <p>Written by Alex Williamson (virt: IRQ bypass manager, f73f8173126b, v4.4), with the NULL
 * token checks of v4.6/v4.7, the consumer identity check of 4f3dbdf47e15 (v4.10), Miaohe Lin's
 * goto-out_err refactor (v5.6), and Zhu Lingshan's revert e44b49f623c7 (v5.13, Cc stable) of
 * his own a979a6aa009f (see revision v5.9): Reported-by Shaokun Zhang, Suggested-by Marc
 * Zyngier, Acked-by Jason Wang and Michael S. Tsirkin, Reviewed-by Eric Auger. Its parent here
 * is v5.9, so {@code diff -r revisions/v5.9 revisions/v6.16} is that revert.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd. It is distributed under the same licence.
 */
package dev.irqlab.rev.v6_16;
