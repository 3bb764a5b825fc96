/**
 * v6.17-6: patch 6/8 of Sean Christopherson's v2 series "irqbypass: Cleanups and a perf
 * improvement", "irqbypass: Use guard(mutex) in lieu of manual lock+unlock" (mainline
 * 46a4bfd0ae480cabbacc56fe0d8f91cbe229c7ce; lore 20250516230734.2564775-7-seanjc@google.com).
 *
 * <h2>The patch's point</h2>
 *
 * <p>The mutex is held for the rest of the scope ({@code guard(mutex)}, here a
 * try-with-resources on {@code Mutex.Guard}), so the error paths return at once instead of
 * jumping to an unlock. No behaviour changes: it prepares the xarray conversion of patch 7.
 *
 * <h2>What this revision does</h2>
 *
 * <p>Exactly what v6.17-5 does (its parent here, so {@code diff -r revisions/v6.17-5
 * revisions/v6.17-6} is the patch): lists matched on the eventfd the manager keeps, a
 * registered object refused with a WARN and {@code -EINVAL}, the eventfd set and the object
 * added after a successful connect, bindings recorded after the start callbacks, and
 * unregistration through the binding.
 *
 * <p>The v2 cover letter collects Kevin Tian's and Michael S. Tsirkin's reviews for the series.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Sean Christopherson's changes. It is distributed under the
 * same licence.
 */
package dev.irqlab.rev.v6_17_6;
