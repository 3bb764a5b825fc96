/**
 * v6.17-5: patch 5/8 of Sean Christopherson's v2 series "irqbypass: Cleanups and a perf
 * improvement", "irqbypass: Use paired consumer/producer to disconnect during unregister"
 * (mainline 5d7dbdce388b43cf3a9bc50c4132493de26aeba4; lore
 * 20250516230734.2564775-6-seanjc@google.com).
 *
 * <h2>The patch's point</h2>
 *
 * <p>With the bindings of patch 4, unregistration has no need to search the lists: the object
 * knows its partner. Unregistering becomes O(1).
 *
 * <h2>What this revision does</h2>
 *
 * <ul>
 *   <li>Everything v6.17-4 does (its parent here, so {@code diff -r revisions/v6.17-4
 *       revisions/v6.17-5} is the patch), but unregistration: nothing to do while {@code
 *       eventfd} is NULL; otherwise, under the mutex, the bound partner (if any) is
 *       disconnected, {@code eventfd} cleared and the node deleted. No search, and so no WARN
 *       for an object that was not found or a partner that is not the bound one.
 *   <li>Registration still searches the lists for a duplicate and a partner, and adds the object
 *       after the connect.
 * </ul>
 *
 * <p>The v2 cover letter collects Kevin Tian's and Michael S. Tsirkin's reviews for the series.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Sean Christopherson's changes. It is distributed under the
 * same licence.
 */
package dev.irqlab.rev.v6_17_5;
