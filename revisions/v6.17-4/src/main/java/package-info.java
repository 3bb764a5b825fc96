/**
 * v6.17-4: patch 4/8 of Sean Christopherson's v2 series "irqbypass: Cleanups and a perf
 * improvement", "irqbypass: Explicitly track producer and consumer bindings" (mainline
 * add57f493e0893ac0fb4acbdc441918d3e800f10; lore 20250516230734.2564775-5-seanjc@google.com).
 *
 * <h2>The patch's point</h2>
 *
 * <p>Each side records whom it is connected to, {@code producer->consumer} and {@code
 * consumer->producer} (NULL if no connection), so that unregistration can use the pairing
 * instead of searching (the next patch) and the lists can become xarrays (patch 7).
 *
 * <h2>What this revision does</h2>
 *
 * <ul>
 *   <li>Everything v6.17-3 does (its parent here, so {@code diff -r revisions/v6.17-3
 *       revisions/v6.17-4} is the patch).
 *   <li>{@code __connect} records both bindings only when it succeeds, after both start
 *       callbacks; {@code __disconnect} clears them after both start callbacks.
 *   <li>Unregistration still searches the lists; when it finds the partner with the same
 *       eventfd it first WARNs once if that is not the bound partner, then disconnects it.
 * </ul>
 *
 * <p>The v2 cover letter collects Kevin Tian's and Michael S. Tsirkin's reviews for the series.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Sean Christopherson's changes. It is distributed under the
 * same licence.
 */
package dev.irqlab.rev.v6_17_4;
