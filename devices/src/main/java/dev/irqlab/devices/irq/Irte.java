package dev.irqlab.devices.irq;

import java.util.Locale;

/**
 * An interrupt remapping table entry, as the IOMMU holds one per host IRQ: remapped (the
 * interrupt is delivered to the host, which runs the handler) or posted to one vCPU's
 * descriptor with a guest vector.
 *
 * @param mode remapped or posted
 * @param target the vCPU's posted-interrupt descriptor, or null when remapped
 * @param vector the guest vector posted, or -1 when remapped
 */
public record Irte(Mode mode, PiDescriptor target, int vector) {
  /** The IRTE's delivery mode. */
  public enum Mode {
    REMAPPED,
    POSTED
  }

  /** The entry of an IRQ that is remapped to the host. */
  public static final Irte REMAPPED = new Irte(Mode.REMAPPED, null, -1);

  /** An entry that posts {@code vector} to {@code target}. */
  public static Irte posted(PiDescriptor target, int vector) {
    return new Irte(Mode.POSTED, target, vector);
  }

  public boolean isPosted() {
    return mode == Mode.POSTED;
  }

  /** {@code remapped} or {@code posted to vm0/vcpu1 vector 0x41}. */
  @Override
  public String toString() {
    return mode == Mode.REMAPPED
        ? "remapped"
        : String.format(Locale.ROOT, "posted to %s vector 0x%x", target.vcpuName(), vector);
  }
}
