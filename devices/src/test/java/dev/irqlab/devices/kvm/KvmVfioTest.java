package dev.irqlab.devices.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.Rig;
import dev.irqlab.kernel.Errno;
import org.junit.jupiter.api.Test;

/** The kvm-vfio device: one per VM, each group bound once, and the assigned-device count it keeps. */
class KvmVfioTest {

  @Test
  void bindsEachGroupOnceAndCountsAnAssignedDeviceWhileBound() {
    Rig r = Rig.testManager("v4.4");
    Kvm kvm = r.kvm();
    assertTrue(kvm.hasAssignedDevice(), "the rig binds the group as QEMU does");
    assertEquals(-Errno.EBUSY, r.qemu.kvmCreateVfioDevice(r.vm), "one kvm-vfio device per VM");
    assertEquals(-Errno.EEXIST, r.qemu.kvmVfioGroup(r.kvmVfio, r.dev, true));
    assertEquals(0, r.qemu.kvmVfioGroup(r.kvmVfio, r.dev, false));
    assertFalse(kvm.hasAssignedDevice());
    assertEquals(-Errno.ENOENT, r.qemu.kvmVfioGroup(r.kvmVfio, r.dev, false));
    assertEquals(-Errno.EINVAL, r.qemu.kvmVfioGroup(r.kvmVfio, r.eventfd(), true), "not a VFIO file");
    assertEquals(-Errno.EBADF, r.qemu.kvmVfioGroup(r.kvmVfio, 99, true));
    assertEquals(-Errno.ENOTTY, r.qemu.kvmVfioGroup(r.vm, r.dev, true), "the VM's file has no device attributes");
    assertEquals(0, r.qemu.kvmVfioGroup(r.kvmVfio, r.dev, true));
    assertEquals(0, r.qemu.close(r.vm));
    assertFalse(kvm.hasAssignedDevice(), "destroying the VM destroys the device, which drops its groups");
    r.shutdownClean();
  }
}
