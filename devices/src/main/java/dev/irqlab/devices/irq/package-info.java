/**
 * The host's interrupt layer the emulated kernel lacks: IRQ numbers, {@code request_irq} and
 * {@code free_irq}, handlers in hard-IRQ context, and the IOMMU's remapping entries that post
 * an interrupt to a vCPU.
 */
package dev.irqlab.devices.irq;
