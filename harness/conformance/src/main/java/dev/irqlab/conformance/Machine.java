package dev.irqlab.conformance;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.Host;
import dev.irqlab.devices.HostSettings;
import dev.irqlab.devices.guest.Delivery;
import dev.irqlab.devices.guest.Interrupt;
import dev.irqlab.devices.kvm.Kvm;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import dev.irqlab.devices.kvm.KvmIrqfdArgs;
import dev.irqlab.devices.kvm.MsiMessage;
import dev.irqlab.devices.user.Process;
import dev.irqlab.devices.vdpa.VdpaDevice;
import dev.irqlab.devices.vfio.VfioIrqSet;
import dev.irqlab.devices.vfio.VfioPciDevice;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.FaultInjection;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;
import dev.irqlab.spi.CheckedIrqBypass;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassObject;
import dev.irqlab.spi.IrqBypassProducer;
import dev.irqlab.spi.Revision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The world one scenario runs in: a {@link Host} with the revision loaded through a {@link
 * TracingIrqBypass}, one user-space process ({@code qemu}) that owns every file the scenario
 * opens, and the scenario's own producers and consumers (kzalloc'ed structs whose callbacks
 * return what the scenario scripts). Operations name things; the machine keeps the names.
 */
final class Machine {
  /**
   * The module a scenario that calls the manager's API itself is: it imports the manager's
   * symbols, as kvm, vfio_pci and vhost_vdpa do, so it pins the manager while it is loaded.
   */
  static final String SCENARIO_MODULE = "scenario";

  /** The first IRQ number a scenario's own producer is registered with: p0 gets 100. */
  static final int FIRST_API_IRQ = 100;

  private final Host host;
  private final Kernel kernel;
  private final Recorder rec;
  private final Names names;
  private final Process qemu;
  private final Bindings bindings;
  private final Map<String, ApiObject> objects = new LinkedHashMap<>();
  /**
   * The descriptor each name was given, kept after {@code close} as a VMM's variable keeps it: a
   * later use passes the stale number to the kernel.
   */
  private final Map<String, Integer> fds = new HashMap<>();
  private final Map<String, EventfdCtx> eventfds = new HashMap<>();
  private final Map<String, VfioPciDevice> vfio = new LinkedHashMap<>();
  private final Map<String, int[]> vectors = new HashMap<>();
  private final Map<String, VdpaDevice> vdpa = new LinkedHashMap<>();
  private final Map<String, List<KvmIrqRoutingEntry>> routes = new HashMap<>();
  private int apiIrqs;

  /** A scenario's own producer or consumer, and what its {@code add} callback returns. */
  static final class ApiObject {
    final IrqBypassObject<?, ?> struct;
    final int irq;
    int addResult;

    ApiObject(IrqBypassObject<?, ?> struct, int irq) {
      this.struct = struct;
      this.irq = irq;
    }
  }

  Machine(Revision revision, DriverEra era, HostSettings settings, Recorder rec, Kernel kernel) {
    this.kernel = kernel;
    this.rec = rec;
    this.names = rec.names();
    this.bindings = new Bindings(!revision.info().lacks().containsKey(dev.irqlab.spi.Feature.PRODUCER_CALLBACKS));
    this.host = Host.boot(kernel, k -> new TracingIrqBypass(k, revision.load(k), rec, bindings), era, settings);
    this.host.setTrace(new DriverLines(rec));
    this.qemu = Process.spawn(host, "qemu");
  }

  Host host() {
    return host;
  }

  Recorder rec() {
    return rec;
  }

  CheckedIrqBypass bypass() {
    return host.bypass();
  }

  Module module() {
    return host.bypass().module();
  }

  // ------------------------------------------------------------------ API-level operations

  int newProducer(String name, int addResult, boolean withCallbacks) {
    host.loadImporter(SCENARIO_MODULE);
    IrqBypassProducer p = IrqBypassProducer.alloc(kernel);
    if (p == null) {
      return notAllocated(name);
    }
    p.setName(name);
    names.name(p, name);
    ApiObject o = new ApiObject(p, FIRST_API_IRQ + apiIrqs++);
    o.addResult = addResult;
    if (withCallbacks) {
      p.setAddConsumer((self, c) -> o.addResult);
      p.setDelConsumer((self, c) -> {});
      p.setStop(self -> {});
      p.setStart(self -> {});
    }
    objects.put(name, o);
    return 0;
  }

