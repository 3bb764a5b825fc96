/**
 * rfc-2015: {@code kernel/irq/bypass.c}, the IRQ bypass manager Alex Williamson sketched in a
 * reply on LKML on 18 Jun 2015. It was never merged as such; it grew into revision v4.4.
 *
 * <h2>The idea, in the mail's own words</h2>
 *
 * <p>The prototype's header has no "Theory of operation" comment. The mail puts it so: "The IRQ
 * bypass manager just defines a pair of structures, one for interrupt producers and one for
 * interrupt consumers." "The manager provides both registration and de-registration interfaces
 * for both types of objects and keeps lists for each, protected by a lock. The manager doesn't
 * even really need to know what the match token is, but I assume for our purposes it will be an
 * eventfd_ctx." The file's own comment ends: "This manager allows interrupt producers and
 * consumers to find each other to enable this sort of bypass." He expected more callbacks ("I'm
 * certain that we'll need more callbacks than I've defined below") and, later, a module ("I've
 * prototyped the base IRQ bypass manager here as static, but I don't see any reason it couldn't
 * be a module").
 *
 * <h2>What this revision does</h2>
 *
 * <ul>
 *   <li>Built in: {@code config IRQ_BYPASS_MANAGER} is a {@code bool}, so there is no module
 *       reference to take and nothing to unload ({@code -ENOENT}). There is no {@code
 *       might_sleep()} of its own; {@code mutex_lock()} has one.
 *   <li>Registration: under the mutex, a token already on the object's list gives {@code
 *       -EINVAL}. Otherwise the object is added at the head of its list, before any matching,
 *       and the first partner with the same token is connected by the consumer's {@code
 *       add_producer}, which returns nothing: a connect cannot fail. Nothing is checked for
 *       NULL: a NULL token pairs with a NULL token, and a consumer without {@code add_producer}
 *       is accepted and crashes the registration of its first partner.
 *   <li>Unregistration: under the mutex, the consumer's {@code del_producer} for the first
 *       partner with the object's token, then {@code list_del} of the object with no check that
 *       it is registered. Unregistering an object twice, one that was never registered, or one
 *       whose registration failed, tells the partner with its token (if any) that it left and
 *       deletes a node that is on no list (CONFIG_DEBUG_LIST reports it).
 * </ul>
 *
 * <h2>Upstream</h2>
 *
 * <p>Alex Williamson (Red Hat), "Re: [v4 08/16] KVM: kvm-vfio: User API for IRQ forwarding", 18
 * Jun 2015, in the thread on Eric Auger's IRQ forwarding and Feng Wu's VT-d posted-interrupt
 * series, answering Avi Kivity's call for "a central registry maintained by a posted interrupts
 * manager" that matches producers and consumers by eventfd. The VFIO and KVM call sites in the
 * patch were comments only. Status superseded: the sketch was not merged, and its design went
 * into f73f8173126b "virt: IRQ bypass manager" (revision v4.4). The port follows an archived copy
 * of the mail that gives no Message-ID, so the revision links to a lore search for the mail by
 * subject, sender and date.
 *
 * <p>This port is derived from GPL-2.0 kernel code posted by Alex Williamson of Red Hat, Inc.
 * (the prototype carries no copyright line of its own). It is distributed under GPL-2.0-only.
 */
package dev.irqlab.rev.rfc2015;
