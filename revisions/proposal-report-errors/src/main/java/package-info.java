/**
 * proposal-report-errors: what Sean Christopherson's 2025 cover letter leaves for later, on top
 * of v6.17. "Not reporting an error to userspace if connect() fails is *awful* behavior for
 * environments that want/need irqbypass to always work", and "KVM should probably add a
 * KVM_IRQFD_FLAG_NO_IRQBYPASS flag so that userspace can opt-out on a per-IRQ basis"
 * (lore 20250404211449.1443336-1-seanjc@google.com).
 *
 * <h2>What the proposal changes</h2>
 *
 * <p>The manager is v6.17's: its registration already returns a failed connect's error and
 * leaves the object unregistered, so the error reaches the caller that registered second. What
 * changes is what the callers do with it, in the driver era {@code proposal-report-errors} (this
 * revision's own): {@code kvm_irqfd_assign} fails {@code KVM_IRQFD} with the consumer's error and
 * undoes the irqfd; {@code vfio_msi_set_vector_signal} fails {@code VFIO_DEVICE_SET_IRQS} with the
 * producer's error and undoes the vector; {@code KVM_IRQFD} takes {@code
 * KVM_IRQFD_FLAG_NO_IRQBYPASS} and then registers no consumer. vhost-vDPA registers its producer
 * after DRIVER_OK, where nothing can be undone, and keeps logging. The era also carries the
 * January 2026 deassign fix and ed446e8aa894 "KVM: x86: Nullify irqfd->producer if updating IRTE
 * for bypass fails", without which a VFIO vector freed after a failed connect would be read again
 * by the next routing update. The manager's source is v6.17's byte for byte but for its package,
 * so that a trace differs from v6.17's only where the callers behave differently.
 *
 * <h2>Theory of operation (include/linux/irqbypass.h)</h2>
 *
 * <p>The IRQ bypass manager is a simple set of lists and callbacks (the header still says lists)
 * that allows IRQ producers (ex. physical interrupt sources) to be matched to IRQ consumers (ex.
 * virtualization hardware that allows IRQ bypass or offload) via a shared eventfd_ctx.
 * Producers and consumers register independently. When a producer and consumer are paired, i.e.
 * an eventfd match is found, the optional {@code stop} callback is called for each participant,
 * the pair is connected with the {@code add_*} callbacks, and the optional {@code start}
 * callback allows any final coordination. When either side unregisters, the same happens with
 * {@code del_*}. Eventfds must be unique per producer and per consumer; 1:N pairings are not
 * supported. {@code eventfd}, {@code consumer} and {@code producer} are manager-owned: callers
 * zero-initialise them; {@code irq} is set by the manager.
 *
 * <h2>What the manager does (as v6.17)</h2>
 *
 * <ul>
 *   <li>Registration: an object whose {@code eventfd} is already set warns once and gives {@code
 *       -EINVAL} (then, for a consumer, a missing {@code add_producer}/{@code del_producer}
 *       gives {@code -EINVAL}). A producer's {@code irq} is written next, before the lock, and
 *       stays even if registration fails ("KVM expects the IRQ to be valid as soon as a
 *       connection is possible"). Under {@code guard(mutex)} the object is {@code xa_insert}ed
 *       at the eventfd's address ({@code -EBUSY} when taken, {@code -ENOMEM} when the xarray
 *       cannot grow), then connected to the partner at that index; a failed connect erases it
 *       again ({@code WARN_ON_ONCE} if something else was there) and returns the error. Only on
 *       success is {@code eventfd} set.
 *   <li>{@code __connect} is the list era's, and on success records the binding ({@code
 *       producer->consumer}, {@code consumer->producer}) after both start callbacks; {@code
 *       __disconnect} clears it after them.
 *   <li>Unregistration: nothing to do while {@code eventfd} is NULL, so unregistering a
 *       never-registered object, a failed registration or twice is harmless; otherwise the
 *       bound partner is disconnected, the object erased ({@code WARN_ON_ONCE} if the index held
 *       another) and {@code eventfd} cleared.
 *   <li>No THIS_MODULE references (the module can be unloaded with objects registered), no
 *       {@code might_sleep()}, no {@code module_exit}.
 *   <li>A NULL eventfd is not rejected: it is index 0, and since {@code eventfd} then stays NULL
 *       after a "successful" registration, unregistration returns at once and leaves the object
 *       in the xarray.
 * </ul>
 *
 * <h2>Upstream (the manager)</h2>
 *
 * <p>Sean Christopherson, 16 May 2025 (lore 20250516230734.2564775-1-seanjc@google.com), with
 * Reviewed-by Kevin Tian and Alex Williamson, Acked-by Michael S. Tsirkin; mainline commits
 * fa079a0616ed (drop THIS_MODULE get/put), 07fbc83c0152 (drop might_sleep), 2b521d86ee80 (take
 * ownership of the token, as {@code struct eventfd_ctx *eventfd}), add57f493e08 (track
 * bindings), 5d7dbdce388b (disconnect via the binding), 46a4bfd0ae48 (guard(mutex)),
 * 8394b32faecd (xarray) and 23b54381cee2 (producers pass the IRQ number), pulled as "KVM IRQ
 * changes for 6.17". Changes from v1 (revision cleanup-v1-2025, its parent here): the token is
 * {@code struct eventfd_ctx *eventfd} [Alex Williamson]; the redundant {@code tmp == consumer}
 * check is gone from patch 3 [Kevin Tian]; producers pass the Linux IRQ number (patch 8).
 *
 * <p>This port is derived from GPL-2.0-only kernel code: Copyright (C) 2015 Red Hat, Inc.;
 * Copyright (c) 2015 Linaro Ltd.; Sean Christopherson's changes. It is distributed under the
 * same licence.
 */
package dev.irqlab.rev.proposal_report_errors;
