/**
 * v4.4: {@code virt/lib/irqbypass.c} as first merged, f73f8173126b "virt: IRQ bypass manager"
 * (Linux 4.4 and 4.5).
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
 *   <li>Registration: a consumer without {@code add_producer} or {@code del_producer} gives
 *       {@code -EINVAL}; the token is not checked, so NULL is a key like any other and a NULL
 *       producer pairs with a NULL consumer. Then {@code might_sleep()} and {@code
 *       try_module_get(THIS_MODULE)} ({@code -ENODEV} if the module is going); under the mutex a
 *       duplicate token gives {@code -EBUSY}, for producers and consumers alike, by token only.
 *       The first partner with the same token is connected; if the connect fails the object is
 *       not added and the error is returned. Otherwise it is added at the head of its list. The
 *       module reference is kept while it is registered. Each error path unlocks, puts the
 *       reference and returns on the spot.
 *   <li>{@code __connect}: stop producer, stop consumer, {@code add_consumer}, then {@code
 *       add_producer} only if that succeeded ({@code del_consumer} undoes the first when the
 *       second fails), then start consumer and start producer, whatever happened.
 *   <li>Unregistration: both sides find the registered entry by token, not by identity, then
 *       disconnect and {@code list_del} the caller's struct. Unregistering an object whose
 *       registration failed, or one already unregistered, matches whichever registered object
 *       now has its token: its partner is told that the caller's struct left, the caller's
 *       unlinked or poisoned node is deleted, and the registered object's module reference is
 *       dropped while it stays listed.
 * </ul>
 *
 * <h2>Upstream</h2>
 *
 * <p>Written by Alex Williamson, grown from his June 2015 prototype (revision rfc-2015):
 * Signed-off-by Alex Williamson, Feng Wu and Paolo Bonzini; Reviewed-by and Tested-by Eric
 * Auger; Tested-by Feng Wu. The sign-offs show the way it went in: with Feng Wu's VT-d
 * posted-interrupt work, through Paolo Bonzini's KVM tree, for 4.4. From the commit message:
 * "we base the connection on a shared, opaque token. For KVM-VFIO this is expected to be an
 * eventfd_ctx since this is the connection we already use to connect an eventfd to an irqfd on
 * the in-kernel path." The revision date, 2015-10-01, is the commit's date as a mirror of
 * torvalds/linux shows it; it was not checked against kernel git. Why {@code might_sleep()} and
 * the module references were added between the prototype and the merge is not documented in
 * anything found.
 *
 * <p>The code follows the comment-stripped v4.4 snapshot of the TROVON dataset (garghub/TROVON,
 * {@code dataset/codebase_cleansed/linux_kernel/v4.4/irqbypass.c}); its comments and kernel-doc
 * are those of the later mainline file where the code is the same. The consumer side changed in
 * v4.10 (4f3dbdf47e15 "KVM: eventfd: fix NULL deref irqbypass consumer": duplicate by token or
 * identity, unregister by identity); NULL tokens were refused from v4.6 or v4.7 (see revision
 * v5.9).
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd. It is distributed under the same licence.
 */
package dev.irqlab.rev.v4_4;
