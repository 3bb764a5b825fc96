/**
 * v6.17-2: patch 2/8 of Sean Christopherson's v2 series "irqbypass: Cleanups and a perf
 * improvement", "irqbypass: Drop superfluous might_sleep() annotations" (mainline
 * 07fbc83c01520c62c89f6495f2f0bea2f4ac6684; lore 20250516230734.2564775-3-seanjc@google.com).
 *
 * <h2>The patch's point</h2>
 *
 * <p>{@code mutex_lock()} already does all the tracking a sleep in atomic context needs, so the
 * explicit {@code might_sleep()} calls at the top of the four entry points go. Only a debug
 * annotation changes: a registration from atomic context is still reported, now by the mutex.
 *
 * <h2>What this revision does</h2>
 *
 * <p>Everything v6.17-1 does (its parent here, so {@code diff -r revisions/v6.17-1
 * revisions/v6.17-2} is the patch), without {@code might_sleep()}: the list manager of v6.16,
 * matching on the token the callers set, with no module references. Unregistration still finds
 * a producer by token.
 *
 * <p>The v2 cover letter collects Kevin Tian's and Michael S. Tsirkin's reviews for the series.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Sean Christopherson's changes. It is distributed under the
 * same licence.
 */
package dev.irqlab.rev.v6_17_2;
