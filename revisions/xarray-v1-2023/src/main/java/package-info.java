/**
 * xarray-v1-2023: Like Xu's "[PATCH] KVM: irqbypass: Convert producers/consumers single linked
 * list to XArray" (1 Aug 2023), on his "KVM: eventfd: fix NULL deref irqbypass producer" of the
 * same day (revision producer-fix-2023, its parent here, so {@code diff -r
 * revisions/producer-fix-2023 revisions/xarray-v1-2023} is the patch).
 *
 * <h2>Theory of operation (include/linux/irqbypass.h)</h2>
 *
 * <p>The IRQ bypass manager is a simple set of xarrays and callbacks that allows IRQ producers
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
 *   <li>The lists become {@code static DEFINE_XARRAY(producers)} and {@code (consumers)}, indexed
 *       by {@code (unsigned long)token}; {@code node} is removed from both structs, so the
 *       manager keeps no private field in them. An eventfd's address has its top bits set, so
 *       the first store into an empty xarray allocates a chain of {@code xa_node}s.
 *   <li>Registration: a NULL token, or a consumer without {@code add_producer} or {@code
 *       del_producer}, gives {@code -EINVAL}; then {@code might_sleep()} and {@code
 *       try_module_get(THIS_MODULE)} ({@code -ENODEV} if the module is going). Under the mutex,
 *       {@code tmp = xa_load(&map, token); if (tmp || tmp == x)} gives {@code -EBUSY}. The second
 *       half of that test is dead code (when {@code tmp} is NULL it cannot be {@code x}), so the
 *       identity check of 4f3dbdf47e15 (consumers) and of the producer fix is lost: the same
 *       struct registered again with a new token is stored a second time, under a second index.
 *       Then the partner at the same index, if any, is connected; if the connect fails its error
 *       is returned and nothing is stored. Last, {@code xa_err(xa_store(&map, token, x,
 *       GFP_KERNEL))}: if that fails ({@code -ENOMEM}) the error is returned and the module
 *       reference dropped, but the connect has already happened, so the pair stays connected
 *       while {@code x} is in neither xarray. Otherwise the module reference is kept while it
 *       is registered.
 *   <li>{@code __connect} and {@code __disconnect} are those of v6.16.
 *   <li>Unregistration: a NULL token returns at once; then {@code might_sleep()} and {@code
 *       try_module_get} (a going module returns: "nothing in the xarray anyway"). The entry at
 *       the token is compared with the struct by identity; only if it is the struct is the
 *       partner at the same index disconnected, the entry erased and the registration's module
 *       reference dropped. A struct that is not there (never registered, refused, or left
 *       untracked by a failed store) is ignored, and so is its partner.
 *   <li>A new {@code module_exit(irqbypass_exit)} runs {@code xa_destroy()} on both xarrays.
 *       There is still no {@code module_init}.
 * </ul>
 *
 * <h2>Upstream</h2>
 *
 * <p>Posted by Like Xu on 1 Aug 2023 (lore 20230801115646.33990-1-likexu@tencent.com,
 * base-commit b580148824057ef8e3cc3a459082ebcb99716880), on top of his producer fix (lore
 * 20230801085408.69597-1-likexu@tencent.com, Reviewed-by Alex Williamson, never merged), which
 * makes the producer side mirror the consumer side: duplicate by token or identity, unregister by
 * identity. Never merged.
 *
 * <p>Reported-by Yong He; Closes bugzilla 217379 ("Latency issues in
 * irq_bypass_register_consumer"); Suggested-by Sean Christopherson and Paolo Bonzini. The commit
 * message measures the wait to acquire the manager's one mutex, not the time of a registration,
 * "in a stress test where 174000 irqfds were created concurrently on an 2.70GHz ICX w/ 144
 * cores": with the lists avg 117.855314 ms, min 20 ns, max 11428.340858 ms; with the xarrays avg
 * 314 ns, min 124 ns, max 47637 ns. Neither the tool and method nor the hlist figures it compares
 * with are given. The lock is still held across every connect; only the walks inside it got
 * shorter.
 *
 * <h2>Status: superseded</h2>
 *
 * <p>Alex Williamson's review, the same day (lore
 * 20230801143938.3d27a199.alex.williamson@redhat.com), on the store that follows the connect:
 * "This leaves the producer and consumer connected but not tracked in the producers xarray.", and
 * "Same above" on the consumer side. Like Xu sent "[PATCH v2 0/2] KVM: irqbypass: XArray
 * conversion and a deref fix" the next day, with "Send the prerequisite fix as a series; (Alex
 * W.)" and "Keep producer and consumer connected and tracked; (Alex W.)": revision
 * xarray-v2-2023.
 *
 * <p>Sources of this port: v1's diff could not be read here, only its commit message (which, as
 * far as it was read, is v2's word for word). The code follows the project's spec (revisions.md
 * §5.1) and Alex's review: it is the v2 2/2 diff quoted in Alex's NAK with the connect before the
 * store. The kernel-doc wording ("xarray of producers", "nothing in the xarray anyway") is v2's,
 * assumed to be v1's as well.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; with Like Xu's changes of 2023. It is distributed under the same
 * licence.
 */
package dev.irqlab.rev.xarray_v1_2023;
