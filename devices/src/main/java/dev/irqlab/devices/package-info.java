/**
 * The callers of the IRQ bypass manager, written once against the SPI: the simulated VFIO-PCI,
 * vhost-vDPA and KVM drivers with the x86 posted-interrupt hooks, the user space that drives
 * them, and the guest that receives their interrupts (spec/drivers.md).
 *
 * <p>A {@link dev.irqlab.devices.Host} is one machine for one run: an emulated kernel with one
 * manager loaded (a revision, through {@link dev.irqlab.spi.CheckedIrqBypass}), the drivers of
 * one {@link dev.irqlab.devices.DriverEra}, and the host's posting {@link
 * dev.irqlab.devices.HostSettings}. A {@link dev.irqlab.devices.user.Process} makes the system
 * calls ({@code eventfd}, {@code close}, the ioctls) and gets back what the kernel returns; a
 * device's {@code fire} is the hardware sending an interrupt, which the IOMMU posts straight to
 * a vCPU or delivers to the host handler, which signals the eventfd, which wakes the irqfd,
 * which injects. The {@link dev.irqlab.devices.guest.InterruptLedger} counts every arrival by
 * path and reports an interrupt lost, misrouted or delivered twice.
 *
 * <p>An era is a set of documented {@link dev.irqlab.devices.DriverChange caller changes}, each
 * with its upstream commit and date; any revision runs with any era. The drivers reach the
 * manager only through {@link dev.irqlab.spi.IrqBypass}, and every struct that embeds a
 * producer or consumer (VFIO's irq context, vhost's virtqueue, KVM's irqfd) is allocated and
 * freed through the kernel where the C driver does it, so a manager that keeps a stale pointer
 * is reported by KASAN.
 *
 * <p>The drivers are models of GPL-2.0 kernel code (drivers/vfio/pci/vfio_pci_intrs.c,
 * drivers/vhost/vdpa.c, virt/kvm/eventfd.c, arch/x86/kvm), paraphrased from spec/drivers.md
 * rather than ported line by line; their Javadoc names the C function each method stands for.
 */
package dev.irqlab.devices;