  int newConsumer(String name, int addResult, Op.Callbacks callbacks) {
    host.loadImporter(SCENARIO_MODULE);
    IrqBypassConsumer c = IrqBypassConsumer.alloc(kernel);
    if (c == null) {
      return notAllocated(name);
    }
    c.setName(name);
    names.name(c, name);
    ApiObject o = new ApiObject(c, 0);
    o.addResult = addResult;
    if (callbacks != Op.Callbacks.NONE && callbacks != Op.Callbacks.DEL_ONLY) {
      c.setAddProducer((self, p) -> o.addResult);
    }
    if (callbacks != Op.Callbacks.NONE && callbacks != Op.Callbacks.ADD_ONLY) {
      c.setDelProducer((self, p) -> {});
    }
    if (callbacks == Op.Callbacks.ALL) {
      c.setStop(self -> {});
      c.setStart(self -> {});
    }
    objects.put(name, o);
    return 0;
  }

  /** A kzalloc that failed, as the caller sees it: NULL, so {@code name} stays unallocated. */
  private int notAllocated(String name) {
    rec.add(TraceEntry.Kind.RESULT, "kzalloc(" + name + ") = NULL", Map.of("ret", Errno.name(-Errno.ENOMEM)));
    return -Errno.ENOMEM;
  }

  /**
   * The scenario's object {@code name}, or null when its kzalloc failed; then the trace says
   * that the step does nothing, as a caller holding NULL would do nothing.
   */
  private ApiObject object(String name) {
    ApiObject o = objects.get(name);
    if (o == null) {
      rec.add(TraceEntry.Kind.RESULT, name + " is NULL (its kzalloc failed): nothing to do", Map.of());
    }
    return o;
  }

  int script(String name, int addResult) {
    ApiObject o = object(name);
    if (o != null) {
      o.addResult = addResult;
    }
    return 0;
  }

  /** {@code eventfd(0, 0)} in the process; the context is named after the scenario's name. */
  int eventfd(String name) {
    int fd = qemu.eventfd();
    if (fd < 0) {
      rec.add(TraceEntry.Kind.RESULT, "eventfd = " + Errno.name(fd), Map.of("syscall", "eventfd", "ret", Errno.name(fd)));
      return fd;
    }
    EventfdCtx ctx = qemu.eventfdCtx(fd);
    ctx.setName(name);
    names.name(ctx, name);
    fds.put(name, fd);
    eventfds.put(name, ctx);
    return 0;
  }

  /** The eventfd named {@code key}, or null for {@code NULL}. */
  EventfdCtx key(String key) {
    return "NULL".equals(key) ? null : eventfds.get(key);
  }

  int register(String name, String key) {
    ApiObject o = object(name);
    if (o == null) {
      return -Errno.ENOMEM;
    }
    if (!"NULL".equals(key) && key(key) == null) {
      rec.add(TraceEntry.Kind.RESULT, "eventfd_ctx_fdget(" + key + ") = -EBADF", Map.of("ret", Errno.name(-Errno.EBADF)));
      return -Errno.EBADF;
    }
    if (o.struct instanceof IrqBypassProducer p) {
      return bypass().registerProducer(p, key(key), o.irq);
    }
    return bypass().registerConsumer((IrqBypassConsumer) o.struct, key(key));
  }

  int unregister(String name) {
    ApiObject o = object(name);
    if (o == null) {
      return 0;
    }
    if (o.struct instanceof IrqBypassProducer p) {
      bypass().unregisterProducer(p);
    } else {
      bypass().unregisterConsumer((IrqBypassConsumer) o.struct);
    }
    return 0;
  }

  /** {@code kfree}; of NULL when the object's kzalloc failed, which does nothing. */
  int free(String name) {
    ApiObject o = objects.get(name);
    kernel.memory().kfree(o == null ? null : o.struct);
    return 0;
  }

