package dev.irqlab.devices.x86;

import static dev.irqlab.devices.DriverChange.KVM_BYPASS_NEEDS_POSTING;
import static dev.irqlab.devices.DriverChange.KVM_DEVICE_POSTED_IRQS_PARAM;
import static dev.irqlab.devices.DriverChange.X86_IRQ_BYPASS_REWORK;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.Host;
import dev.irqlab.devices.HostSettings;
import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.devices.kvm.KvmArch;
import dev.irqlab.devices.kvm.KvmIrqfd;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypassProducer;

/**
 * The x86 side of KVM's IRQ bypass consumer on a VMX host: what both forms of the hooks share
 * (the host's settings, {@code kvm_arch_has_irq_bypass}, the IOMMU), and the choice of form.
 */
public abstract class X86IrqBypass implements KvmArch {
  protected final Kernel kernel;
  protected final DriverEra era;
  protected final HostSettings settings;
  protected final IrqDomain irqs;

  protected X86IrqBypass(Kernel kernel, DriverEra era, HostSettings settings, IrqDomain irqs) {
    this.kernel = kernel;
    this.era = era;
    this.settings = settings;
    this.irqs = irqs;
  }

  /** Makes the x86 hooks of a host's era ({@code META-INF/services}). */
  public static final class Provider implements KvmArch.Provider {
    /** A host that is not arm64 ({@code arch=x86}, the default). */
    @Override
    public boolean runs(Host host) {
      return !host.settings().isArm64();
    }

    @Override
    public KvmArch create(Host host) {
      return forEra(host.kernel(), host.era(), host.settings(), host.irqs());
    }
  }

  /** The hooks of {@code era}: the 6.17 form with {@link dev.irqlab.devices.DriverChange#X86_IRQ_BYPASS_REWORK}, else the list-era form. */
  public static X86IrqBypass forEra(Kernel kernel, DriverEra era, HostSettings settings, IrqDomain irqs) {
    return era.has(X86_IRQ_BYPASS_REWORK)
        ? new X86IrqBypass617(kernel, era, settings, irqs)
        : new X86IrqBypassListEra(kernel, era, settings, irqs);
  }

  /**
   * {@code kvm_arch_has_irq_bypass()}: always true before 2023; then APICv and IOMMU posting;
   * from 6.16 also the {@code enable_device_posted_irqs} parameter.
   */
  @Override
  public boolean hasIrqBypass() {
    if (era.has(KVM_DEVICE_POSTED_IRQS_PARAM)) {
      return postingPossible() && settings.devicePostedIrqs();
    }
    return !era.has(KVM_BYPASS_NEEDS_POSTING) || postingPossible();
  }

  /** {@code enable_apicv && irq_remapping_cap(IRQ_POSTING_CAP)}. */
  protected final boolean postingPossible() {
    return settings.apicv() && irqs.postingCapable();
  }

  /**
   * Whether VT-d posting may be used at all: APICv and IOMMU posting, and from 6.16 the module
   * parameter ({@code vmx_can_use_vtd_pi} and its list-era checks, but the assigned-device
   * count, which the list-era form adds).
   */
  protected final boolean vtdPiUsable() {
    return postingPossible() && (!era.has(KVM_DEVICE_POSTED_IRQS_PARAM) || settings.devicePostedIrqs());
  }

  /**
   * The common head of both {@code del_producer} forms: WARN when the irqfd holds another
   * producer, then take {@code irqfds.lock} (released by closing the returned scope).
   */
  protected final Kernel.Scope delProducerLocked(KvmIrqfd irqfd, IrqBypassProducer producer) {
    kernel.warnOn(irqfd.producer() != producer);
    return irqfd.kvm().irqfdsLock().guard();
  }

  /** Logs "irq bypass consumer (token|eventfd %p) unregistration fails: %d" for {@code irqfd}. */
  protected final void logUnregistrationFailure(KvmIrqfd irqfd, int ret) {
    Object key = era.bypassKey(irqfd.consumer().token(), irqfd.eventfd());
    kernel.prInfo("irq bypass consumer (" + era.bypassKeyName() + " %p) unregistration fails: %d", key, ret);
  }
}
