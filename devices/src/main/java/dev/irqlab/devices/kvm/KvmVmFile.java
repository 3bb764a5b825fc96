package dev.irqlab.devices.kvm;

import dev.irqlab.devices.user.FileOps;

/** The file of a VM ({@code kvm-vm}): its release destroys the VM. */
public final class KvmVmFile implements FileOps {
  private final Kvm kvm;

  public KvmVmFile(Kvm kvm) {
    this.kvm = kvm;
  }

  public Kvm kvm() {
    return kvm;
  }

  /** {@code kvm_vm_release}: the irqfds are released, then the VM is destroyed. */
  @Override
  public void release() {
    kvm.destroy();
  }

  @Override
  public String kind() {
    return "anon_inode:kvm-vm";
  }
}
