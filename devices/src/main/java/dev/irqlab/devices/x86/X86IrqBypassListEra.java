package dev.irqlab.devices.x86;

import dev.irqlab.devices.DriverChange;
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
import dev.irqlab.kernel.LogLevel;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.List;

/**
 * The list-era x86 hooks (v4.4 to v6.16, x86.c and vmx/posted_intr.c): add and del call {@code
 * pi_update_irte}, which does nothing in a VM without an assigned device, and otherwise walks the
 * GSI's <em>current</em> routes and skips the ones that are not MSI, so a route changed to
 * non-MSI (or removed) while posted leaves the IRTE posted (drivers.md §5.1).
 *
 * <p>On an AMD host ({@link HostSettings.Vendor#AMD}) the vendor op is SVM's {@code
 * avic_pi_update_irte} (read at 36fb3cbbbfb5, arch/x86/kvm/svm/avic.c), which differs from VMX's
 * in three ways the model keeps: it checks only the assigned device and the IOMMU's posting
 * capability, not {@code enable_apicv}; a route it does not post (not one postable vCPU, unset,
 * or APICv inactive on the vCPU) is put in legacy mode through {@code irq_set_vcpu_affinity},
 * so with {@code apicv=0} it still calls the IOMMU where VMX leaves the IRTE alone; and every
 * failure logs "avic_pi_update_irte: failed to update PI IRTE". Before {@link
 * DriverChange#SVM_UPDATE_PI_IRTE} SVM has no op: the v4.4 add_producer returns {@code -EINVAL}.
 */
final class X86IrqBypassListEra extends X86IrqBypass {
  private boolean warnedNoRoute;

  X86IrqBypassListEra(Kernel kernel, DriverEra era, HostSettings settings, IrqDomain irqs) {
    super(kernel, era, settings, irqs);
  }

  /**
   * {@code kvm_arch_irq_bypass_add_producer}: records the producer (left set on failure, as the
   * source reads) and posts; since 2edd9cb79fb3 ({@link DriverChange#X86_BYPASS_STARTS_ASSIGNMENT})
   * it first marks an assigned device, and unmarks it when posting fails.
   */
  @Override
  public int addProducer(KvmIrqfd irqfd, IrqBypassProducer producer) {
    if (!hasVendorOp()) {
      return -Errno.EINVAL;
    }
    Kvm kvm = irqfd.kvm();
    boolean assigns = era.has(DriverChange.X86_BYPASS_STARTS_ASSIGNMENT);
    if (assigns) {
      kvm.startAssignment();
    }
    try (Kernel.Scope lock = kvm.irqfdsLock().guard()) {
      irqfd.setProducer(producer);
      int ret = piUpdateIrte(kvm, producer.irq(), irqfd.gsi(), true);
      if (ret != 0 && assigns) {
        kvm.endAssignment();
      }
      return ret;
    }
  }

  /**
   * {@code kvm_arch_irq_bypass_del_producer}: clears the producer, then reverts the IRTE; since
   * 2edd9cb79fb3 it then ends the assignment its add started.
   */
  @Override
  public void delProducer(KvmIrqfd irqfd, IrqBypassProducer producer) {
    if (!hasVendorOp()) {
      kernel.warnOn(irqfd.producer() != null);
      return;
    }
    Kvm kvm = irqfd.kvm();
    try (Kernel.Scope lock = delProducerLocked(irqfd, producer)) {
      irqfd.setProducer(null);
      int ret = piUpdateIrte(kvm, producer.irq(), irqfd.gsi(), false);
      if (ret != 0) {
        logUnregistrationFailure(irqfd, ret);
      }
    }
    if (era.has(DriverChange.X86_BYPASS_STARTS_ASSIGNMENT)) {
      kvm.endAssignment();
    }
  }

