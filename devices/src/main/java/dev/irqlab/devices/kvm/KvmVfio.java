package dev.irqlab.devices.kvm;

import dev.irqlab.devices.user.ErrOr;
import dev.irqlab.devices.user.FileOps;
import dev.irqlab.devices.vfio.VfioPciDevice;
import dev.irqlab.kernel.Errno;
import java.util.ArrayList;
import java.util.List;

/**
 * The kvm-vfio pseudo device of one VM ({@code virt/kvm/vfio.c}), as {@code
 * KVM_CREATE_DEVICE(KVM_DEV_TYPE_VFIO)} makes it: the VFIO groups user space told the VM about.
 * Each group added starts an assignment ({@code kvm_arch_start_assignment}), each group deleted
 * ends one, and destroying the device ends one per group left, so {@code
 * kvm_arch_has_assigned_device} is true while a group is bound. Here every VFIO device is alone
 * in its IOMMU group, so the device names its group.
 *
 * <p>The device is destroyed with its VM (here when the VM's file is released, after the irqfds;
 * upstream at the last reference to the VM, which the device's file also holds).
 */
public final class KvmVfio implements FileOps {
  private final Kvm kvm;
  private final List<VfioPciDevice> groups = new ArrayList<>();

  private KvmVfio(Kvm kvm) {
    this.kvm = kvm;
  }

  /**
   * {@code kvm_vfio_create}: the VM's kvm-vfio device, or {@code -EBUSY} when it has one (one
   * per VM).
   */
  public static ErrOr<KvmVfio> create(Kvm kvm) {
    if (kvm.vfioDevice != null) {
      return ErrOr.error(-Errno.EBUSY);
    }
    kvm.vfioDevice = new KvmVfio(kvm);
    return ErrOr.ok(kvm.vfioDevice);
  }

  /** {@code KVM_DEV_VFIO_GROUP_ADD}: {@code -EEXIST} when the group is bound already. */
  public int groupAdd(VfioPciDevice group) {
    if (groups.contains(group)) {
      return -Errno.EEXIST;
    }
    groups.add(group);
    kvm.startAssignment();
    return 0;
  }

  /** {@code KVM_DEV_VFIO_GROUP_DEL}: {@code -ENOENT} when the group is not bound. */
  public int groupDel(VfioPciDevice group) {
    if (!groups.remove(group)) {
      return -Errno.ENOENT;
    }
    kvm.endAssignment();
    return 0;
  }

  /** The groups bound, in the order they were added. */
  public List<VfioPciDevice> groups() {
    return List.copyOf(groups);
  }

  /** {@code kvm_vfio_destroy}: each group left is dropped and ends its assignment. */
  void destroy() {
    for (int i = groups.size(); i > 0; i--) {
      groups.remove(0);
      kvm.endAssignment();
    }
  }

  /** The device lives as long as its VM: closing its file destroys nothing. */
  @Override
  public void release() {}

  @Override
  public String kind() {
    return "anon_inode:kvm-vfio";
  }
}
