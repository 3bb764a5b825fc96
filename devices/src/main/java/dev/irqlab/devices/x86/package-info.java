/**
 * The x86 (VMX) IRQ bypass hooks of KVM in their list-era and 6.17 forms: {@code add_producer},
 * {@code del_producer}, the routing update, and the posted-interrupt IRTE updates (drivers.md §5).
 */
package dev.irqlab.devices.x86;
