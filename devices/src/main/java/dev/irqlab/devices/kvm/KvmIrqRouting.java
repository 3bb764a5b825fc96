package dev.irqlab.devices.kvm;

import dev.irqlab.kernel.Errno;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code struct kvm_irq_routing_table}: the routes of each GSI, immutable once built; {@code
 * KVM_SET_GSI_ROUTING} builds a new table and swaps it in.
 */
public final class KvmIrqRouting {
  /** {@code KVM_MAX_IRQ_ROUTES}. */
  public static final int KVM_MAX_IRQ_ROUTES = 4096;
  private static final int IOAPIC_PINS = 24;
  private static final int PIC_PINS = 8;

  private final TreeMap<Integer, List<KvmIrqRoutingEntry>> map;

  private KvmIrqRouting(TreeMap<Integer, List<KvmIrqRoutingEntry>> map) {
    this.map = map;
  }

  /** {@code kvm_setup_default_irq_routing}, simplified: GSI {@code n} to IOAPIC pin {@code n}, for 0-23. */
  static KvmIrqRouting defaults() {
    List<KvmIrqRoutingEntry> entries = new ArrayList<>();
    for (int gsi = 0; gsi < IOAPIC_PINS; gsi++) {
      entries.add(KvmIrqRoutingEntry.irqchip(gsi, KvmIrqRoutingEntry.IOAPIC, gsi));
    }
    return build(entries);
  }

  /**
   * Checks the entries as {@code kvm_set_irq_routing} does.
   *
   * @return 0, or {@code -EINVAL} for too many entries, a GSI out of range, an irqchip or pin out
   *     of range, a route of type 0, or a GSI with a non-irqchip route and another route (or two
   *     routes to one irqchip)
   */
  static int validate(List<KvmIrqRoutingEntry> entries) {
    if (entries.size() > KVM_MAX_IRQ_ROUTES) {
      return -Errno.EINVAL;
    }
    Map<Integer, List<KvmIrqRoutingEntry>> seen = new TreeMap<>();
    for (KvmIrqRoutingEntry e : entries) {
      if (e.gsi() < 0 || e.gsi() >= KVM_MAX_IRQ_ROUTES || !wellFormed(e)) {
        return -Errno.EINVAL;
      }
      for (KvmIrqRoutingEntry other : seen.getOrDefault(e.gsi(), List.of())) {
        if (other.type() != KvmIrqRoutingEntry.Type.IRQCHIP || e.type() != KvmIrqRoutingEntry.Type.IRQCHIP || other.irqchip() == e.irqchip()) {
          return -Errno.EINVAL;
        }
      }
      seen.computeIfAbsent(e.gsi(), g -> new ArrayList<>()).add(e);
    }
    return 0;
  }

  private static boolean wellFormed(KvmIrqRoutingEntry e) {
    return switch (e.type()) {
      case MSI -> e.msi() != null;
      case IRQCHIP -> e.irqchip() >= 0 && e.irqchip() <= KvmIrqRoutingEntry.IOAPIC
          && e.pin() >= 0 && e.pin() < (e.irqchip() == KvmIrqRoutingEntry.IOAPIC ? IOAPIC_PINS : PIC_PINS);
      case NONE -> false;
    };
  }

  /** A table of valid entries (see {@link #validate}). */
  static KvmIrqRouting build(List<KvmIrqRoutingEntry> entries) {
    TreeMap<Integer, List<KvmIrqRoutingEntry>> map = new TreeMap<>();
    for (KvmIrqRoutingEntry e : entries) {
      map.computeIfAbsent(e.gsi(), g -> new ArrayList<>()).add(e);
    }
    map.replaceAll((gsi, list) -> List.copyOf(list));
    return new KvmIrqRouting(map);
  }

  /** The routes of {@code gsi} ({@code irq_rt->map[gsi]}), possibly none. */
  public List<KvmIrqRoutingEntry> entries(int gsi) {
    return map.getOrDefault(gsi, List.of());
  }

  /** {@code nr_rt_entries}: one past the highest GSI routed. */
  public int nrRtEntries() {
    return map.isEmpty() ? 0 : map.lastKey() + 1;
  }

  /** Every route, by GSI. */
  public List<KvmIrqRoutingEntry> all() {
    return map.values().stream().flatMap(List::stream).toList();
  }
}
