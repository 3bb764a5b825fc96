package dev.irqlab.devices.kvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An x86 MSI message as a guest programs it and as KVM's routing entries carry it ({@code
 * address_lo}, {@code address_hi}, {@code data}), with the decoding KVM applies.
 *
 * <p>Address: {@code 0xfee00000 | dest_id << 12 | dest_mode << 2}; data: {@code vector |
 * delivery_mode << 8}. A vCPU's APIC id is its index; in logical (flat) mode vCPU {@code i} has
 * the logical id {@code 1 << i}. Physical destination {@code 0xff} is a broadcast.
 */
public record MsiMessage(int addressLo, int addressHi, int data) {
  private static final int BASE = 0xfee00000;
  private static final int BROADCAST = 0xff;
  /** The vector an NMI is taken on. */
  public static final int NMI_VECTOR = 2;

  /** One vCPU receiving one vector. */
  public record Arrival(int vcpu, int vector) {}

  /** The APIC delivery modes. */
  public enum DeliveryMode {
    FIXED(0),
    LOWEST_PRIORITY(1),
    SMI(2),
    NMI(4),
    INIT(5),
    EXTINT(7);

    final int bits;

    DeliveryMode(int bits) {
      this.bits = bits;
    }

    static DeliveryMode of(int bits) {
      for (DeliveryMode m : values()) {
        if (m.bits == bits) {
          return m;
        }
      }
      return FIXED;
    }
  }

  /** A message with these fields. */
  public static MsiMessage of(int destId, boolean logical, DeliveryMode mode, int vector) {
    int lo = BASE | (destId & 0xff) << 12 | (logical ? 1 << 2 : 0);
    return new MsiMessage(lo, 0, (vector & 0xff) | mode.bits << 8);
  }

  /** Fixed delivery of {@code vector} to the vCPU with APIC id {@code vcpu}: postable. */
  public static MsiMessage fixed(int vcpu, int vector) {
    return of(vcpu, false, DeliveryMode.FIXED, vector);
  }

  /** Lowest-priority delivery among the vCPUs of a logical mask. */
  public static MsiMessage lowestPriority(int logicalMask, int vector) {
    return of(logicalMask, true, DeliveryMode.LOWEST_PRIORITY, vector);
  }

  /** Fixed delivery to every vCPU: not single-destination, so never posted. */
  public static MsiMessage broadcast(int vector) {
    return of(BROADCAST, false, DeliveryMode.FIXED, vector);
  }

  /** An NMI to one vCPU: not postable. */
  public static MsiMessage nmi(int vcpu) {
    return of(vcpu, false, DeliveryMode.NMI, 0);
  }

  public int destId() {
    return (addressLo >>> 12) & 0xff;
  }

  public boolean logical() {
    return (addressLo & 1 << 2) != 0;
  }

  public int vector() {
    return data & 0xff;
  }

  public DeliveryMode deliveryMode() {
    return DeliveryMode.of((data >>> 8) & 7);
  }

  /** The vCPUs the destination names, among {@code nrVcpus}, in id order. */
  public List<Integer> destinations(int nrVcpus) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < nrVcpus; i++) {
      boolean hit = logical() ? i < 8 && (destId() & 1 << i) != 0 : destId() == BROADCAST || destId() == i;
      if (hit) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * {@code kvm_irq_delivery_to_apic}: the (vCPU, vector) pairs the interrupt reaches: every
   * destination, but only the first one for lowest priority; an NMI arrives on {@link
   * #NMI_VECTOR}.
   */
  public List<Arrival> deliveries(int nrVcpus) {
    List<Integer> dest = destinations(nrVcpus);
    if (deliveryMode() == DeliveryMode.LOWEST_PRIORITY && dest.size() > 1) {
      dest = dest.subList(0, 1);
    }
    int vector = deliveryMode() == DeliveryMode.NMI ? NMI_VECTOR : vector();
    return dest.stream().map(v -> new Arrival(v, vector)).toList();
  }

  /**
   * {@code kvm_intr_is_single_vcpu}: the one vCPU this message targets, or -1 when it targets
   * none or several.
   */
  public int singleVcpu(int nrVcpus) {
    List<Integer> dest = destinations(nrVcpus);
    return dest.size() == 1 ? dest.get(0) : -1;
  }

  /** {@code kvm_irq_is_postable}: fixed or lowest-priority delivery. */
  public boolean isPostable() {
    DeliveryMode m = deliveryMode();
    return m == DeliveryMode.FIXED || m == DeliveryMode.LOWEST_PRIORITY;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "msi(dest 0x%x %s, %s, vector 0x%x)", destId(), logical() ? "logical" : "physical",
        deliveryMode().name().toLowerCase(Locale.ROOT), vector());
  }
}
