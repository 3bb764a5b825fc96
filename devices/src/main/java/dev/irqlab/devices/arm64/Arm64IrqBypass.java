package dev.irqlab.devices.arm64;

import static dev.irqlab.devices.DriverChange.ARM64_GICV4_FORWARDING;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.Host;
import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.devices.kvm.Kvm;
import dev.irqlab.devices.kvm.KvmArch;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import dev.irqlab.devices.kvm.KvmIrqfd;
import dev.irqlab.devices.kvm.MsiMessage;
import dev.irqlab.devices.kvm.Vcpu;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.HashMap;
import java.util.Map;

/**
 * The arm64 side of KVM's IRQ bypass consumer with a GICv4 ITS, as arm.c and vgic-v4.c have it
 * from v4.15 ({@link dev.irqlab.devices.DriverChange#ARM64_GICV4_FORWARDING}) through the list
 * era: read at 010e85f9e47c (virt/kvm/arm/arm.c), 0b5eca67bd2d (virt/kvm/arm/vgic/vgic-v4.c),
 * 004a01241c5a and 2555693dd85c (arch/arm64/kvm/arm.c).
 *
 * <ul>
 *   <li>{@code stop} and {@code start} are {@code kvm_arm_halt_guest} and {@code
 *       kvm_arm_resume_guest}: every vCPU's {@code pause} flag set, then cleared. The flag is not
 *       counted: one start resumes whatever any number of stops halted.
 *   <li>{@code add_producer} is {@code kvm_vgic_v4_set_forwarding(kvm, prod->irq,
 *       &irqfd->irq_entry)}: nothing (0) without GICv4 or when the entry's doorbell is no vITS of
 *       the VM; an error when the DevID/EventID does not translate, or when {@code its_map_vlpi}
 *       fails, which is {@code irq_set_vcpu_affinity} on the host IRQ (the fault point {@value
 *       IrqDomain#SET_VCPU_AFFINITY}); otherwise the vLPI is mapped and marked hardware-backed.
 *       It does not record {@code irqfd->producer}, so routing updates never reach the arch
 *       (the weak hooks).
 *   <li>{@code del_producer} is {@code kvm_vgic_v4_unset_forwarding}: the same guards, a WARN
 *       when the vLPI is not the one this IRQ mapped, then {@code its_unmap_vlpi} ({@code
 *       irq_set_vcpu_affinity(irq, NULL)}); its result is ignored. It reads the MSI fields of the
 *       irqfd's entry whatever its type, so a deassign that zeroed the type still unmaps.
 * </ul>
 *
 * <p>The vITS is not modelled: the route's destination vCPU and vector stand for the collection
 * and LPI INTID the guest's MAPTI gave the DevID/EventID, and a route with no single destination
 * does not translate ({@code vgic_its_resolve_lpi} fails; its ITS error code is modelled as
 * {@code -EINVAL}). With {@code posting=0} the host has a GICv3 ITS only. What later kernels
 * changed (a0d7e2fc61ab: forwarding only for an MSI route; the routing update unmapping the
 * vLPI) is not modelled.
 */
public final class Arm64IrqBypass implements KvmArch {
  private final Kernel kernel;
  private final DriverEra era;
  private final IrqDomain irqs;
  /** The vLPIs mapped by {@code set_forwarding} ({@code irq->hw}, {@code irq->host_irq}), by host IRQ. */
  private final Map<Integer, String> forwarded = new HashMap<>();

  public Arm64IrqBypass(Kernel kernel, DriverEra era, IrqDomain irqs) {
    this.kernel = kernel;
    this.era = era;
    this.irqs = irqs;
  }

  /** Makes the arm64 hooks of a host with {@code arch=arm64} ({@code META-INF/services}). */
  public static final class Provider implements KvmArch.Provider {
    @Override
    public boolean runs(Host host) {
      return host.settings().isArm64();
    }

    @Override
    public KvmArch create(Host host) {
      return new Arm64IrqBypass(host.kernel(), host.era(), host.irqs());
    }
  }

