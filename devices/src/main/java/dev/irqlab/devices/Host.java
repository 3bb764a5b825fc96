package dev.irqlab.devices;

import dev.irqlab.devices.guest.EventfdReader;
import dev.irqlab.devices.guest.InterruptLedger;
import dev.irqlab.devices.guest.Target;
import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.devices.sched.WorkQueue;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.ModuleState;
import dev.irqlab.spi.CheckedIrqBypass;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Revision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * One simulated machine for one run: an emulated {@link Kernel} with one IRQ bypass manager
 * loaded, the drivers of one {@link DriverEra}, the host's posting {@link HostSettings}, and
 * what lives on it: user-space processes, VFIO and vDPA devices, KVM VMs, and the guest's
 * {@link InterruptLedger}. Nothing is shared between two hosts.
 *
 * <p>The host imports none of its callers: KVM, the vDPA bus and the process table bind to it
 * as {@link HostDriver}s ({@link #driver}), each made on first use and kept for the host's life,
 * as drivers bind to a bus, and each device or VM is made by its own driver ({@code
 * KvmModule.on(host).createVm(n)}, {@code VfioPciDevice.create(host, ...)}, {@code
 * Process.spawn(host, comm)}). A new caller is a new driver, not an edit of the host.
 *
 * <p>The drivers reach the manager only through {@link #bypass()}, a {@link CheckedIrqBypass}.
 *
 * <p>System calls may come from many tasks at once, as user space makes them: each Java thread
 * is a task, and each task drives its own {@code Process} (a process's file table is its own).
 * The host's tables (processes, VMs, workqueues) take their own locks; what the kernel
 * serialises with its locks (the manager's mutex, a VM's {@code irqfds.lock} and {@code
 * irq_lock}, vfio-pci's {@code igate}) the drivers serialise with the same locks. Set-up and
 * the checks of a test (the ledger's expectations, {@link #shutdown()}) run on one task.
 */
public final class Host {
  private final Kernel kernel;
  private final CheckedIrqBypass bypass;
  private final DriverEra era;
  private final HostSettings settings;
  private final IrqDomain irqs;
  private final WorkQueue systemWq;
  private final WorkQueue irqfdCleanupWq;
  private final InterruptLedger interrupts;
  private final Map<String, Module> importers = new LinkedHashMap<>();
  /** The bound drivers, in the order they bound. */
  private final Map<Class<?>, HostDriver> drivers = new LinkedHashMap<>();
  private DriverTrace trace = DriverTrace.NONE;

  private Host(Kernel kernel, Function<Kernel, IrqBypass> manager, DriverEra era, HostSettings settings) {
    this.kernel = kernel;
    this.era = Objects.requireNonNull(era, "era");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.bypass = CheckedIrqBypass.wrap(kernel, manager.apply(kernel));
    this.irqs = new IrqDomain(kernel, settings.iommuPosting());
    this.systemWq = new WorkQueue(kernel, "events");
    this.irqfdCleanupWq = new WorkQueue(kernel, "kvm-irqfd-cleanup");
    this.interrupts = new InterruptLedger(kernel, this::expectedTargets, this::runDeferredWork);
  }

  /** Boots with {@code revision} loaded and the drivers of its default era, on a host that can post. */
  public static Host boot(Revision revision) {
    return boot(revision, DriverEra.byId(revision.info().defaultEra()), HostSettings.defaults());
  }

  /** Boots a debug kernel with {@code revision} loaded ({@code insmod}). */
  public static Host boot(Revision revision, DriverEra era, HostSettings settings) {
    return boot(new Kernel(), revision::load, era, settings);
  }

  /**
   * Boots {@code kernel} with the manager {@code manager} makes on it (a revision's {@code load},
   * or a test's own manager).
   */
  public static Host boot(Kernel kernel, Function<Kernel, IrqBypass> manager, DriverEra era, HostSettings settings) {
    return new Host(kernel, manager, era, settings);
  }

  public Kernel kernel() {
    return kernel;
  }

  /** The loaded manager, checked at every entry and return. */
  public CheckedIrqBypass bypass() {
    return bypass;
  }

  public DriverEra era() {
    return era;
  }

  public HostSettings settings() {
    return settings;
  }

  /** The interrupt domain: host IRQs, their handlers and IRTEs. */
  public IrqDomain irqs() {
    return irqs;
  }

  /** {@code system_wq}: injection work. */
  public WorkQueue systemWq() {
    return systemWq;
  }

  /** {@code irqfd_cleanup_wq}: irqfd shutdown work. */
  public WorkQueue irqfdCleanupWq() {
    return irqfdCleanupWq;
  }

  /** The guest's view: every interrupt, where it arrived, by path, and the anomalies. */
  public InterruptLedger interrupts() {
    return interrupts;
  }

  /** Where the drivers show their own steps ({@link DriverTrace#NONE} unless set). */
  public DriverTrace trace() {
    return trace;
  }

  /** Shows the drivers' own steps to {@code trace}. */
  public void setTrace(DriverTrace trace) {
    this.trace = Objects.requireNonNull(trace, "trace");
  }

  /**
   * {@code modprobe NAME}, once: a module that calls the manager's exported functions, so that
   * {@code rmmod irqbypass} is refused while it is loaded. The drivers load theirs ({@code kvm},
   * {@code vfio_pci}, {@code vhost_vdpa}) with their first device; a caller of the API itself
   * loads its own.
   */
  public Module loadImporter(String name) {
    synchronized (importers) {
      return importers.computeIfAbsent(name, n -> {
        Module m = Module.loadable(kernel, n);
        bypass.module().usedBy(m);
        return m;
      });
    }
  }

  /**
   * {@code rmmod} of every module {@link #loadImporter} loaded, the last loaded first; each
   * name with what {@code delete_module} returned. Run after {@link #shutdown()}.
   */
  public Map<String, Integer> unloadImporters() {
    List<Module> loaded;
    synchronized (importers) {
      loaded = new ArrayList<>(importers.values());
    }
    java.util.Collections.reverse(loaded);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Module m : loaded) {
      if (m.state() == ModuleState.LIVE) {
        out.put(m.name(), m.unload());
      }
    }
    return out;
  }

  /**
   * The driver of class {@code type} bound to this host, bound now by {@code probe} when it is
   * the first use. {@code probe} runs once per host, with the host's driver table locked; it may
   * ask for other drivers, not for its own.
   */
  public <T extends HostDriver> T driver(Class<T> type, Function<Host, T> probe) {
    synchronized (drivers) {
      HostDriver bound = drivers.get(type);
      if (bound == null) {
        bound = Objects.requireNonNull(probe.apply(this), "probe");
        drivers.put(type, bound);
      }
      return type.cast(bound);
    }
  }

  /** The bound drivers, in the order they bound. */
  private List<HostDriver> drivers() {
    synchronized (drivers) {
      return List.copyOf(drivers.values());
    }
  }

  /**
   * Runs a system call: the body, then, as the task returns to user space, the deferred work it
   * queued; a lock still held then is reported. The kernel counts the call ({@link
   * dev.irqlab.kernel.Work#SYSCALL}).
   */
  public int syscall(String name, IntSupplier body) {
    kernel.syscall();
    int ret = body.getAsInt();
    runDeferredWork();
    kernel.lockdep().assertNoLocksHeld(name);
    return ret;
  }

  private void runDeferredWork() {
    while (systemWq.pending() + irqfdCleanupWq.pending() > 0) {
      systemWq.flush();
      irqfdCleanupWq.flush();
    }
  }

  /**
   * Where a signal of {@code eventfd} should arrive: the targets every bound driver names (each
   * irqfd's routes) and every {@link EventfdReader} waiting on it, or user space when none
   * consumes it.
   */
  private List<Target> expectedTargets(EventfdCtx eventfd) {
    List<Target> out = new ArrayList<>();
    boolean consumed = false;
    for (HostDriver d : drivers()) {
      out.addAll(d.expectedTargets(eventfd));
      consumed |= d.consumes(eventfd);
    }
    for (var wait : eventfd.waiters()) {
      if (wait.owner() instanceof EventfdReader reader) {
        out.add(reader.target());
        consumed = true;
      }
    }
    if (!consumed) {
      out.add(new Target.UserSpace(eventfd.toString()));
    }
    return out;
  }

  /** Every bound driver shuts down, in the order they bound: every process exits, closing its files. */
  public void shutdown() {
    drivers().forEach(HostDriver::shutdown);
  }
}
