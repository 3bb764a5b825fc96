package dev.irqlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The workload of {@code irqlab stress}: {@code threads} tasks, each a VMM process with a VM of
 * its own, create {@code irqfds} irqfds between them with {@code KVM_IRQFD}, all at once; each
 * irqfd registers a consumer with the manager. With {@code producers}, each task also has
 * vfio-pci devices and gives each eventfd to an MSI-X vector after its irqfd, as QEMU does, so
 * every consumer gets a producer and the two connect.
 *
 * <p>The 2023 stress (Like Xu's XArray patch) created 174000 irqfds "concurrently on an 2.70GHz
 * ICX w/ 144 cores": {@link #IRQFDS_2023} and {@link #THREADS_2023}. {@code irqlab stress} makes
 * 144 tasks create {@link #IRQFDS_DEFAULT} by default, a run of about a minute on 2 cores, and
 * the 2023 number with {@code --full}, pausing {@link #THINK_2023} on average after each irqfd.
 *
 * <p>With the {@link Clock#VIRTUAL virtual} clock (the default) the tasks run on {@code cpus}
 * virtual CPUs in virtual time ({@link VirtualScheduler}), every piece of work costing what the
 * {@code costs} say it costs on the modelled machine: the figures are that machine's, whatever
 * the host. With the {@link Clock#HOST host}'s clock the tasks are Java threads timed by the
 * host, and they share {@code cpus} emulated CPUs (see {@link dev.irqlab.kernel.Cpus}): with 144
 * Java threads on 2 cores, the host would otherwise preempt the mutex's holder in favour of tasks
 * that only wait for it, and the waits would measure the host's scheduler, not the manager.
 *
 * @param threads tasks creating irqfds at once
 * @param irqfds irqfds in all
 * @param producers whether each eventfd also gets a VFIO producer
 * @param cpus with the virtual clock, the virtual CPUs (at least 1); with the host's, the
 *     emulated CPUs the tasks share, 0 for one per task
 * @param clock whose time the figures are in
 * @param costs the durations of the virtual clock (unused with the host's)
 * @param think with the virtual clock, the mean time in ns each task spends in user space after
 *     each irqfd it creates, before the next (0 for none): the VMM's own work, which the stress
 *     does not otherwise have. Each pause is drawn from an exponential distribution of that mean
 *     ({@link #pauses}), so that the tasks do not move in lock-step as identical tasks with
 *     identical pauses would, never meeting at the mutex once their first queue has drained.
 * @param seed what the pauses are drawn from: the same seed, the same pauses, the same figures
 * @param churn null for the workload above; else VMs that come and go ({@link Churn}), which
 *     {@code threads} and {@code irqfds} then count
 */
public record StressPlan(int threads, int irqfds, boolean producers, int cpus, Clock clock, CostModel costs, long think, long seed, Churn churn) {
  /**
   * The workload of the reproducer attached to Bugzilla 217379 ({@code kvm_irqfd_fork.c}), where
   * the list's cost was first reported: {@code backgroundVms} processes each create a VM, give it
   * {@code irqfdsPerVm} irqfds, sleep {@code backgroundSleepNs}, deassign the irqfds one by one
   * (closing each eventfd) and close the VM; {@code testVms} processes do the same {@code rounds}
   * times, sleeping {@code testSleepNs} each time. A deassign queues the irqfd's shutdown, which
   * unregisters the consumer, and flushes the cleanup workqueue: the manager's mutex sees
   * registrations and unregistrations together.
   *
   * <p>The processes start as the reproducer's parent forks them: one every {@code forkNs}, the
   * background ones first, then, after a pause of {@code testStartNs}, the test ones ({@link
   * #startNs}).
   */
  public record Churn(int backgroundVms, int testVms, int rounds, int irqfdsPerVm, long backgroundSleepNs, long testSleepNs, long testStartNs,
      long forkNs) {
    public Churn {
      if (backgroundVms < 0 || testVms < 0 || backgroundVms + testVms < 1 || rounds < 1 || irqfdsPerVm < 1) {
        throw new IllegalArgumentException("need a VM, a round and an irqfd at least, not " + backgroundVms + " + " + testVms + " VMs, "
            + rounds + " rounds, " + irqfdsPerVm + " irqfds each");
      }
      if (backgroundSleepNs < 0 || testSleepNs < 0 || testStartNs < 0 || forkNs < 0) {
        throw new IllegalArgumentException("sleeps are 0 ns or more");
      }
    }

    /**
     * The reproducer as published, its VM counts times {@code scale}: 900 background VMs that
     * sleep 60 s, 20 test VMs forked 10 s after them that sleep 400 ms, 100 rounds, 15 irqfds a
     * VM: 43500 irqfds; times 4, the 174000 of the 2023 figures. A fork takes {@link
     * #FORK_NS}.
     */
    public static Churn reproducer(int scale) {
      if (scale < 1) {
        throw new IllegalArgumentException("scale must be at least 1, not " + scale);
      }
      return new Churn(900 * scale, 20 * scale, 100, 15, 60_000_000_000L, 400_000_000L, 10_000_000_000L, FORK_NS);
    }

    /**
     * The parent's time per {@code fork()} of a small process, 100 us: an order of magnitude, as
     * lmbench's fork figures give it, not a measurement of the 2023 machine.
     */
    public static final long FORK_NS = 100_000;

    /** When process {@code t} starts: forked in turn, the test ones after the pause. */
    public long startNs(int t) {
      return t < backgroundVms ? t * forkNs : backgroundVms * forkNs + testStartNs + (t - backgroundVms) * forkNs;
    }

    /** The processes, one per VM that lives as long as the run, background first. */
    public int tasks() {
      return backgroundVms + testVms;
    }

    /** The irqfds created in all. */
    public int irqfds() {
      return Math.toIntExact((backgroundVms + (long) testVms * rounds) * irqfdsPerVm);
    }
  }

  /** Whose time a stress measures. */
  public enum Clock {
    /** Virtual time on virtual CPUs: the modelled machine's figures, the same on any host. */
    VIRTUAL,
    /** The host's time, with a Java thread per task: the host's figures. */
    HOST
  }

  /** The irqfds of {@code irqlab stress} with no {@code -n}: a run of about a minute on 2 cores. */
  public static final int IRQFDS_DEFAULT = 40_000;
  /** The irqfds of the 2023 stress. */
  public static final int IRQFDS_2023 = 174_000;
  /**
   * The mean think time of {@code --full}, in ns: the 2023 program is not published, but its
   * XArray figures show a queue that formed once (its longest wait, 47.6 us, is what a queue of
   * 143 costs) and then drained (its average wait was 314 ns), so its tasks spent long enough
   * between two irqfds for the mutex to go idle. In the model the XArray waits settle once the
   * mean pause reaches about 100 us, and change little beyond (see README, "The 2023 stress").
   */
  public static final long THINK_2023 = 100_000;
  /** The cores of the 2023 stress. */
  public static final int THREADS_2023 = 144;
  /** The seed of the think times when none is given. */
  public static final long SEED_DEFAULT = 1;
  /** MSI-X vectors of one vfio-pci device (the PCI limit). */
  public static final int VECTORS_PER_DEVICE = 2048;

  public StressPlan {
    if (threads < 1 || irqfds < threads) {
      throw new IllegalArgumentException("need at least one thread and one irqfd per thread, not " + threads + " and " + irqfds);
    }
    if (clock == Clock.VIRTUAL && cpus < 1) {
      throw new IllegalArgumentException("need at least one virtual CPU, not " + cpus);
    }
    if (cpus < 0) {
      throw new IllegalArgumentException("cpus must be 0 (one per task) or more, not " + cpus);
    }
    if (costs == null) {
      costs = CostModel.icx2023();
    }
    if (think < 0 || think > 0 && clock != Clock.VIRTUAL) {
      throw new IllegalArgumentException("a think time is for the virtual clock, at 0 ns or more, not " + think + " ns with the " + clock + " clock");
    }
    if (churn != null && (clock != Clock.VIRTUAL || producers || think != 0 || threads != churn.tasks() || irqfds != churn.irqfds())) {
      throw new IllegalArgumentException("VMs that come and go run in virtual time, with no producers and no think time, "
          + churn.tasks() + " tasks creating " + churn.irqfds() + " irqfds");
    }
  }

  /** The churn of {@code churn} on {@code cpus} virtual CPUs, its timer slack drawn from {@code seed}. */
  public static StressPlan churn(Churn churn, int cpus, CostModel costs, long seed) {
    return new StressPlan(churn.tasks(), churn.irqfds(), false, cpus, Clock.VIRTUAL, costs, 0, seed, churn);
  }

  /** A stress in the host's time on {@code cpus} emulated CPUs (0: one per task). */
  public static StressPlan host(int threads, int irqfds, boolean producers, int cpus) {
    return new StressPlan(threads, irqfds, producers, cpus, Clock.HOST, CostModel.icx2023(), 0, SEED_DEFAULT, null);
  }

  /** A stress in virtual time on {@code cpus} virtual CPUs. */
  public static StressPlan virtual(int threads, int irqfds, boolean producers, int cpus, CostModel costs) {
    return new StressPlan(threads, irqfds, producers, cpus, Clock.VIRTUAL, costs, 0, SEED_DEFAULT, null);
  }

  /** This plan with a mean think time of {@code nanos} and the pauses drawn from {@code seed}. */
  public StressPlan thinking(long nanos, long seed) {
    return new StressPlan(threads, irqfds, producers, cpus, clock, costs, nanos, seed, churn);
  }

  /**
   * The pauses of each task in turn, one generator per task, all split in task order from one
   * seeded by {@link #seed}: a task's pauses depend on the seed and its index only, never on the
   * order in which the tasks happen to run.
   */
  public List<LongSupplier> pauses() {
    return perTask(r -> think == 0 ? () -> 0 : () -> Math.round(-think * Math.log(1 - r.nextDouble())));
  }

  /** One draw per task, each from its own generator, split in task order from one seeded by {@link #seed}. */
  private List<LongSupplier> perTask(Function<SplittableRandom, LongSupplier> draw) {
    SplittableRandom root = new SplittableRandom(seed);
    List<LongSupplier> out = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      out.add(draw.apply(root.split()));
    }
    return out;
  }

  /**
   * The kernel's default timer slack ({@code timer_slack_ns} of a normal task): a sleep ends up to
   * this much after the time asked for, as the timer is coalesced with others.
   */
  public static final long TIMER_SLACK_NS = 50_000;

  /**
   * How late each sleep of each churn process in turn ends ({@code usleep()}, not the wait to be
   * forked), uniform below {@link #TIMER_SLACK_NS}: drawn as
   * {@link #pauses} are, one generator per task split in task order from {@link #seed}. Without
   * it, processes forked a fixed time apart that sleep fixed times would stay that far apart for
   * ever, and never meet at the mutex.
   */
  public List<LongSupplier> slacks() {
    return perTask(r -> () -> r.nextLong(TIMER_SLACK_NS));
  }

  /**
   * The emulated CPUs of the host's clock by default: one fewer than the host's cores (at least
   * one), so that the holder of the mutex, which runs without taking one, always finds a core.
   */
  public static int defaultCpus() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  /** How many irqfds task {@code t} creates: the irqfds shared out as evenly as they go. */
  public int irqfdsOf(int t) {
    return irqfds / threads + (t < irqfds % threads ? 1 : 0);
  }
}
