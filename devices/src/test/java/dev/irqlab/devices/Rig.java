package dev.irqlab.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irqlab.devices.guest.Interrupt;
import dev.irqlab.devices.irq.Irte;
import dev.irqlab.devices.kvm.Kvm;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import dev.irqlab.devices.kvm.KvmIrqfdArgs;
import dev.irqlab.devices.kvm.MsiMessage;
import dev.irqlab.devices.user.Process;
import dev.irqlab.devices.vfio.VfioIrqSet;
import dev.irqlab.devices.vfio.VfioPciDevice;
import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.KernelEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A test machine: one host, one VMM process with a VM of two vCPUs, and one VFIO device with
 * four MSI-X vectors opened by it. Helpers say what a test means (route, assign, enable, fire)
 * and check the return codes of the set-up steps.
 */
final class Rig {
  static final String BDF = "0000:01:00.0";

  final Host host;
  final Process qemu;
  final int vm;
  final VfioPciDevice nic;
  final int dev;
  private final List<KvmIrqRoutingEntry> routes = new ArrayList<>();
  private final int logStart;

  Rig(Host host) {
    this.host = host;
    this.qemu = host.spawn("qemu");
    this.vm = qemu.createVm(2);
    this.nic = host.addVfioPciDevice(BDF, 1, 4);
    this.dev = qemu.openVfio(nic);
    this.logStart = host.kernel().log().size();
  }

  static Rig testManager(String era) {
    return new Rig(Hosts.withTestManager(era));
  }

  static Rig testManager(String era, HostSettings settings) {
    return new Rig(Hosts.withTestManager(era, settings));
  }

  static Rig revision(String revision, String era) {
    return new Rig(Hosts.withRevision(revision, era, HostSettings.defaults()));
  }

  static Rig revision(String revision, String era, HostSettings settings) {
    return new Rig(Hosts.withRevision(revision, era, settings));
  }

  TestManager manager() {
    return Hosts.manager(host);
  }

  Kvm kvm() {
    return qemu.vm(vm);
  }

  int eventfd() {
    return qemu.eventfd();
  }

  EventfdCtx ctx(int fd) {
    return qemu.eventfdCtx(fd);
  }

  /** Routes {@code gsi} (replacing its routes) with {@code KVM_SET_GSI_ROUTING}; expects 0. */
  Rig route(KvmIrqRoutingEntry entry) {
    routes.removeIf(e -> e.gsi() == entry.gsi());
    routes.add(entry);
    assertEquals(0, qemu.kvmSetGsiRouting(vm, routes));
    return this;
  }

  /** An MSI route of {@code gsi} to {@code vcpu} with {@code vector}. */
  Rig msiRoute(int gsi, int vcpu, int vector) {
    return route(KvmIrqRoutingEntry.msi(gsi, MsiMessage.fixed(vcpu, vector)));
  }

  /** Removes every route of {@code gsi}. */
  Rig unroute(int gsi) {
    routes.removeIf(e -> e.gsi() == gsi);
    assertEquals(0, qemu.kvmSetGsiRouting(vm, routes));
    return this;
  }

  int assign(int efd, int gsi) {
    return qemu.kvmIrqfd(vm, KvmIrqfdArgs.assign(efd, gsi));
  }

  int deassign(int efd, int gsi) {
    return qemu.kvmIrqfd(vm, KvmIrqfdArgs.deassign(efd, gsi));
  }

  /** {@code VFIO_DEVICE_SET_IRQS} MSI-X from {@code start} with these eventfds (-1 disables). */
  int msix(int start, int... fds) {
    return qemu.vfioSetIrqs(dev, VfioIrqSet.eventfds(VfioIrqSet.MSIX, start, fds));
  }

  Interrupt fire(int vector) {
    return nic.fire(VfioIrqSet.MSIX, vector);
  }

  int hostIrq(int vector) {
    return nic.hostIrq(VfioIrqSet.MSIX, vector);
  }

  Irte irte(int vector) {
    return host.irqs().irte(hostIrq(vector));
  }

  /** What {@code %p} prints for the eventfd behind {@code fd}. */
  String p(int fd) {
    return host.kernel().hashedPointer(ctx(fd).address());
  }

  /** The printk lines since the rig was built, without the guest ledger's own lines. */
  List<String> printk() {
    return host.kernel().log().since(logStart).stream()
        .filter(e -> e.kind() == EventKind.PRINTK && !e.message().startsWith("irqlab-guest:"))
        .map(KernelEvent::message)
        .toList();
  }

  /** The reports (WARN, KASAN, lockdep, ...) since the rig was built, as headlines. */
  List<String> reports() {
    return host.kernel().log().since(logStart).stream()
        .filter(e -> e.kind().isReport())
        .map(KernelEvent::headline)
        .toList();
  }

  /**
   * Every process exits; then nothing the drivers allocated may be left, and no sanitizer,
   * lockdep or WARN report may have been logged since the rig was built.
   */
  void shutdownClean() {
    host.shutdown();
    assertEquals(List.of(), host.kernel().memory().live(), "objects left after every process exited");
    assertEquals(List.of(), reports(), "reports");
  }

  /** The sanitizer and warning reports of one kind since the rig was built. */
  List<KernelEvent> reports(EventKind kind) {
    return host.kernel().log().since(logStart).stream().filter(e -> e.kind() == kind).toList();
  }
}
