package dev.irqlab.devices.kvm;

import dev.irqlab.devices.Host;
import dev.irqlab.devices.HostDriver;
import dev.irqlab.devices.guest.Target;
import dev.irqlab.kernel.EventfdCtx;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kvm.ko} on one host: {@code /dev/kvm}, which makes VMs, the architecture's hooks its
 * irqfds call, and the VMs alive now. It binds to the host ({@link #on}) with its first VM,
 * loading the {@value #NAME} module that imports the manager's functions.
 */
public final class KvmModule implements HostDriver {
  /** The module of the KVM irqfd code, which registers consumers. */
  public static final String NAME = "kvm";

  private final Host host;
  private final KvmArch arch;
  private final List<Kvm> vms = new ArrayList<>();
  private int vmCount;

  private KvmModule(Host host) {
    this.host = host;
    host.loadImporter(NAME);
    this.arch = KvmArch.forHost(host);
  }

  /** The KVM module bound to {@code host}, loaded now if it is not. */
  public static KvmModule on(Host host) {
    return host.driver(KvmModule.class, KvmModule::new);
  }

  /** The architecture's irqfd hooks on this host. */
  public KvmArch arch() {
    return arch;
  }

  /** {@code KVM_CREATE_VM}: a VM named {@code vm0}, {@code vm1}, ..., or null when it cannot be allocated. */
  public Kvm createVm(int nrVcpus) {
    int number;
    synchronized (vms) {
      number = vmCount++;
    }
    return createVm("vm" + number, nrVcpus);
  }

  /**
   * {@code KVM_CREATE_VM} of a VM named {@code name}, as user space calls it (a scenario's name),
   * or null when it cannot be allocated.
   */
  public Kvm createVm(String name, int nrVcpus) {
    Kvm kvm = Kvm.create(host, this, name, nrVcpus);
    if (kvm != null) {
      synchronized (vms) {
        vms.add(kvm);
      }
    }
    return kvm;
  }

  /** A VM's file was released. */
  void vmDestroyed(Kvm kvm) {
    synchronized (vms) {
      vms.remove(kvm);
    }
  }

  /** The VMs alive now, in creation order. */
  public List<Kvm> vms() {
    synchronized (vms) {
      return List.copyOf(vms);
    }
  }

  /** Whether an irqfd of a live VM is bound to {@code eventfd}. */
  @Override
  public boolean consumes(EventfdCtx eventfd) {
    return vms().stream().anyMatch(vm -> vm.irqfds().stream().anyMatch(i -> i.eventfd() == eventfd));
  }

  /** The targets of every live VM's irqfds bound to {@code eventfd}, by its current routing. */
  @Override
  public List<Target> expectedTargets(EventfdCtx eventfd) {
    List<Target> out = new ArrayList<>();
    vms().forEach(vm -> out.addAll(vm.expectedTargets(eventfd)));
    return out;
  }
}
