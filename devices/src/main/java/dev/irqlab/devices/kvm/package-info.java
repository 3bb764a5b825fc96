/**
 * KVM: VMs with an in-kernel irqchip and vCPUs, GSI routing, and the irqfds of
 * virt/kvm/eventfd.c with the IRQ bypass consumer embedded in each (drivers.md §4).
 */
package dev.irqlab.devices.kvm;
