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
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.KernelEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A test machine: one host, one VMM process with a VM of two vCPUs, and one VFIO device with
 * four MSI-X vectors opened by it. Helpers say what a test means (route, assign, enable, fire)
 * and check the return codes of the set-up steps.
 */
public final class Rig {
  static final String BDF = "0000:01:00.0";

  public final Host host;
  public final Process qemu;
  public final int vm;
  public final VfioPciDevice nic;
  public final int dev;
  /** The VM's kvm-vfio device, with the NIC's group bound. */
  public final int kvmVfio;
  private final List<KvmIrqRoutingEntry> routes = new ArrayList<>();
  private final int logStart;

  Rig(Host host) {
    this.host = host;
    this.qemu = Process.spawn(host, "qemu");
    this.vm = qemu.createVm(2);
    this.nic = VfioPciDevice.create(host, BDF, 1, 4);
    this.dev = qemu.openVfio(nic);
    this.kvmVfio = qemu.kvmCreateVfioDevice(vm);
    assertEquals(0, qemu.kvmVfioGroup(kvmVfio, dev, true), "KVM_DEV_VFIO_GROUP_ADD, as QEMU binds the group");
    this.logStart = host.kernel().log().size();
  }

  /** Tells the VM the device's group is gone ({@code KVM_DEV_VFIO_GROUP_DEL}), as a VMM that never bound it leaves it. */
  public Rig unbindGroup() {
    assertEquals(0, qemu.kvmVfioGroup(kvmVfio, dev, false));
    return this;
  }

  /** The rig of {@code revision} with the drivers of {@code era}, one made with {@link DriverEra#with} or {@link DriverEra#without}. */
  public static Rig revision(String revision, DriverEra era) {
    return new Rig(Host.boot(Hosts.revision(revision), era, HostSettings.defaults()));
  }

  public static Rig testManager(String era) {
    return new Rig(Hosts.withTestManager(era));
  }

  public static Rig testManager(String era, HostSettings settings) {
    return new Rig(Hosts.withTestManager(era, settings));
  }

  public static Rig revision(String revision, String era) {
    return new Rig(Hosts.withRevision(revision, era, HostSettings.defaults()));
  }

  public static Rig revision(String revision, String era, HostSettings settings) {
    return new Rig(Hosts.withRevision(revision, era, settings));
  }

  public TestManager manager() {
    return Hosts.manager(host);
  }

  public Kvm kvm() {
    return qemu.vm(vm);
  }

  public int eventfd() {
    return qemu.eventfd();
  }

  public EventfdCtx ctx(int fd) {
    return qemu.eventfdCtx(fd);
  }

  /** Routes {@code gsi} (replacing its routes) with {@code KVM_SET_GSI_ROUTING}; expects 0. */
  public Rig route(KvmIrqRoutingEntry entry) {
    routes.removeIf(e -> e.gsi() == entry.gsi());
    routes.add(entry);
    assertEquals(0, qemu.kvmSetGsiRouting(vm, routes));
    return this;
  }

  /** An MSI route of {@code gsi} to {@code vcpu} with {@code vector}. */
  public Rig msiRoute(int gsi, int vcpu, int vector) {
    return route(KvmIrqRoutingEntry.msi(gsi, MsiMessage.fixed(vcpu, vector)));
  }

  /** Removes every route of {@code gsi}. */
  public Rig unroute(int gsi) {
    routes.removeIf(e -> e.gsi() == gsi);
    assertEquals(0, qemu.kvmSetGsiRouting(vm, routes));
    return this;
  }

  /** An eventfd whose irqfd injects GSI 24, routed as an MSI to vm0/vcpu1 vector 0x41; returns it. */
  public int boundEventfd() {
    int efd = eventfd();
    msiRoute(24, 1, 0x41);
    assertEquals(0, assign(efd, 24));
    return efd;
  }

  /** {@link #boundEventfd()}, then MSI-X 0 triggering it (posted where the host can); returns it. */
  public int wiredVector0() {
    int efd = boundEventfd();
    assertEquals(0, msix(0, efd));
    return efd;
  }

  public int assign(int efd, int gsi) {
    return qemu.kvmIrqfd(vm, KvmIrqfdArgs.assign(efd, gsi));
  }

  public int deassign(int efd, int gsi) {
    return qemu.kvmIrqfd(vm, KvmIrqfdArgs.deassign(efd, gsi));
  }

  /** {@code VFIO_DEVICE_SET_IRQS} MSI-X from {@code start} with these eventfds (-1 disables). */
  public int msix(int start, int... fds) {
    return qemu.vfioSetIrqs(dev, VfioIrqSet.eventfds(VfioIrqSet.MSIX, start, fds));
  }

  public Interrupt fire(int vector) {
    return nic.fire(VfioIrqSet.MSIX, vector);
  }

  public int hostIrq(int vector) {
    return nic.hostIrq(VfioIrqSet.MSIX, vector);
  }

  public Irte irte(int vector) {
    return host.irqs().irte(hostIrq(vector));
  }

  /** What {@code %p} prints for the eventfd behind {@code fd}. */
  public String p(int fd) {
    return host.kernel().hashedPointer(ctx(fd).address());
  }

  /** The printk lines since the rig was built, without the guest ledger's and fault injection's lines. */
  public List<String> printk() {
    return host.kernel().log().since(logStart).stream()
        .filter(e -> e.kind() == EventKind.PRINTK && !e.message().startsWith("irqlab-guest:"))
        .filter(e -> !e.message().startsWith("FAULT_INJECTION:"))
        .map(KernelEvent::message)
        .toList();
  }

  /** The reports (WARN, KASAN, lockdep, ...) since the rig was built, as headlines. */
  public List<String> reports() {
    return host.kernel().log().since(logStart).stream()
        .filter(e -> e.kind().isReport())
        .map(KernelEvent::headline)
        .toList();
  }

  /**
   * Every process exits; then nothing the drivers allocated may be left, and no sanitizer,
   * lockdep or WARN report may have been logged since the rig was built.
   */
  public void shutdownClean() {
    host.shutdown();
    assertEquals(List.of(), host.kernel().memory().live(), "objects left after every process exited");
    assertEquals(List.of(), reports(), "reports");
  }

  /** The live slab objects whose type contains {@code type}. */
  public List<String> liveOf(String type) {
    return host.kernel().memory().live().stream().map(KObject::describe).filter(d -> d.contains(type)).toList();
  }

  /** The sanitizer and warning reports of one kind since the rig was built. */
  public List<KernelEvent> reports(EventKind kind) {
    return host.kernel().log().since(logStart).stream().filter(e -> e.kind() == kind).toList();
  }
}