  /** {@code CONFIG_HAVE_KVM_IRQ_BYPASS}: selected by arm64 from v4.15; before, the irqfd code has no consumer calls. */
  @Override
  public boolean irqBypassConfigured() {
    return era.has(ARM64_GICV4_FORWARDING);
  }

  /** {@code kvm_arch_has_irq_bypass()}: always true (when configured). */
  @Override
  public boolean hasIrqBypass() {
    return true;
  }

  /** {@code kvm_arch_irq_bypass_add_producer}: {@code kvm_vgic_v4_set_forwarding}. */
  @Override
  public int addProducer(KvmIrqfd irqfd, IrqBypassProducer producer) {
    Kvm kvm = irqfd.kvm();
    int virq = producer.irq();
    MsiMessage msi = itsOf(irqfd.irqEntry());
    if (!irqs.postingCapable() || msi == null) {
      return 0;
    }
    int target = msi.singleVcpu(kvm.nrVcpus());
    if (target < 0) {
      return -Errno.EINVAL;
    }
    Vcpu vcpu = kvm.vcpu(target);
    int ret = irqs.setVcpuAffinity(virq, vcpu, msi.vector());
    if (ret != 0) {
      return ret;
    }
    synchronized (forwarded) {
      forwarded.put(virq, vlpi(kvm, msi));
    }
    return 0;
  }

  /** {@code kvm_arch_irq_bypass_del_producer}: {@code kvm_vgic_v4_unset_forwarding}, its result ignored. */
  @Override
  public void delProducer(KvmIrqfd irqfd, IrqBypassProducer producer) {
    Kvm kvm = irqfd.kvm();
    int virq = producer.irq();
    MsiMessage msi = itsOf(irqfd.irqEntry());
    if (!irqs.postingCapable() || msi == null || msi.singleVcpu(kvm.nrVcpus()) < 0) {
      return;
    }
    String mapped;
    synchronized (forwarded) {
      mapped = forwarded.remove(virq);
    }
    kernel.warnOn(!vlpi(kvm, msi).equals(mapped));
    irqs.setVcpuAffinity(virq, null, 0);
  }

  /** {@code kvm_arch_irq_bypass_stop}: {@code kvm_arm_halt_guest}, every vCPU paused. */
  @Override
  public void stop(KvmIrqfd irqfd) {
    setPaused(irqfd.kvm(), true);
  }

  /** {@code kvm_arch_irq_bypass_start}: {@code kvm_arm_resume_guest}, every vCPU resumed. */
  @Override
  public void start(KvmIrqfd irqfd) {
    setPaused(irqfd.kvm(), false);
  }

  /** The weak {@code kvm_arch_irqfd_route_changed}: true. */
  @Override
  public boolean irqfdRouteChanged(KvmIrqRoutingEntry old, KvmIrqRoutingEntry now) {
    return true;
  }

  /** The weak {@code kvm_arch_update_irqfd_routing}: 0 (never reached: arm64 leaves {@code irqfd->producer} unset). */
  @Override
  public int updateIrqfdRouting(KvmIrqfd irqfd, KvmIrqRoutingEntry old, KvmIrqRoutingEntry now) {
    return 0;
  }

  private static void setPaused(Kvm kvm, boolean pause) {
    for (int i = 0; i < kvm.nrVcpus(); i++) {
      kvm.vcpu(i).setPaused(pause);
    }
  }

  /**
   * {@code vgic_get_its}: the MSI fields of the entry, whatever its type, when they name a
   * doorbell (an entry that never held an MSI has none); null for no vITS.
   */
  private static MsiMessage itsOf(KvmIrqRoutingEntry entry) {
    return entry.msi();
  }

  private static String vlpi(Kvm kvm, MsiMessage msi) {
    return kvm.name() + "/vcpu" + msi.singleVcpu(kvm.nrVcpus()) + " intid " + msi.vector();
  }
}