  /**
   * Sets a fault schedule, or ({@code fail off}) clears every one; a schedule cleared without
   * having forced a failure is said in the trace, with the hits it counted, so that a point or
   * hit number that never came is not mistaken for a fault that changed nothing.
   */
  int fail(Op.Fail f) {
    FaultInjection faults = kernel.faults();
    if (f.what().equals("off")) {
      for (FaultInjection.Outcome o : faults.clearAll()) {
        if (o.forced() == 0) {
          String hits = o.hits() == 1 ? "1 hit" : o.hits() + " hits";
          rec.add(TraceEntry.Kind.RESULT, "fault " + o.schedule().describe() + " never forced a failure (" + hits + ")",
              Map.of("fault", o.schedule().describe(), "hits", Long.toString(o.hits())));
        }
      }
    } else if (f.nth() == 0) {
      faults.failRange(f.what(), 1, -1, f.within());
    } else {
      faults.failRange(f.what(), f.nth(), f.times(), f.within());
    }
    return 0;
  }

  int fail(String what) {
    return fail(new Op.Fail(what));
  }

  /** {@code rmmod irqbypass}, traced as the system call it is. */
  int rmmod() {
    return rmmod(module().name(), "manager", () -> bypass().unload());
  }

  /** The teardown's {@code rmmod} of every module that imports the manager, the last loaded first. */
  void unloadImporters() {
    List<Module> importers = new ArrayList<>(module().holders());
    java.util.Collections.reverse(importers);
    importers.forEach(i -> rmmod(i.name(), "importer", i::unload));
  }

  /** {@code rmmod NAME}; {@code role} is {@code manager} or {@code importer}, for the clauses. */
  private int rmmod(String name, String role, IntSupplier body) {
    String text = "rmmod " + name;
    rec.add(TraceEntry.Kind.CALL, text, Map.of("syscall", "delete_module", "module", name, "role", role));
    int ret = rec.inside(body);
    rec.add(TraceEntry.Kind.RESULT, text + " = " + Errno.name(ret),
        Map.of("syscall", "delete_module", "module", name, "role", role, "ret", Errno.name(ret)));
    return ret;
  }

  // ------------------------------------------------------------------ system-level operations

  int vm(String name, int vcpus) {
    int fd = syscall("KVM_CREATE_VM", () -> qemu.createVm(name, vcpus));
    if (fd >= 0) {
      fds.put(name, fd);
      routes.put(name, new ArrayList<>());
      return 0;
    }
    return fd;
  }

  int vfio(String name, int msi, int msix) {
    VfioPciDevice dev = VfioPciDevice.create(host, name, msi, msix);
    vfio.put(name, dev);
    vectors.put(name, new int[] {msi, msix});
    int fd = syscall("VFIO_GROUP_GET_DEVICE_FD", () -> qemu.openVfio(dev));
    if (fd >= 0) {
      fds.put(name, fd);
      return 0;
    }
    return fd;
  }

  int vdpa(String name, int vqs) {
    VdpaDevice dev = VdpaDevice.create(host, name, vqs, VdpaDevice.VqIrqs.PER_VQ);
    names.vhost("vhost-vdpa-" + vdpa.size(), name);
    vdpa.put(name, dev);
    int fd = syscall("open", () -> qemu.openVhostVdpa(dev));
    if (fd >= 0) {
      fds.put(name, fd);
      return 0;
    }
    return fd;
  }

  int route(String vm, KvmIrqRoutingEntry entry) {
    List<KvmIrqRoutingEntry> r = routes.computeIfAbsent(vm, k -> new ArrayList<>());
    r.removeIf(e -> e.gsi() == entry.gsi());
    r.add(entry);
    return syscall("KVM_SET_GSI_ROUTING", () -> qemu.kvmSetGsiRouting(fd(vm), r));
  }

  int unroute(String vm, int gsi) {
    List<KvmIrqRoutingEntry> r = routes.computeIfAbsent(vm, k -> new ArrayList<>());
    r.removeIf(e -> e.gsi() == gsi);
    return syscall("KVM_SET_GSI_ROUTING", () -> qemu.kvmSetGsiRouting(fd(vm), r));
  }

