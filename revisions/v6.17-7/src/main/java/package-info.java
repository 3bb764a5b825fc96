/**
 * v6.17-7: patch 7/8 of Sean Christopherson's v2 series "irqbypass: Cleanups and a perf
 * improvement", "irqbypass: Use xarray to track producers and consumers" (mainline
 * 8394b32faecd9c63b3c436e78e62519e9548e530; lore 20250516230734.2564775-8-seanjc@google.com).
 *
 * <h2>The patch's point</h2>
 *
 * <p>Lists make registration O(n) and a VM with many vectors O(n^2) to set up; Like Xu's 2023
 * submission has the numbers. The manager now keeps two xarrays indexed by the eventfd's
 * address, and the {@code node} members go.
 *
 * <h2>What this revision does</h2>
 *
 * <ul>
 *   <li>Registration: an object whose {@code eventfd} is set warns once and gives {@code
 *       -EINVAL} (then a consumer without {@code add_producer} or {@code del_producer} gives
 *       {@code -EINVAL}). Under {@code guard(mutex)} the object is {@code xa_insert}ed at the
 *       eventfd's index ({@code -EBUSY} when taken, {@code -ENOMEM} when the xarray cannot grow)
 *       before the connect; the partner at that index is connected, and a failed connect
 *       erases the object again ({@code WARN_ON_ONCE} if something else was there) and returns
 *       the error. Only on success is {@code eventfd} set.
 *   <li>Unregistration: nothing to do while {@code eventfd} is NULL; otherwise the bound
 *       partner is disconnected, the object erased ({@code WARN_ON_ONCE} if the index held
 *       another) and {@code eventfd} cleared.
 *   <li>A NULL eventfd is index 0 and is not rejected. The callers still set {@code irq}
 *       themselves (patch 8 moves that into the manager).
 * </ul>
 *
 * <p>{@code diff -r revisions/v6.17-6 revisions/v6.17-7} is the patch. The v2 cover letter
 * collects Kevin Tian's and Michael S. Tsirkin's reviews for the series; the applied commit adds
 * Alex Williamson's Reviewed-by.
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Sean Christopherson's changes. It is distributed under the
 * same licence.
 */
package dev.irqlab.rev.v6_17_7;
