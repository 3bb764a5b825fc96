package dev.irqlab.devices.kvm;

import dev.irqlab.devices.guest.InterruptLedger;
import dev.irqlab.devices.guest.Path;
import dev.irqlab.devices.guest.Target;
import dev.irqlab.devices.irq.PiDescriptor;
import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;

/**
 * {@code struct kvm_vcpu} with its posted-interrupt descriptor: a guest CPU that receives
 * interrupts and has each counted, by path, in the {@link InterruptLedger}.
 *
 * <p>Freed with its VM: an IRTE still posting to it then is a use-after-free, reported by KASAN
 * when the device interrupt arrives.
 */
public final class Vcpu extends KObject implements PiDescriptor {
  private final String vm;
  private final int id;
  private final InterruptLedger ledger;
  private boolean pause;

  private Vcpu(Kernel kernel, String vm, int id, InterruptLedger ledger) {
    super(kernel, "struct kvm_vcpu", 256);
    this.vm = vm;
    this.id = id;
    this.ledger = ledger;
    setName(vm + "/vcpu" + id);
  }

  /** {@code kvm_vm_ioctl_create_vcpu}: null when the allocation fails. */
  static Vcpu create(Kernel kernel, String vm, int id, InterruptLedger ledger) {
    return kernel.memory().kzalloc("kvm_vcpu", Gfp.KERNEL, () -> new Vcpu(kernel, vm, id, ledger));
  }

  /** The vCPU id, which is also its APIC id. */
  public int id() {
    touch();
    return id;
  }

  /**
   * The guest takes {@code vector} on this vCPU, having come by {@code path}; a halted vCPU does
   * not run, so the ledger counts it as {@link InterruptLedger#halted halted}, not taken.
   */
  void receive(int vector, Path path) {
    touch();
    Target t = new Target.Vcpu(vm, id, vector);
    if (pause) {
      ledger.halted(t, path);
    } else {
      ledger.deliver(t, path);
    }
  }

  /** {@code vcpu->arch.pause} (arm64): set by {@code kvm_arm_halt_guest}, cleared by {@code kvm_arm_resume_guest}. */
  public boolean paused() {
    touch();
    return pause;
  }

  public void setPaused(boolean pause) {
    touch();
    this.pause = pause;
  }

  /** The IOMMU posts {@code vector} to this vCPU's descriptor. */
  @Override
  public void post(int vector) {
    receive(vector, Path.POSTED);
  }

  @Override
  public String vcpuName() {
    return vm + "/vcpu" + id;
  }
}