  /**
   * {@code KVM_CREATE_DEVICE} of the VM's kvm-vfio device the first time (as QEMU does), then
   * {@code KVM_SET_DEVICE_ATTR} adding or deleting the group of {@code dev}.
   */
  int kvmVfio(String vm, String dev, boolean add) {
    String device = vm + ".kvm-vfio";
    if (!fds.containsKey(device)) {
      int fd = syscall("KVM_CREATE_DEVICE", () -> qemu.kvmCreateVfioDevice(fd(vm)));
      if (fd < 0) {
        return fd;
      }
      fds.put(device, fd);
    }
    return syscall("KVM_SET_DEVICE_ATTR", () -> qemu.kvmVfioGroup(fd(device), fd(dev), add));
  }

  static KvmIrqRoutingEntry msiRoute(int gsi, int vcpu, int vector) {
    return KvmIrqRoutingEntry.msi(gsi, MsiMessage.fixed(vcpu, vector));
  }

  int irqfd(String vm, String efd, int gsi, boolean assign, boolean noIrqBypass) {
    return irqfd(vm, efd, gsi, assign, noIrqBypass, null);
  }

  /**
   * {@code KVM_IRQFD}; with {@code resample}, a resample irqfd. An event already pending on the
   * eventfd is injected as the call returns: each such arrival is traced after it.
   */
  int irqfd(String vm, String efd, int gsi, boolean assign, boolean noIrqBypass, String resample) {
    int fd = fd(efd);
    KvmIrqfdArgs args = !assign ? KvmIrqfdArgs.deassign(fd, gsi)
        : resample != null ? KvmIrqfdArgs.resample(fd, gsi, fd(resample))
        : noIrqBypass ? KvmIrqfdArgs.noIrqBypass(fd, gsi) : KvmIrqfdArgs.assign(fd, gsi);
    int before = host.interrupts().unattributed().size();
    int ret = syscall("KVM_IRQFD", () -> qemu.kvmIrqfd(fd(vm), args));
    List<Delivery> late = host.interrupts().unattributed();
    late.subList(before, late.size()).forEach(d -> delivered("interrupt pending on " + efd, efd, d));
    return ret;
  }

  /** {@code VFIO_DEVICE_SET_IRQS} with eventfds: the trigger of vectors from {@code start} on ({@code -} is -1). */
  int setIrqs(String dev, int index, int start, List<String> efds) {
    int[] data = efds.stream().mapToInt(e -> "-".equals(e) ? -1 : fd(e)).toArray();
    return syscall("VFIO_DEVICE_SET_IRQS", () -> qemu.vfioSetIrqs(fd(dev), VfioIrqSet.eventfds(index, start, data)));
  }

  /** {@code VFIO_DEVICE_SET_IRQS}, {@code ACTION_UNMASK} with an eventfd on INTx ({@code -} stops it). */
  int intxUnmask(String dev, String efd) {
    int fd = "-".equals(efd) ? -1 : fd(efd);
    return syscall("VFIO_DEVICE_SET_IRQS", () -> qemu.vfioSetIrqs(fd(dev), VfioIrqSet.intxUnmask(fd)));
  }

  /**
   * {@code VFIO_DEVICE_SET_IRQS}, {@code ACTION_TRIGGER} with {@code DATA_NONE} (or {@code
   * DATA_BOOL} with {@code fire}) on one vector: vfio signals the vector's trigger from software.
   */
  int trigger(String dev, int index, int vector, Boolean fire) {
    VfioIrqSet set = fire == null ? VfioIrqSet.loopback(index, vector, 1) : VfioIrqSet.loopback(index, vector, fire.booleanValue());
    int before = host.interrupts().history().size();
    int ret = syscall("VFIO_DEVICE_SET_IRQS", () -> qemu.vfioSetIrqs(fd(dev), set));
    String vec = index == VfioIrqSet.INTX ? "intx" : (index == VfioIrqSet.MSI ? "msi" : "msix") + vector;
    interruptsSince(before, dev + "." + vec + " loopback");
    return ret;
  }

