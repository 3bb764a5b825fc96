package dev.irqlab.devices.kvm;

import dev.irqlab.devices.Host;
import dev.irqlab.devices.guest.Interrupt;
import dev.irqlab.devices.guest.Path;
import dev.irqlab.devices.guest.Target;
import dev.irqlab.devices.user.Files;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.kernel.SpinLock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct kvm}: one VM with an in-kernel irqchip, its vCPUs, its GSI routing and its
 * irqfds. Created by {@code KVM_CREATE_VM} (with {@code KVM_CREATE_IRQCHIP} and the vCPUs),
 * destroyed when its file is released.
 */
public final class Kvm {
  private final Host host;
  private final KvmModule module;
  private final String name;
  private final KvmArch arch;
  private final List<Vcpu> vcpus;
  private final KvmEventfd eventfds;
  final SpinLock irqfdsLock;
  final List<KvmIrqfd> irqfds = new ArrayList<>();
  final Mutex resamplerLock;
  /** {@code kvm->irq_lock}: held while the routing table is replaced and the irqfds updated. */
  private final Mutex irqLock;
  final List<KvmResampler> resamplers = new ArrayList<>();
  private KvmIrqRouting routing = KvmIrqRouting.defaults();
  private int assignedDevices;
  /** The kvm-vfio device, once {@code KVM_CREATE_DEVICE} made it. */
  KvmVfio vfioDevice;
  private int possibleBypassIrqs;
  private boolean destroyed;

  private Kvm(Host host, KvmModule module, String name, List<Vcpu> vcpus) {
    this.host = host;
    this.module = module;
    this.name = name;
    this.arch = module.arch();
    this.vcpus = vcpus;
    this.irqfdsLock = new SpinLock(host.kernel(), name + ".irqfds.lock");
    this.resamplerLock = new Mutex(host.kernel(), name + ".irqfds.resampler_lock");
    this.irqLock = new Mutex(host.kernel(), name + ".irq_lock");
    this.eventfds = new KvmEventfd(host, this);
  }

  /**
   * {@code KVM_CREATE_VM}, {@code KVM_CREATE_IRQCHIP} and {@code nrVcpus} times {@code
   * KVM_CREATE_VCPU}: the VM, or null when an allocation fails (nothing is left allocated).
   */
  static Kvm create(Host host, KvmModule module, String name, int nrVcpus) {
    List<Vcpu> vcpus = new ArrayList<>();
    for (int i = 0; i < nrVcpus; i++) {
      Vcpu v = Vcpu.create(host.kernel(), name, i, host.interrupts());
      if (v == null) {
        for (Vcpu done : vcpus) {
          host.kernel().memory().kfree(done);
        }
        return null;
      }
      vcpus.add(v);
    }
    return new Kvm(host, module, name, List.copyOf(vcpus));
  }

  public String name() {
    return name;
  }

  public Host host() {
    return host;
  }

  public KvmArch arch() {
    return arch;
  }

  public int nrVcpus() {
    return vcpus.size();
  }

  /** vCPU {@code id}, or null when there is none. */
  public Vcpu vcpu(int id) {
    return id >= 0 && id < vcpus.size() ? vcpus.get(id) : null;
  }

  /** {@code kvm->irqfds.lock}. */
  public SpinLock irqfdsLock() {
    return irqfdsLock;
  }

  /** The current routing table ({@code kvm->irq_routing}). */
  public KvmIrqRouting routing() {
    return routing;
  }

  /** The irqfds on the VM's list now, in list order. */
  public List<KvmIrqfd> irqfds() {
    try (var g = irqfdsLock.guard()) {
      return List.copyOf(irqfds);
    }
  }

  /** {@code KVM_IRQFD}. */
  public int irqfd(Files files, KvmIrqfdArgs args) {
    return eventfds.kvmIrqfd(files, args);
  }

  /**
   * {@code KVM_SET_GSI_ROUTING}: checks and swaps in the new table, then updates every irqfd's
   * routing snapshot ({@code kvm_irq_routing_update}).
   *
   * @return 0 or {@code -EINVAL}
   */
  public int setGsiRouting(List<KvmIrqRoutingEntry> entries) {
    int ret = KvmIrqRouting.validate(entries);
    if (ret != 0) {
      return ret;
    }
    try (Mutex.Guard g = irqLock.guard()) {
      routing = KvmIrqRouting.build(entries);
      eventfds.irqRoutingUpdate();
    }
    return 0;
  }

