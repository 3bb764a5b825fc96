package dev.irqlab.devices;

/**
 * The host's interrupt-posting settings.
 *
 * @param apicv {@code enable_apicv} (kvm_intel): APIC virtualisation, without which nothing is
 *     posted
 * @param iommuPosting the IOMMU's {@code IRQ_POSTING_CAP}: VT-d posted interrupts
 * @param devicePostedIrqs {@code enable_device_posted_irqs} (kvm_intel, from 6.16; ignored by
 *     eras without {@link DriverChange#KVM_DEVICE_POSTED_IRQS_PARAM})
 */
public record HostSettings(boolean apicv, boolean iommuPosting, boolean devicePostedIrqs) {

  /** A host that can post: APICv, IOMMU posting, the parameter at its default (true). */
  public static HostSettings defaults() {
    return new HostSettings(true, true, true);
  }

  /** A host whose IOMMU cannot post (or that runs without APICv): everything is remapped. */
  public static HostSettings withoutPosting() {
    return new HostSettings(true, false, true);
  }

  public HostSettings withApicv(boolean on) {
    return new HostSettings(on, iommuPosting, devicePostedIrqs);
  }

  public HostSettings withIommuPosting(boolean on) {
    return new HostSettings(apicv, on, devicePostedIrqs);
  }

  public HostSettings withDevicePostedIrqs(boolean on) {
    return new HostSettings(apicv, iommuPosting, on);
  }
}