  /**
   * The guest acknowledges the interrupt it took through {@code gsi}'s irqchip pin: KVM's ack
   * notifiers run (a resample irqfd signals its resample eventfd). Not a system call.
   */
  int eoi(String vm, int gsi) {
    Kvm kvm = qemu.vm(fd(vm));
    String source = "EOI " + vm + " gsi " + gsi;
    if (kvm == null || kvm.isDestroyed()) {
      rec.add(TraceEntry.Kind.RESULT, "no VM " + vm + " to EOI = -EBADF", Map.of("source", source, "ret", Errno.name(-Errno.EBADF)));
      return -Errno.EBADF;
    }
    record(source, kvm.eoi(gsi), "nothing to notify");
    return 0;
  }

  /** A nonblocking {@code read(2)} of an eventfd: the counter, then 0; {@code -EAGAIN} at 0. */
  int read(String efd) {
    long v = qemu.read(fd(efd));
    int ret = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    rec.add(TraceEntry.Kind.CALL, "read", Map.of("syscall", "read"));
    rec.add(TraceEntry.Kind.RESULT, "read = " + Errno.name(ret), Map.of("syscall", "read", "ret", Errno.name(ret)));
    return ret < 0 ? ret : 0;
  }

  /** {@code poll(2)} of an eventfd for {@code POLLIN}, without waiting; the counter is left as it is. */
  int poll(String efd) {
    int mask = qemu.poll(fd(efd));
    String shown = mask < 0 ? Errno.name(mask) : (mask & EventfdCtx.EPOLLIN) != 0 ? "POLLIN" : "0";
    rec.add(TraceEntry.Kind.CALL, "poll", Map.of("syscall", "poll"));
    rec.add(TraceEntry.Kind.RESULT, "poll = " + shown, Map.of("syscall", "poll", "ret", shown));
    return mask < 0 ? mask : 0;
  }

  /** Traces each interrupt of the ledger from index {@code before} on, under {@code source} when it has no trigger of its own. */
  private void interruptsSince(int before, String source) {
    List<Interrupt> all = host.interrupts().history();
    all.subList(before, all.size()).forEach(i -> record(source, i, "not delivered (nothing expected)"));
  }

  /** {@code VFIO_DEVICE_SET_IRQS} with {@code DATA_NONE} and count 0: every vector of the index off. */
  int disableIrqs(String dev, int index) {
    return syscall("VFIO_DEVICE_SET_IRQS", () -> qemu.vfioSetIrqs(fd(dev), VfioIrqSet.disable(index)));
  }

  int vringCall(String dev, int vq, String efd) {
    int call = "-".equals(efd) ? -1 : fd(efd);
    return syscall("VHOST_SET_VRING_CALL", () -> qemu.vhostSetVringCall(fd(dev), vq, call));
  }

  int setStatus(String dev, int status) {
    return syscall("VHOST_VDPA_SET_STATUS", () -> qemu.vhostVdpaSetStatus(fd(dev), status));
  }

  int fire(String dev, String kind, int n) {
    if ("intx".equals(kind)) {
      VfioPciDevice d = vfio.get(dev);
      boolean masked = d.intxMasked();
      Interrupt i = d.fire(VfioIrqSet.INTX, 0);
      record(dev + ".intx", i, masked ? "masked at the device: pending until unmasked" : "not delivered (nothing expected)");
      return 0;
    }
    String source = dev + "." + kind + n;
    int has = "vq".equals(kind) ? vdpa.get(dev).nvqs() : vectors.get(dev)["msi".equals(kind) ? 0 : 1];
    if (n >= has) {
      String what = "vq".equals(kind) ? "queue" : "msi".equals(kind) ? "MSI vector" : "MSI-X vector";
      rec.add(TraceEntry.Kind.RESULT, String.format(java.util.Locale.ROOT, "no such %s %s (the device has %d) = -EINVAL", what, source, has),
          Map.of("source", source, "ret", Errno.name(-Errno.EINVAL)));
      return -Errno.EINVAL;
    }
    Interrupt i = switch (kind) {
      case "msix" -> vfio.get(dev).fire(VfioIrqSet.MSIX, n);
      case "msi" -> vfio.get(dev).fire(VfioIrqSet.MSI, n);
      default -> vdpa.get(dev).fire(n);
    };
    record(source, i, "not delivered (nothing expected)");
    return 0;
  }