  /**
   * {@code kvm_arch_irqfd_route_changed}: a new route that is not MSI is a change (515a0c79e796),
   * and so is an old one since bcda70c56f3e ({@link DriverChange#KVM_ROUTE_TYPE_CHANGE_IS_CHANGE});
   * otherwise the MSI fields are compared. An entry whose type was zeroed keeps its old fields.
   */
  @Override
  public boolean irqfdRouteChanged(KvmIrqRoutingEntry old, KvmIrqRoutingEntry now) {
    if (!now.isMsi() || (!old.isMsi() && era.has(DriverChange.KVM_ROUTE_TYPE_CHANGE_IS_CHANGE))) {
      return true;
    }
    return !old.msiFields().equals(now.msiFields());
  }

  /** {@code kvm_arch_update_irqfd_routing(kvm, host_irq, guest_irq, set=1)}. */
  @Override
  public int updateIrqfdRouting(KvmIrqfd irqfd, KvmIrqRoutingEntry old, KvmIrqRoutingEntry now) {
    return piUpdateIrte(irqfd.kvm(), irqfd.producer().irq(), irqfd.gsi(), true);
  }

  /**
   * {@code vmx_pi_update_irte(kvm, host_irq, guest_irq, set)}: for each MSI route of the GSI,
   * posts to its single postable vCPU (set) or reverts to remapped (not set, or not postable).
   */
  int piUpdateIrte(Kvm kvm, int hostIrq, int gsi, boolean set) {
    if (!hasVendorOp()) {
      return -Errno.EINVAL;
    }
    boolean amd = settings.vendor() == HostSettings.Vendor.AMD;
    if (!kvm.hasAssignedDevice() || !(amd ? irqs.postingCapable() : vtdPiUsable())) {
      return 0;
    }
    List<KvmIrqRoutingEntry> routes = kvm.routing().entries(gsi);
    if (routes.isEmpty()) {
      if (!warnedNoRoute) {
        warnedNoRoute = true;
        kernel.printk(LogLevel.WARNING, "no route for guest_irq %u/%u (broken user space?)", gsi, kvm.routing().nrRtEntries());
      }
      return 0;
    }
    for (KvmIrqRoutingEntry e : routes) {
      if (!e.isMsi()) {
        continue;
      }
      int ret = amd ? avicUpdateOne(kvm, hostIrq, e.msi(), set) : updateOne(kvm, hostIrq, e.msi(), set);
      if (ret < 0) {
        return ret;
      }
    }
    return 0;
  }

  /** {@code kvm_x86_ops->update_pi_irte} is set: always on Intel, on AMD from {@link DriverChange#SVM_UPDATE_PI_IRTE}. */
  private boolean hasVendorOp() {
    return settings.vendor() == HostSettings.Vendor.INTEL || era.has(DriverChange.SVM_UPDATE_PI_IRTE);
  }

  /**
   * One MSI route in {@code avic_pi_update_irte}: guest mode for a single postable vCPU when
   * setting and APICv is active, legacy mode otherwise; either failure logs the same line.
   */
  private int avicUpdateOne(Kvm kvm, int hostIrq, MsiMessage msi, boolean set) {
    int single = msi.singleVcpu(kvm.nrVcpus());
    boolean guestMode = single >= 0 && msi.isPostable() && set && settings.apicv();
    int ret = guestMode ? irqs.setVcpuAffinity(hostIrq, kvm.vcpu(single), msi.vector()) : irqs.setVcpuAffinity(hostIrq, null, 0);
    if (ret < 0) {
      kernel.prErr("%s: failed to update PI IRTE", "avic_pi_update_irte");
    }
    return ret;
  }

  private int updateOne(Kvm kvm, int hostIrq, MsiMessage msi, boolean set) {
    int single = msi.singleVcpu(kvm.nrVcpus());
    if (single < 0 || !msi.isPostable()) {
      int ret = irqs.setVcpuAffinity(hostIrq, null, 0);
      if (ret < 0) {
        kernel.prInfo("failed to back to remapped mode, irq: %u", hostIrq);
      }
      return ret;
    }
    Vcpu vcpu = kvm.vcpu(single);
    int ret = set ? irqs.setVcpuAffinity(hostIrq, vcpu, msi.vector()) : irqs.setVcpuAffinity(hostIrq, null, 0);
    if (ret < 0) {
      kernel.prInfo("%s: failed to update PI IRTE", "vmx_pi_update_irte");
    }
    return ret;
  }
}
