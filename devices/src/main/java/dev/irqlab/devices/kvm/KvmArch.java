package dev.irqlab.devices.kvm;

import dev.irqlab.devices.Host;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.ServiceLoader;

/**
 * The architecture hooks of KVM's IRQ bypass consumer ({@code kvm_arch_irq_bypass_*}, {@code
 * kvm_arch_update_irqfd_routing}, {@code kvm_arch_has_irq_bypass}), one implementation per
 * form they took.
 *
 * <p>Each architecture's hooks come from a {@link Provider} listed in {@code
 * META-INF/services}, so that KVM does not import the architectures (they import KVM) and a new
 * architecture is a new provider.
 */
public interface KvmArch {

  /** Makes an architecture's hooks for the hosts it runs on. */
  interface Provider {
    /** Whether {@code host} is a machine of this architecture. */
    boolean runs(Host host);

    /** The hooks on {@code host}, one instance per host. */
    KvmArch create(Host host);
  }

  /**
   * The hooks of the first {@link Provider} that runs on {@code host}.
   *
   * @throws IllegalStateException when none does
   */
  static KvmArch forHost(Host host) {
    for (Provider p : ServiceLoader.load(Provider.class, KvmArch.class.getClassLoader())) {
      if (p.runs(host)) {
        return p.create(host);
      }
    }
    throw new IllegalStateException("no KVM architecture provider runs on a host with " + host.settings());
  }

  /**
   * {@code CONFIG_HAVE_KVM_IRQ_BYPASS}: whether the irqfd code registers and unregisters
   * consumers at all (x86 always; arm64 from v4.15). Without it the calls are compiled out.
   */
  default boolean irqBypassConfigured() {
    return true;
  }

  /** {@code kvm_arch_has_irq_bypass()}: whether an irqfd registers a consumer at all. */
  boolean hasIrqBypass();

  /** {@code kvm_arch_irq_bypass_add_producer}: the consumer's {@code add_producer}. */
  int addProducer(KvmIrqfd irqfd, IrqBypassProducer producer);

  /** {@code kvm_arch_irq_bypass_del_producer}: the consumer's {@code del_producer}. */
  void delProducer(KvmIrqfd irqfd, IrqBypassProducer producer);

  /**
   * {@code kvm_arch_irq_bypass_stop}: the consumer's {@code stop}, before a connect or disconnect.
   * A weak no-op in KVM; arm64 halts the guest.
   */
  default void stop(KvmIrqfd irqfd) {}

  /** {@code kvm_arch_irq_bypass_start}: the consumer's {@code start}, after. A weak no-op; arm64 resumes the guest. */
  default void start(KvmIrqfd irqfd) {}

  /** {@code kvm_arch_irqfd_route_changed()}: whether the MSI fields differ (list era). */
  boolean irqfdRouteChanged(KvmIrqRoutingEntry old, KvmIrqRoutingEntry now);

  /**
   * {@code kvm_arch_update_irqfd_routing()} for a connected irqfd whose route may have changed:
   * 0 or a negative errno (the 6.17 form returns void: always 0).
   */
  int updateIrqfdRouting(KvmIrqfd irqfd, KvmIrqRoutingEntry old, KvmIrqRoutingEntry now);
}
