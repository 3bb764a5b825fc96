package dev.irqlab.devices.irq;

/**
 * A posted-interrupt descriptor: where an IRTE in posted mode sends a device interrupt, straight
 * to one vCPU, without the host taking an interrupt.
 */
public interface PiDescriptor {
  /** The IOMMU posts {@code vector} to the descriptor's vCPU. */
  void post(int vector);

  /** {@code vm0/vcpu1}, for reports. */
  String vcpuName();
}
