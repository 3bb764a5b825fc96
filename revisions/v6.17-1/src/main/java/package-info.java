/**
 * v6.17-1: patch 1/8 of Sean Christopherson's v2 series "irqbypass: Cleanups and a perf
 * improvement", "irqbypass: Drop pointless and misleading THIS_MODULE get/put" (mainline
 * fa079a0616edbcdad538128306abbc19b68a9863; lore 20250516230734.2564775-2-seanjc@google.com).
 *
 * <h2>The patch's point</h2>
 *
 * <p>A module that takes a reference to itself protects nothing: if {@code try_module_get()}
 * could fail because {@code irqbypass.ko} is going away, the kernel is already running code of
 * a module being unloaded. So the manager stops taking and dropping {@code THIS_MODULE}
 * references: registration can no longer fail with {@code -ENODEV}, and no module reference is
 * held while objects are registered.
 *
 * <h2>What this revision does</h2>
 *
 * <ul>
 *   <li>Everything v6.16 does (its parent here, so {@code diff -r revisions/v6.16
 *       revisions/v6.17-1} is the patch), without the module references: a NULL token, or a
 *       consumer without {@code add_producer} or {@code del_producer}, gives {@code -EINVAL};
 *       {@code might_sleep()}; under the mutex a duplicate gives {@code -EBUSY} (producers by
 *       token, consumers by token or identity); the first partner with the token is connected,
 *       and a failed connect leaves the object out and returns the error.
 *   <li>Unregistration still finds a producer by token, so unregistering a producer whose
 *       registration failed still disconnects the caller's struct and {@code list_del}s its
 *       unlinked node, as in v6.16.
 *   <li>The callers set {@code token} and {@code irq} themselves, as in v6.16.
 * </ul>
 *
 * <p>Reviewed-by Kevin Tian, Acked-by Michael S. Tsirkin.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Sean Christopherson's changes. It is distributed under the
 * same licence.
 */
package dev.irqlab.rev.v6_17_1;
