package dev.irqlab.devices.kvm;

import dev.irqlab.spi.IrqBypassProducer;

/**
 * The architecture hooks of KVM's IRQ bypass consumer ({@code kvm_arch_irq_bypass_*}, {@code
 * kvm_arch_update_irqfd_routing}, {@code kvm_arch_has_irq_bypass}), one implementation per
 * form they took.
 */
public interface KvmArch {
  /** {@code kvm_arch_has_irq_bypass()}: whether an irqfd registers a consumer at all. */
  boolean hasIrqBypass();

  /** {@code kvm_arch_irq_bypass_add_producer}: the consumer's {@code add_producer}. */
  int addProducer(KvmIrqfd irqfd, IrqBypassProducer producer);

  /** {@code kvm_arch_irq_bypass_del_producer}: the consumer's {@code del_producer}. */
  void delProducer(KvmIrqfd irqfd, IrqBypassProducer producer);

  /** {@code kvm_arch_irqfd_route_changed()}: whether the MSI fields differ (list era). */
  boolean irqfdRouteChanged(KvmIrqRoutingEntry old, KvmIrqRoutingEntry now);

  /**
   * {@code kvm_arch_update_irqfd_routing()} for a connected irqfd whose route may have changed:
   * 0 or a negative errno (the 6.17 form returns void: always 0).
   */
  int updateIrqfdRouting(KvmIrqfd irqfd, KvmIrqRoutingEntry old, KvmIrqRoutingEntry now);
}
