/**
 * xarray-v2-2023: Like Xu's "[PATCH v2 2/2] KVM: irqbypass: Convert producers/consumers single
 * linked list to XArray" (2 Aug 2023), on v2 1/2, his "KVM: eventfd: fix NULL deref irqbypass
 * producer" (revision producer-fix-2023, its parent here, so {@code diff -r
 * revisions/producer-fix-2023 revisions/xarray-v2-2023} is the patch).
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
 *       {@code tmp = xa_load(&map, token); if (tmp || tmp == x)} gives {@code -EBUSY}; as in v1
 *       the second half is dead code, so the same struct registered again with a new token is
 *       stored a second time, under a second index. Then, unlike v1, {@code xa_err(xa_store(&map,
 *       token, x, GFP_KERNEL))} comes first: if it fails ({@code -ENOMEM}) the error is returned
 *       with nothing stored and no callback run. Then the partner at the same index, if any, is
 *       connected; if the connect fails its error is returned and the module reference dropped,
 *       but {@code x} stays in the xarray.
 *   <li>{@code __connect} and {@code __disconnect} are those of v6.16.
 *   <li>Unregistration: a NULL token returns at once; then {@code might_sleep()} and {@code
 *       try_module_get} (a going module returns: "nothing in the xarray anyway"). The entry at
 *       the token is compared with the struct by identity; only if it is the struct is the
 *       partner at the same index disconnected, the entry erased and the registration's module
 *       reference dropped. A struct that is not there (never registered, or refused before it
 *       was stored) is ignored, and so is its partner.
 *   <li>A new {@code module_exit(irqbypass_exit)} runs {@code xa_destroy()} on both xarrays.
 *       There is still no {@code module_init}.
 * </ul>
 *
 * <p>What follows from a failed connect, step by step through the C: the caller is told the
 * registration failed, yet the struct is registered, and the module holds one reference fewer
 * than there are registrations. Registering it again gives {@code -EBUSY}, since it finds
 * itself. The next partner with its token connects to it. Unregistering it finds it, so {@code
 * __disconnect} runs on a pair that was never connected ({@code del_producer}, {@code
 * del_consumer}, stop and start) and a second reference is dropped; once the count has reached
 * zero with structs still registered, {@code rmmod} succeeds, {@code xa_destroy()} drops them,
 * and the next call into the module runs freed code. A caller that clears its token after a
 * failed registration, as vfio-pci and vhost-vDPA do, never unregisters it, and the xarray keeps
 * the struct after its device frees it.
 *
 * <h2>Upstream</h2>
 *
 * <p>Posted by Like Xu on 2 Aug 2023 as patch 2 of "[PATCH v2 0/2] KVM: irqbypass: XArray
 * conversion and a deref fix" (lore 20230802051700.52321-3-likexu@tencent.com), after Alex
 * Williamson's review of v1 (revision xarray-v1-2023, a sibling here). The cover's changelog: "Send the
 * prerequisite fix as a series; (Alex W.)" and "Keep producer and consumer connected and tracked;
 * (Alex W.)". Patch 1/2 (lore 20230802051700.52321-2-likexu@tencent.com) is the producer fix of
 * 1 Aug, with Alex's Reviewed-by: duplicate by token or identity, unregister by identity. The
 * diff is {@code irqbypass.c e0aabbbf27ec..3f8736951e92} and {@code irqbypass.h
 * 9bdb2a781841..dbcc1b4d0ccf}, "63 insertions(+), 72 deletions(-)"; its commit message is v1's.
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
 * <h2>Status: rejected</h2>
 *
 * <p>Alex Williamson, 2 Aug 2023 (lore 20230802123017.5695fe0a.alex.williamson@redhat.com), on the
 * connect after the store: "This doesn't match previous behavior, the producer is registered to
 * the xarray regardless of the result of the connect operation and the caller cannot distinguish
 * between failures. The module reference is released regardless of xarray item. Nak." and "Same."
 * on the consumer side. Neither patch of the series was merged. Sean Christopherson's xarray
 * conversion of 2025 (revision v6.17) cites v1: "Like tried this a while back[1], but the
 * implementation had undesirable behavior changes and stalled out."
 *
 * <p>Sources of this port: the whole v2 2/2 diff as quoted in Alex's NAK, applied to v6.16 with
 * the producer fix.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; with Like Xu's changes of 2023. It is distributed under the same
 * licence.
 */
package dev.irqlab.rev.xarray_v2_2023;