  /**
   * The VM's file is released: {@code kvm_irqfd_release}, then the vCPUs are freed and the VM
   * leaves the module's list. A vCPU still halted then (nothing resumed it) is reported to the
   * ledger as left halted.
   */
  public void destroy() {
    if (destroyed) {
      return;
    }
    destroyed = true;
    eventfds.irqfdRelease();
    if (vfioDevice != null) {
      vfioDevice.destroy();
    }
    for (Vcpu v : vcpus) {
      if (v.paused()) {
        host.interrupts().leftHalted(name, v.id(), name + " destroyed while halted");
      }
    }
    for (Vcpu v : vcpus) {
      host.kernel().memory().kfree(v);
    }
    module.vmDestroyed(this);
  }

  public boolean isDestroyed() {
    return destroyed;
  }

  // ---------------------------------------------------------------- delivery

  /** Where a route sends an interrupt: its vCPU vectors, or its irqchip pin. */
  public List<Target> targetsOf(KvmIrqRoutingEntry e) {
    return switch (e.type()) {
      case MSI -> e.msi().deliveries(vcpus.size()).stream()
          .map(a -> (Target) new Target.Vcpu(name, a.vcpu(), a.vector())).toList();
      case IRQCHIP -> List.of(new Target.Irqchip(name, KvmIrqRoutingEntry.irqchipName(e.irqchip()), e.pin()));
      case NONE -> List.of();
    };
  }

  /** Where the current routing sends an interrupt on {@code gsi}. */
  public List<Target> targetsOf(int gsi) {
    return routing.entries(gsi).stream().flatMap(e -> targetsOf(e).stream()).toList();
  }

  /**
   * Where a signal of {@code eventfd} should arrive in this VM: the targets of each irqfd on the
   * list bound to it, by the current routing.
   */
  public List<Target> expectedTargets(EventfdCtx eventfd) {
    List<Target> out = new ArrayList<>();
    for (KvmIrqfd irqfd : irqfds()) {
      if (irqfd.eventfd() == eventfd) {
        out.addAll(targetsOf(irqfd.gsi()));
      }
    }
    return out;
  }

  /** Injects through one route ({@code kvm_set_msi}, or an irqchip pin going high). */
  void inject(KvmIrqRoutingEntry e, Path path) {
    for (Target t : targetsOf(e)) {
      if (t instanceof Target.Vcpu v) {
        vcpus.get(v.vcpu()).receive(v.vector(), path);
      } else {
        host.interrupts().deliver(t, path);
      }
    }
  }

  /**
   * The guest acknowledges (EOIs) the level interrupt it took through {@code gsi}'s irqchip pin:
   * {@code kvm_notify_acked_irq} runs the GSI's ack notifiers, here the resampler of the resample
   * irqfds on it ({@code irqfd_resampler_ack}). What the resamplefd signals (vfio unmasking INTx,
   * and an interrupt it sends again) is one interrupt of the ledger, as is the EOI.
   */
  public Interrupt eoi(int gsi) {
    return host.interrupts().raise(name + " EOI gsi " + gsi, null, () -> {
      List<KvmResampler> acked;
      try (Mutex.Guard g = resamplerLock.guard()) {
        acked = resamplers.stream().filter(r -> r.gsi() == gsi).toList();
      }
      acked.forEach(r -> KvmResampler.ack(host, this, r));
    });
  }

  /** {@code kvm_set_irq(kvm, source, gsi, level)}: a rising level injects through every route. */
  void setIrq(int gsi, int level) {
    if (level == 0) {
      return;
    }
    for (KvmIrqRoutingEntry e : routing.entries(gsi)) {
      inject(e, Path.IRQFD);
    }
  }

  // ---------------------------------------------------------------- x86 bookkeeping

  /** {@code kvm_arch_start_assignment}. */
  public void startAssignment() {
    assignedDevices++;
  }

  /** {@code kvm_arch_end_assignment}. */
  public void endAssignment() {
    assignedDevices--;
  }

  /**
   * {@code kvm_arch_has_assigned_device}: a VFIO group is bound through the kvm-vfio device
   * ({@link KvmVfio}), or, since 2edd9cb79fb3, a bypass producer is connected.
   */
  public boolean hasAssignedDevice() {
    return assignedDevices > 0;
  }

  /** {@code kvm->arch.nr_possible_bypass_irqs} (6.17), adjusted by {@code delta}; returns the old value. */
  public int addPossibleBypassIrqs(int delta) {
    int old = possibleBypassIrqs;
    possibleBypassIrqs += delta;
    return old;
  }

  @Override
  public String toString() {
    return name;
  }
}
