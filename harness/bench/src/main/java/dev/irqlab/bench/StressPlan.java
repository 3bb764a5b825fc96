package dev.irqlab.bench;

/**
 * The workload of {@code irqlab stress}: {@code threads} tasks, each a VMM process with a VM of
 * its own, create {@code irqfds} irqfds between them with {@code KVM_IRQFD}, all at once; each
 * irqfd registers a consumer with the manager. With {@code producers}, each task also has
 * vfio-pci devices and gives each eventfd to an MSI-X vector after its irqfd, as QEMU does, so
 * every consumer gets a producer and the two connect.
 *
 * <p>The defaults are the 2023 stress (Like Xu's XArray patch): 174000 irqfds "created
 * concurrently on an 2.70GHz ICX w/ 144 cores". The manager's single mutex serialises the
 * registrations, so 144 tasks on 2 cores contend for it just as 144 cores did.
 *
 * <p>The tasks share {@code cpus} emulated CPUs (see {@link dev.irqlab.kernel.Cpus}): with 144
 * Java threads on 2 cores, the host would otherwise preempt the mutex's holder in favour of tasks
 * that only wait for it, and the waits would measure the host's scheduler, not the manager.
 *
 * @param threads tasks creating irqfds at once
 * @param irqfds irqfds in all
 * @param producers whether each eventfd also gets a VFIO producer
 * @param cpus emulated CPUs the tasks share, 0 for one per task
 */
public record StressPlan(int threads, int irqfds, boolean producers, int cpus) {
  /** The irqfds of the 2023 stress. */
  public static final int IRQFDS_2023 = 174_000;
  /** The cores of the 2023 stress. */
  public static final int THREADS_2023 = 144;
  /** MSI-X vectors of one vfio-pci device (the PCI limit). */
  public static final int VECTORS_PER_DEVICE = 2048;

  public StressPlan {
    if (threads < 1 || irqfds < threads) {
      throw new IllegalArgumentException("need at least one thread and one irqfd per thread, not " + threads + " and " + irqfds);
    }
    if (cpus < 0) {
      throw new IllegalArgumentException("cpus must be 0 (one per task) or more, not " + cpus);
    }
  }

  /**
   * The emulated CPUs by default: one fewer than the host's cores (at least one), so that the
   * holder of the mutex, which runs without taking one, always finds a core.
   */
  public static int defaultCpus() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  /** How many irqfds task {@code t} creates: the irqfds shared out as evenly as they go. */
  public int irqfdsOf(int t) {
    return irqfds / threads + (t < irqfds % threads ? 1 : 0);
  }
}