  /** Traces where interrupt {@code i} arrived and what went astray; {@code none} says why nothing did. */
  private void record(String source, Interrupt i, String none) {
    if (i.deliveries().isEmpty() && i.anomalies().isEmpty()) {
      rec.add(TraceEntry.Kind.INTERRUPT, "interrupt " + source + ": " + none, Map.of("source", source));
    }
    i.deliveries().forEach(d -> delivered("interrupt " + source, source, d));
    i.anomalies().forEach(a -> rec.add(TraceEntry.Kind.INTERRUPT,
        "interrupt " + source + ": " + a.kind().label() + " at " + names.scrub(a.target().toString())
            + " (expected " + a.expected() + ", arrived " + a.actual() + ")",
        Map.of("source", source, "anomaly", a.kind().name())));
  }

  /** Traces one arrival: {@code HEAD -> TARGET (PATH)}. */
  private void delivered(String head, String source, Delivery d) {
    String target = names.scrub(d.target().toString());
    rec.add(TraceEntry.Kind.INTERRUPT, head + " -> " + target + " (" + d.path().label() + ")",
        Map.of("source", source, "path", d.path().label(), "target", target));
  }

  int signal(String efd) {
    return syscall("write", () -> qemu.write(fd(efd)));
  }

  /** {@code close(fd)}; the name keeps its number, so a later use of it gets {@code -EBADF}. */
  int close(String name) {
    int fd = fd(name);
    return syscall("close", () -> qemu.close(fd));
  }

  /** The descriptor {@code name} was given; -1, what user space holds after a failed open, when it was not. */
  private int fd(String name) {
    return fds.getOrDefault(name, -1);
  }

  /** A system call, traced as one nesting level. */
  private int syscall(String name, IntSupplier body) {
    rec.add(TraceEntry.Kind.CALL, name, Map.of("syscall", name));
    int ret = rec.inside(body);
    rec.add(TraceEntry.Kind.RESULT, name + " = " + Errno.name(ret), Map.of("syscall", name, "ret", Errno.name(ret)));
    return ret;
  }

  // ------------------------------------------------------------------ state and teardown

  /** The manager's registry now, with symbolic names. */
  State state() {
    IrqBypass.Snapshot s = bypass().snapshot();
    List<String> producers = s.producers().stream().map(r -> names.of(r.object()) + "@" + names.key(r.key())).toList();
    List<String> consumers = s.consumers().stream().map(r -> names.of(r.object()) + "@" + names.key(r.key())).toList();
    List<String> manager = s.connections().stream().map(c -> names.of(c.producer()) + "<->" + names.of(c.consumer())).toList();
    List<String> told;
    try (Kernel.Scope quiet = kernel.kasanDisableCurrent()) {
      told = bindings.connections(names, s.connections());
    }
    return new State(producers, consumers, told, manager, module().isBuiltin() ? null : s.moduleRefcount());
  }

  /** Every process exits; the scenario's own structs still allocated are freed (the caller's memory). */
  void shutdown() {
    host.shutdown();
    for (ApiObject o : objects.values()) {
      if (!o.struct.isFreed()) {
        kernel.memory().kfree(o.struct);
      }
    }
    fail("off");
  }

  /** The IRTE of every device vector with a host IRQ, by symbolic name. */
  List<String> irtes() {
    List<String> out = new ArrayList<>();
    vfio.forEach((name, dev) -> {
      int[] counts = vectors.get(name);
      String[] kinds = {"msi", "msix"};
      int[] indexes = {VfioIrqSet.MSI, VfioIrqSet.MSIX};
      for (int k = 0; k < 2; k++) {
        for (int v = 0; v < counts[k]; v++) {
          int irq = dev.hostIrq(indexes[k], v);
          if (irq >= 0) {
            out.add(name + "." + kinds[k] + v + " " + host.irqs().irte(irq));
          }
        }
      }
    });
    vdpa.forEach((name, dev) -> {
      for (int q = 0; q < dev.nvqs(); q++) {
        int irq = dev.hostIrq(q);
        if (irq >= 0) {
          out.add(name + ".vq" + q + " " + host.irqs().irte(irq));
        }
      }
    });
    return out;
  }

  /** Names of live objects for the leak report, scrubbed. */
  List<String> live() {
    return kernel.memory().live().stream().map(KObject::describe).map(names::scrub).toList();
  }
}
