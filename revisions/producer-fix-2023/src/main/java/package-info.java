/**
 * producer-fix-2023: Like Xu's "KVM: eventfd: fix NULL deref irqbypass producer" (1 August 2023,
 * lore 20230801085408.69597-1-likexu@tencent.com), re-sent the next day as patch 1/2 of "KVM:
 * irqbypass: XArray conversion and a deref fix" (lore 20230802051700.52321-2-likexu@tencent.com),
 * with Alex Williamson's Reviewed-by. Never applied: Sean Christopherson's 2025 series (v6.17-1
 * onwards) starts again from the file without it.
 *
 * <h2>The patch's point</h2>
 *
 * <p>The producer side gets the identity check the consumer side has had since 4f3dbdf47e15
 * (v4.10): unregistering a producer whose registration failed must not find the registered one
 * with the same token, disconnect the caller's struct and {@code list_del} its unlinked node.
 *
 * <h2>What this revision does</h2>
 *
 * <ul>
 *   <li>Everything v6.16 does (its parent here, so {@code diff -r revisions/v6.16
 *       revisions/producer-fix-2023} is the patch), but for producers: registration refuses with
 *       {@code -EBUSY} a producer with a registered token or the producer itself, and
 *       unregistration walks the list for the producer itself, then disconnects the first
 *       consumer with its token.
 *   <li>Both XArray conversions apply on top of it: xarray-v1-2023 (posted the same day, alone)
 *       and xarray-v2-2023 (its patch 2/2), which are its children here.
 * </ul>
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Like Xu's change. It is distributed under the same licence.
 */
package dev.irqlab.rev.producer_fix_2023;
