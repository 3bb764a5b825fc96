package dev.irqlab.devices.x86;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.HostSettings;
import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.devices.kvm.Kvm;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import dev.irqlab.devices.kvm.KvmIrqfd;
import dev.irqlab.devices.kvm.MsiMessage;
import dev.irqlab.devices.kvm.Vcpu;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypassProducer;

/**
 * The 6.17 x86 hooks (arch/x86/kvm/irq.c): {@code kvm_pi_update_irte} works from the irqfd's own
 * routing entry and remembers the vCPU it posted to; add and del act only on an MSI route, so a
 * deassign that zeroed the route type leaves the IRTE posted (the bug fixed in January 2026);
 * a routing update reverts a route that stopped being MSI (drivers.md §5.2).
 *
 * <p>The vendor hook is the same for both vendors here. SVM's 6.17 {@code avic_pi_update_irte}
 * (as gregkh/linux v6.18.38 has it) differs from VMX's in guest mode following the vCPU's APICv
 * state, and in the per-vCPU list of IRTEs it keeps for scheduling; the first cannot differ on a
 * host whose irqfds register at all (6.17 asks for {@code enable_apicv}), and the second is not
 * modelled.
 */
final class X86IrqBypass617 extends X86IrqBypass {

  X86IrqBypass617(Kernel kernel, DriverEra era, HostSettings settings, IrqDomain irqs) {
    super(kernel, era, settings, irqs);
  }

  /**
   * {@code kvm_arch_irq_bypass_add_producer}: posts only when the irqfd's route is MSI. A failure
   * leaves the producer recorded until the June 2026 fix ({@link
   * dev.irqlab.devices.DriverChange#X86_CLEARS_PRODUCER_ON_FAILURE}) clears it.
   */
  @Override
  public int addProducer(KvmIrqfd irqfd, IrqBypassProducer producer) {
    Kvm kvm = irqfd.kvm();
    try (Kernel.Scope lock = kvm.irqfdsLock().guard()) {
      irqfd.setProducer(producer);
      kvm.addPossibleBypassIrqs(1);
      int ret = 0;
      if (irqfd.irqEntry().isMsi()) {
        ret = kvmPiUpdateIrte(irqfd, irqfd.irqEntry());
        if (ret != 0) {
          kvm.addPossibleBypassIrqs(-1);
          if (era.has(dev.irqlab.devices.DriverChange.X86_CLEARS_PRODUCER_ON_FAILURE)) {
            irqfd.setProducer(null);
          }
        }
      }
      return ret;
    }
  }

  /** {@code kvm_arch_irq_bypass_del_producer}: reverts only when the route is MSI; clears the producer after. */
  @Override
  public void delProducer(KvmIrqfd irqfd, IrqBypassProducer producer) {
    try (Kernel.Scope lock = delProducerLocked(irqfd, producer)) {
      if (irqfd.irqEntry().isMsi()) {
        int ret = kvmPiUpdateIrte(irqfd, null);
        if (ret != 0) {
          logUnregistrationFailure(irqfd, ret);
        }
      }
      irqfd.setProducer(null);
      irqfd.kvm().addPossibleBypassIrqs(-1);
    }
  }

  /** Folded into {@link #updateIrqfdRouting} in 6.17. */
  @Override
  public boolean irqfdRouteChanged(KvmIrqRoutingEntry old, KvmIrqRoutingEntry now) {
    return true;
  }

  /**
   * {@code kvm_arch_update_irqfd_routing(irqfd, old, new)}: nothing when neither route is MSI or
   * both carry the same message; otherwise updates from the new route, ignoring the result.
   */
  @Override
  public int updateIrqfdRouting(KvmIrqfd irqfd, KvmIrqRoutingEntry old, KvmIrqRoutingEntry now) {
    if (!old.isMsi() && !now.isMsi()) {
      return 0;
    }
    if (old.isMsi() && now.isMsi() && old.msi().equals(now.msi())) {
      return 0;
    }
    kvmPiUpdateIrte(irqfd, now);
    return 0;
  }

  /**
   * {@code kvm_pi_update_irte(irqfd, entry)}: posts to the entry's single postable vCPU, or
   * reverts (no entry, not MSI, not postable); nothing when it was not posted and will not be.
   */
  int kvmPiUpdateIrte(KvmIrqfd irqfd, KvmIrqRoutingEntry entry) {
    Kvm kvm = irqfd.kvm();
    int hostIrq = irqfd.producer().irq();
    if (kernel.warnOnOnce(!hasIrqBypass())) {
      return -Errno.EINVAL;
    }
    Vcpu vcpu = null;
    int vector = 0;
    if (entry != null && entry.isMsi()) {
      MsiMessage msi = entry.msi();
      int single = msi.singleVcpu(kvm.nrVcpus());
      vcpu = single >= 0 && msi.isPostable() ? kvm.vcpu(single) : null;
      vector = msi.vector();
    }
    if (irqfd.irqBypassVcpu() == null && vcpu == null) {
      return 0;
    }
    int r = vtdPiUsable() ? irqs.setVcpuAffinity(hostIrq, vcpu, vector) : 0;
    if (r != 0) {
      kernel.warnOnOnce(irqfd.irqBypassVcpu() != null && vcpu == null);
      irqfd.setIrqBypassVcpu(null);
      return r;
    }
    irqfd.setIrqBypassVcpu(vcpu);
    return 0;
  }
}
