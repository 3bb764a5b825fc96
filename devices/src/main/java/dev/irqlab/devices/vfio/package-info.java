/**
 * VFIO-PCI's interrupts (drivers/vfio/pci/vfio_pci_intrs.c): INTx, MSI and MSI-X, with one IRQ
 * bypass producer per vector's context (drivers.md §2).
 */
package dev.irqlab.devices.vfio;
