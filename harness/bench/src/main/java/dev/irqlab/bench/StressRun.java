package dev.irqlab.bench;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.Host;
import dev.irqlab.devices.HostSettings;
import dev.irqlab.devices.kvm.KvmIrqRouting;
import dev.irqlab.devices.kvm.KvmIrqfdArgs;
import dev.irqlab.devices.user.Process;
import dev.irqlab.devices.vfio.VfioIrqSet;
import dev.irqlab.devices.vfio.VfioPciDevice;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelConfig;
import dev.irqlab.kernel.LockStat;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.LoadedRevision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * One revision under a {@link StressPlan}: a fresh host with the revision loaded and the drivers
 * of its era, one VMM process and VM per task, then every task creating its irqfds at once
 * through {@code KVM_IRQFD}. The figures come from the emulated kernel itself: lock_stat of the
 * mutex the revision made when it was loaded (reset once the set-up is done), and the list nodes
 * its walks visited. The tasks run in the plan's {@link StressPlan.Clock clock}: in virtual time
 * on the {@link VirtualScheduler}, or as Java threads of the host.
 *
 * <p>The kernel is a {@link KernelConfig#benchmark() benchmark kernel}: every check stays on
 * (KASAN, DEBUG_LIST, lockdep, the watchdog), only the Java stack walks of kmemleak and lockdep
 * sites are off.
 */
public final class StressRun {
  private final LoadedRevision revision;
  private final StressPlan plan;
  private final IntConsumer progress;

  /**
   * @param progress told the number of irqfds each task has just created (1 each time), from the
   *     tasks themselves
   */
  public StressRun(LoadedRevision revision, StressPlan plan, IntConsumer progress) {
    this.revision = revision;
    this.plan = plan;
    this.progress = progress;
  }

  /** Runs the stress; the host is dropped afterwards, so runs one after another share no memory. */
  public StressResult run() throws InterruptedException {
    boolean virtual = plan.clock() == StressPlan.Clock.VIRTUAL;
    Kernel kernel = new Kernel(KernelConfig.benchmark().withCpus(virtual ? 0 : plan.cpus()));
    List<Mutex> managerLocks = new ArrayList<>();
    DriverEra era = DriverEra.byId(revision.info().defaultEra());
    Host host = Host.boot(kernel, k -> load(k, managerLocks), era, HostSettings.defaults());
    Task[] tasks = new Task[plan.threads()];
    for (int t = 0; t < tasks.length; t++) {
      tasks[t] = new Task(host, t, plan.irqfdsOf(t));
    }
    managerLocks.forEach(m -> m.stat().reset()); // echo 0 > /proc/lock_stat: the set-up is not measured
    long begin = System.nanoTime();
    long makespan;
    if (virtual) {
      VirtualScheduler scheduler = new VirtualScheduler(kernel, plan.costs(), plan.cpus());
      // Each task's draws: the timer slack of a churn's sleeps, else the pauses after each irqfd.
      List<LongSupplier> draws = plan.churn() != null ? plan.slacks() : plan.pauses();
      List<Runnable> bodies = new ArrayList<>();
      for (int t = 0; t < tasks.length; t++) {
        Task task = tasks[t];
        LongSupplier draw = draws.get(t);
        if (plan.churn() != null) {
          bodies.add(() -> task.churn(plan.churn(), ns -> scheduler.sleep(kernel.current(), ns), draw));
        } else {
          bodies.add(() -> task.run(null, () -> scheduler.think(kernel.current(), draw.getAsLong())));
        }
      }
      scheduler.run(bodies, "vmm");
      makespan = scheduler.makespanNanos();
    } else {
      CountDownLatch start = new CountDownLatch(1);
      Thread[] threads = new Thread[tasks.length];
      for (int t = 0; t < tasks.length; t++) {
        Task task = tasks[t];
        threads[t] = new Thread(() -> task.run(start, () -> {}), "vmm" + t);
        threads[t].start();
      }
      begin = System.nanoTime();
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      makespan = System.nanoTime() - begin;
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    for (Task task : tasks) {
      if (task.error != null) {
        throw new IllegalStateException(revision.id() + ": task " + task.index + " failed", task.error);
      }
    }
    Mutex lock = managerLocks.stream().max(Comparator.comparingLong(m -> m.stat().snapshot().acquisitions())).orElse(null);
    LockStat.Snapshot stat = lock == null ? null : lock.stat().snapshot();
    IrqBypass.Snapshot registry = host.bypass().snapshot();
    int failed = Arrays.stream(tasks).mapToInt(t -> t.failed.get()).sum();
    long registrations = plan.irqfds() * (plan.producers() ? 2L : 1L);
    return new StressResult(
        revision.id(),
        era.id(),
        lock == null ? "-" : lock.name(),
        plan.irqfds(),
        failed,
        registry.consumers().size(),
        registry.connections().size(),
        seconds,
        makespan / 1e9,
        stat == null ? 0 : stat.acquisitions(),
        stat == null ? 0 : stat.contentions(),
        stat == null ? Figures.NONE : Figures.contended(stat.waitTime()),
        stat == null ? Figures.NONE : Figures.of(stat.holdTime()),
        (double) kernel.listNodesVisited() / registrations,
        kernel.log().reports().size());
  }

  /** {@code insmod}: loads the revision and notes the mutexes it made. */
  private IrqBypass load(Kernel kernel, List<Mutex> made) {
    int before = kernel.lockdep().locks().size();
    IrqBypass manager = revision.revision().load(kernel);
    List<Mutex> now = kernel.lockdep().locks();
    made.addAll(now.subList(before, now.size()));
    return manager;
  }

  /** The GSI of a churn VM's first irqfd, as the reproducer numbers them. */
  static final int CHURN_GSI = 32;

  /** One VMM: its process, its VM, its devices, and the irqfds it creates. */
  private final class Task {
    final Kernel kernel;
    final int index;
    final int count;
    final Process vmm;
    final int vm;
    final List<Integer> devices = new ArrayList<>();
    final AtomicInteger failed = new AtomicInteger();
    volatile Throwable error;

    Task(Host host, int index, int count) {
      this.kernel = host.kernel();
      this.index = index;
      this.count = count;
      this.vmm = Process.spawn(host, "vmm" + index);
      this.vm = plan.churn() == null ? vmm.createVm(1) : -1; // VMs that come and go are made by the task
      if (plan.producers()) {
        for (int d = 0; d * StressPlan.VECTORS_PER_DEVICE < count; d++) {
          int vectors = Math.min(StressPlan.VECTORS_PER_DEVICE, count - d * StressPlan.VECTORS_PER_DEVICE);
          VfioPciDevice dev = VfioPciDevice.create(host, String.format(Locale.ROOT, "%04x:%02x:00.0", index, d), 1, vectors);
          int fd = vmm.openVfio(dev);
          int[] none = new int[vectors];
          Arrays.fill(none, -1);
          check(vmm.vfioSetIrqs(fd, VfioIrqSet.eventfds(VfioIrqSet.MSIX, 0, none)), "MSI-X enable");
          devices.add(fd);
        }
      }
    }

    /** Waits for the start (null in virtual time, where the scheduler starts it), then for an emulated CPU. */
    private Kernel.Scope enter(CountDownLatch start) throws InterruptedException {
      if (start != null) {
        start.await();
      }
      return kernel.cpus().run(kernel);
    }

    /** The GSI of irqfd {@code i}: from 24, past the IOAPIC pins, to {@code KVM_MAX_IRQ_ROUTES}, then again. */
    private static int gsi(int i) {
      return 24 + i % (KvmIrqRouting.KVM_MAX_IRQ_ROUTES - 24);
    }

    private void check(int ret, String what) {
      if (ret != 0) {
        throw new IllegalStateException(String.format(Locale.ROOT, "vmm%d: %s returned %d", index, what, ret));
      }
    }

    /**
     * The churn's process {@link #index}, a background VM when it is one of the first {@code
     * backgroundVms}, else a test VM; {@code sleep} sleeps that many ns of virtual time, and each
     * of the process's own sleeps ends {@code slack} late.
     */
    void churn(StressPlan.Churn c, LongConsumer sleep, LongSupplier slack) {
      boolean background = index < c.backgroundVms();
      try (Kernel.Scope cpu = enter(null)) {
        if (c.startNs(index) > 0) {
          sleep.accept(c.startNs(index)); // not forked yet
        }
        for (int round = 0; round < (background ? 1 : c.rounds()); round++) {
          int vmFd = vmm.createVm(1);
          if (vmFd < 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "vmm%d: KVM_CREATE_VM returned %d", index, vmFd));
          }
          int[] efds = new int[c.irqfdsPerVm()];
          for (int i = 0; i < efds.length; i++) {
            efds[i] = vmm.eventfd();
            if (vmm.kvmIrqfd(vmFd, KvmIrqfdArgs.assign(efds[i], CHURN_GSI + i)) != 0) {
              failed.incrementAndGet();
            }
            progress.accept(1);
          }
          sleep.accept((background ? c.backgroundSleepNs() : c.testSleepNs()) + slack.getAsLong()); // usleep()
          for (int i = 0; i < efds.length; i++) {
            check(vmm.kvmIrqfd(vmFd, KvmIrqfdArgs.deassign(efds[i], CHURN_GSI + i)), "KVM_IRQFD deassign");
            check(vmm.close(efds[i]), "close(eventfd)");
          }
          check(vmm.close(vmFd), "close(vm)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable e) {
        error = e;
      }
    }

    /** Creates the task's irqfds, {@code think} after each one. */
    void run(CountDownLatch start, Runnable think) {
      try (Kernel.Scope cpu = enter(start)) {
        for (int i = 0; i < count; i++) {
          int efd = vmm.eventfd();
          if (vmm.kvmIrqfd(vm, KvmIrqfdArgs.assign(efd, gsi(i))) != 0) {
            failed.incrementAndGet();
          } else if (plan.producers()) {
            int dev = devices.get(i / StressPlan.VECTORS_PER_DEVICE);
            int vector = i % StressPlan.VECTORS_PER_DEVICE;
            if (vmm.vfioSetIrqs(dev, VfioIrqSet.eventfds(VfioIrqSet.MSIX, vector, efd)) != 0) {
              failed.incrementAndGet();
            }
          }
          progress.accept(1);
          think.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable e) {
        error = e;
      }
    }
  }
}
