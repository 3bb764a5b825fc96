package dev.irqlab.devices.kvm;

import java.util.Locale;

/**
 * {@code struct kvm_kernel_irq_routing_entry} (and the user's {@code struct
 * kvm_irq_routing_entry}): what a GSI is routed to.
 *
 * @param gsi the guest interrupt number
 * @param type {@code KVM_IRQ_ROUTING_IRQCHIP}, {@code KVM_IRQ_ROUTING_MSI}, or {@link Type#NONE}
 *     (0), which is what an irqfd holds when its GSI has no single route or deassign zeroed it
 * @param irqchip for an irqchip route: {@link #PIC_MASTER}, {@link #PIC_SLAVE} or {@link #IOAPIC}
 * @param pin for an irqchip route: the pin
 * @param msi for an MSI route: the message, else null
 */
public record KvmIrqRoutingEntry(int gsi, Type type, int irqchip, int pin, MsiMessage msi) {
  public static final int PIC_MASTER = 0;
  public static final int PIC_SLAVE = 1;
  public static final int IOAPIC = 2;

  /** The route types, with their uapi values. */
  public enum Type {
    NONE(0),
    IRQCHIP(1),
    MSI(2);

    private final int value;

    Type(int value) {
      this.value = value;
    }

    public int value() {
      return value;
    }
  }

  /** An MSI route. */
  public static KvmIrqRoutingEntry msi(int gsi, MsiMessage msi) {
    return new KvmIrqRoutingEntry(gsi, Type.MSI, 0, 0, msi);
  }

  /** A route to a pin of the in-kernel irqchip. */
  public static KvmIrqRoutingEntry irqchip(int gsi, int irqchip, int pin) {
    return new KvmIrqRoutingEntry(gsi, Type.IRQCHIP, irqchip, pin, null);
  }

  /** The zeroed entry ({@code irq_entry.type = 0}) of {@code gsi}. */
  public static KvmIrqRoutingEntry none(int gsi) {
    return new KvmIrqRoutingEntry(gsi, Type.NONE, 0, 0, null);
  }

  /** This entry with its type zeroed, as {@code kvm_irqfd_deassign} leaves the irqfd's copy. */
  public KvmIrqRoutingEntry withTypeZeroed() {
    return new KvmIrqRoutingEntry(gsi, Type.NONE, irqchip, pin, msi);
  }

  public boolean isMsi() {
    return type == Type.MSI;
  }

  /**
   * The MSI fields as {@code memcmp} sees them: the message the entry carries, which an entry
   * whose type was zeroed keeps; zero for one that never held a message (no MSI address matches an
   * irqchip route's chip and pin either).
   */
  public MsiMessage msiFields() {
    return msi == null ? new MsiMessage(0, 0, 0) : msi;
  }

  /** The name of an irqchip ({@code ioapic}). */
  public static String irqchipName(int irqchip) {
    return switch (irqchip) {
      case PIC_MASTER -> "pic-master";
      case PIC_SLAVE -> "pic-slave";
      default -> "ioapic";
    };
  }

  @Override
  public String toString() {
    return switch (type) {
      case MSI -> String.format(Locale.ROOT, "gsi %d -> %s", gsi, msi);
      case IRQCHIP -> String.format(Locale.ROOT, "gsi %d -> %s pin %d", gsi, irqchipName(irqchip), pin);
      case NONE -> String.format(Locale.ROOT, "gsi %d -> (type 0)", gsi);
    };
  }
}
