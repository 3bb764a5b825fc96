/**
 * v5.9: {@code virt/lib/irqbypass.c} with a979a6aa009f "irqbypass: do not start cons/prod when
 * failed connect", as it stood from Linux 5.9 until its revert in 5.13 (e44b49f623c7).
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
 *   <li>{@code __connect}: stop producer, stop consumer, {@code add_consumer}; if that fails,
 *       return its error at once. Then {@code add_producer}; if that fails, {@code del_consumer}
 *       and return. Otherwise start consumer, start producer, and fall through to the {@code
 *       err_add_producer} label: {@code del_consumer} runs after every successful connect too.
 *       A failed connect leaves both sides stopped.
 *   <li>Unregistration: a NULL token returns at once. A producer is found by token, not by
 *       identity, so unregistering a producer whose registration failed matches the registered
 *       one with its token, disconnects the caller's struct and {@code list_del}s its unlinked
 *       node (guomin chen's 2020 report, see revision v6.16). A consumer is found by identity.
 * </ul>
 *
 * <h2>Upstream</h2>
 *
 * <p>Written by Zhu Lingshan (Suggested-by Jason Wang) as patch 6 of the vhost-vDPA IRQ
 * offloading series, merged as V5 6/6 on 31 Jul 2020 and pulled through Michael S. Tsirkin's
 * virtio tree for 5.9. The mainline producers (vfio-pci, vhost-vDPA) set no {@code
 * add_consumer} or {@code del_consumer}, so with them the stray {@code del_consumer} was, as far
 * as can be told, a no-op.
 *
 * <p>Zhu Lingshan reverted it in v5.13 (e44b49f623c7, Cc stable; Reported-by Shaokun Zhang,
 * Suggested-by Marc Zyngier): the change "may cause VM freeze on arm64 with GICv4, where
 * stopping a consumer is implemented by suspending the VM. Should the connect fail, the VM will
 * not be resumed", and "It also erroneously calls the producer destructor unconditionally, which
 * is unexpected." Revision v6.16 is that revert.
 *
 * <p>Its parent here is v4.4, so {@code diff -r revisions/v4.4 revisions/v5.9} also carries the
 * changes made between the two: the NULL token checks (v4.6 or v4.7, commit not identified),
 * the consumer identity check of 4f3dbdf47e15 "KVM: eventfd: fix NULL deref irqbypass consumer"
 * (v4.10), and Miaohe Lin's goto-out_err refactor of the register functions (v5.6).
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd. It is distributed under the same licence.
 */
package dev.irqlab.rev.v5_9;
