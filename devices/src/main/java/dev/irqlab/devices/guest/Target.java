package dev.irqlab.devices.guest;

import java.util.Locale;

/**
 * Where an interrupt is meant to go, or went: a vCPU vector, an irqchip pin, a reader in the
 * kernel, or user space.
 */
public sealed interface Target extends Comparable<Target> {

  /** {@code vm0/vcpu1 vector 0x41}: an MSI (or a posted interrupt) on one vCPU. */
  record Vcpu(String vm, int vcpu, int vector) implements Target {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s/vcpu%d vector 0x%x", vm, vcpu, vector);
    }
  }

  /** {@code vm0/ioapic pin 5}: a pin of the VM's in-kernel irqchip. */
  record Irqchip(String vm, String irqchip, int pin) implements Target {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s/%s pin %d", vm, irqchip, pin);
    }
  }

  /**
   * {@code vfio-pci vfio0 INTx unmask}: a driver in the kernel that waits on the eventfd itself
   * (vfio's virqfd), as KVM's irqfd does, but injects nothing.
   */
  record Reader(String name) implements Target {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code user space via qemu:fd5}: the eventfd's counter, for the process that polls it. */
  record UserSpace(String eventfd) implements Target {
    @Override
    public String toString() {
      return "user space via " + eventfd;
    }
  }

  /** Targets sort by their text, so what is printed is in a stable order. */
  @Override
  default int compareTo(Target other) {
    return toString().compareTo(other.toString());
  }
}
