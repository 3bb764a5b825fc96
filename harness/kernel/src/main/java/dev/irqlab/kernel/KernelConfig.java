package dev.irqlab.kernel;

/**
 * The debug options a {@link Kernel} is built with, as a kernel's .config sets them.
 *
 * @param debugList {@code CONFIG_DEBUG_LIST}: list_add and list_del check their neighbours and
 *     report corruption instead of corrupting the list
 * @param kasan {@code CONFIG_KASAN}: a freed object touched through its accessors is reported
 * @param kasanSites KASAN records the Java line that frees each object, for its use-after-free
 *     reports (off for benchmarks: it walks the Java stack)
 * @param kmemleak {@code CONFIG_DEBUG_KMEMLEAK}: each allocation records where it was made, for
 *     the leak report (off for benchmarks: it walks the Java stack)
 * @param lockStat {@code CONFIG_LOCK_STAT}: mutexes keep wait and hold time histograms
 * @param lockdepSites lockdep records the Java line where each mutex was taken, for its
 *     reports (off for benchmarks: it walks the Java stack)
 * @param walkLimit how many steps one list walk may take before the watchdog reports a soft
 *     lockup and ends the task
 * @param pointerHashKey the key of {@code %p} pointer hashing (fixed, so output is
 *     deterministic)
 * @param cpus how many tasks run at once on the emulated {@link Cpus}; 0 for one CPU per task
 */
public record KernelConfig(
    boolean debugList,
    boolean kasan,
    boolean kasanSites,
    boolean kmemleak,
    boolean lockStat,
    boolean lockdepSites,
    long walkLimit,
    long pointerHashKey,
    int cpus) {

  /** A debug kernel: every check on, a walk limit of 2^26 steps. */
  public static KernelConfig defaults() {
    return new KernelConfig(true, true, true, true, true, true, 1L << 26, 0x5eed_1e55_c0de_2015L, 0);
  }

  /**
   * A kernel for benchmarks: the checks stay, the bookkeeping that walks the Java stack on
   * every allocation, free or lock (kmemleak sites, KASAN free sites, lockdep sites) is off.
   */
  public static KernelConfig benchmark() {
    return defaults().withKmemleak(false).withKasanSites(false).withLockdepSites(false);
  }

  public KernelConfig {
    if (walkLimit <= 0) {
      throw new IllegalArgumentException("walkLimit must be positive, not " + walkLimit);
    }
    if (cpus < 0) {
      throw new IllegalArgumentException("cpus must be 0 (one per task) or more, not " + cpus);
    }
  }

  public KernelConfig withDebugList(boolean on) {
    return new KernelConfig(on, kasan, kasanSites, kmemleak, lockStat, lockdepSites, walkLimit, pointerHashKey, cpus);
  }

  public KernelConfig withKasan(boolean on) {
    return new KernelConfig(debugList, on, kasanSites, kmemleak, lockStat, lockdepSites, walkLimit, pointerHashKey, cpus);
  }

  public KernelConfig withKasanSites(boolean on) {
    return new KernelConfig(debugList, kasan, on, kmemleak, lockStat, lockdepSites, walkLimit, pointerHashKey, cpus);
  }

  public KernelConfig withKmemleak(boolean on) {
    return new KernelConfig(debugList, kasan, kasanSites, on, lockStat, lockdepSites, walkLimit, pointerHashKey, cpus);
  }

  public KernelConfig withLockStat(boolean on) {
    return new KernelConfig(debugList, kasan, kasanSites, kmemleak, on, lockdepSites, walkLimit, pointerHashKey, cpus);
  }

  public KernelConfig withLockdepSites(boolean on) {
    return new KernelConfig(debugList, kasan, kasanSites, kmemleak, lockStat, on, walkLimit, pointerHashKey, cpus);
  }

  /** {@code n} emulated CPUs (0: one per task); see {@link Cpus}. */
  public KernelConfig withCpus(int n) {
    return new KernelConfig(debugList, kasan, kasanSites, kmemleak, lockStat, lockdepSites, walkLimit, pointerHashKey, n);
  }

  public KernelConfig withWalkLimit(long steps) {
    return new KernelConfig(debugList, kasan, kasanSites, kmemleak, lockStat, lockdepSites, steps, pointerHashKey, cpus);
  }
}
