/**
 * The arm64 IRQ bypass hooks of KVM: GICv4 vLPI forwarding, the second flavour of consumer
 * (drivers.md §6). A connect or disconnect halts every vCPU of the VM around it; a forwarded
 * MSI goes from the device straight to the vCPU as a vLPI, without the eventfd.
 */
package dev.irqlab.devices.arm64;
