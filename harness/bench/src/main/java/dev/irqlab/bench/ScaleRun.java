package dev.irqlab.bench;

import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelConfig;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import dev.irqlab.spi.LoadedRevision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One revision under a {@link ScalePlan}, on one task: the manager is filled to each size in
 * turn, and at each size batches of fresh consumers are registered and unregistered again, each
 * batch timed as a whole. A batch holds up to 64 consumers (fewer below 1000 objects, so the
 * size barely moves); the cost of a size is the median over the batches.
 *
 * <p>The manager is called directly, on a {@link KernelConfig#benchmark() benchmark kernel}:
 * the cost is the revision's own, with the emulated kernel's checks, without the drivers.
 * {@value #HASH_MAP} runs the same steps on a {@code HashMap<Long, Object>} keyed like an
 * xarray, as the yardstick of what an insert can cost in Java.
 */
public final class ScaleRun {
  /** The name of the reference run. */
  public static final String HASH_MAP = "HashMap";

  private static final long MIN_BATCHES = 15;
  private static final long MAX_BATCHES = 2_000;
  private static final long NANOS_PER_SIZE = 150_000_000L;
  private static final long WARM_UP_NANOS = 2_000_000_000L;

  private final ScalePlan plan;
  private final long warmUpNanos;
  private final long nanosPerSize;

  public ScaleRun(ScalePlan plan) {
    this(plan, WARM_UP_NANOS, NANOS_PER_SIZE);
  }

  /**
   * A run that warms up for {@code warmUpNanos} and times each size for at least {@code
   * nanosPerSize} (and {@value #MIN_BATCHES} batches): a test of the report's shape, not of its
   * figures, takes 0 and 0.
   */
  ScaleRun(ScalePlan plan, long warmUpNanos, long nanosPerSize) {
    this.plan = plan;
    this.warmUpNanos = warmUpNanos;
    this.nanosPerSize = nanosPerSize;
  }

  /** The registry one run fills and measures. */
  private interface Subject {
    /** Registers the {@code i}th filler object (unpaired, with its own key). */
    void fill(long i);

    /** Makes {@code n} objects for a batch (not timed). */
    void prepare(int n);

    /** Registers the batch object {@code j}. */
    void register(int j);

    /** Unregisters the batch object {@code j}. */
    void unregister(int j);

    /** List nodes visited so far. */
    long listVisits();
  }

  /** Measures {@code revision}. */
  public ScaleResult run(LoadedRevision revision) {
    warmUp(new RevisionSubject(revision));
    return measure(revision.id(), new RevisionSubject(revision));
  }

  /** Measures the {@code HashMap} yardstick. */
  public ScaleResult runHashMap() {
    warmUp(new HashMapSubject());
    return measure(HASH_MAP, new HashMapSubject());
  }

  /**
   * Compiles the hot paths before anything is timed, on a subject thrown away afterwards: the
   * measuring loop itself at the smallest sizes, then registrations with 200 objects registered,
   * for {@value #WARM_UP_NANOS} ns in all.
   */
  private void warmUp(Subject s) {
    long end = System.nanoTime() + warmUpNanos;
    long filled = 0;
    for (long size : new long[] {10, 32, 100, 200}) {
      for (; filled < size; filled++) {
        s.fill(filled);
      }
      point(s, size);
    }
    s.prepare(64);
    while (System.nanoTime() < end) {
      for (int j = 0; j < 64; j++) {
        s.register(j);
      }
      for (int j = 0; j < 64; j++) {
        s.unregister(j);
      }
    }
  }

  private ScaleResult measure(String name, Subject s) {
    long start = System.nanoTime();
    long budget = (long) (plan.budgetSeconds() * 1e9);
    List<ScaleResult.Point> points = new ArrayList<>();
    long filled = 0;
    String stopped = null;
    for (long size : plan.sizes()) {
      if (!points.isEmpty()) {
        ScaleResult.Point last = points.get(points.size() - 1);
        double fillNs = last.registerNs() * (size - filled) * ((double) (size + filled) / 2 / filled);
        if (System.nanoTime() - start + fillNs > budget) {
          stopped = String.format(Locale.ROOT, "filling to %d objects would take about %s, past the budget of %s",
              size, Durations.format(fillNs), Durations.format(budget));
          break;
        }
      }
      for (; filled < size; filled++) {
        s.fill(filled);
      }
      points.add(point(s, size));
    }
    return new ScaleResult(name, points, stopped);
  }

  private ScaleResult.Point point(Subject s, long size) {
    int batch = (int) Math.max(1, Math.min(64, size / 16));
    s.prepare(batch);
    List<Double> register = new ArrayList<>();
    List<Double> unregister = new ArrayList<>();
    long visits = 0;
    long began = System.nanoTime();
    while (register.size() < MAX_BATCHES && (register.size() < MIN_BATCHES || System.nanoTime() - began < nanosPerSize)) {
      long v0 = s.listVisits();
      long t0 = System.nanoTime();
      for (int j = 0; j < batch; j++) {
        s.register(j);
      }
      long t1 = System.nanoTime();
      visits += s.listVisits() - v0;
      for (int j = 0; j < batch; j++) {
        s.unregister(j);
      }
      long t2 = System.nanoTime();
      register.add((double) (t1 - t0) / batch);
      unregister.add((double) (t2 - t1) / batch);
    }
    return new ScaleResult.Point(size, median(register), median(unregister), (double) visits / (register.size() * (long) batch));
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** A revision loaded on its own benchmark kernel. */
  private static final class RevisionSubject implements Subject {
    private final Kernel kernel = new Kernel(KernelConfig.benchmark());
    private final IrqBypass manager;
    private final List<IrqBypassConsumer> batch = new ArrayList<>();
    private final List<EventfdCtx> keys = new ArrayList<>();

    RevisionSubject(LoadedRevision revision) {
      this.manager = revision.revision().load(kernel);
    }

    @Override
    public void fill(long i) {
      EventfdCtx key = EventfdCtx.create(kernel);
      int ret = i % 2 == 0 ? manager.registerProducer(producer(), key, 1000 + (int) i) : manager.registerConsumer(consumer(), key);
      if (ret != 0) {
        throw new IllegalStateException("filler registration " + i + " returned " + ret);
      }
    }

    private IrqBypassProducer producer() {
      return IrqBypassProducer.alloc(kernel);
    }

    private IrqBypassConsumer consumer() {
      IrqBypassConsumer c = IrqBypassConsumer.alloc(kernel);
      c.setAddProducer((self, p) -> 0);
      c.setDelProducer((self, p) -> {});
      return c;
    }

    @Override
    public void prepare(int n) {
      batch.clear();
      keys.clear();
      for (int j = 0; j < n; j++) {
        batch.add(consumer());
        keys.add(EventfdCtx.create(kernel));
      }
    }

    @Override
    public void register(int j) {
      int ret = manager.registerConsumer(batch.get(j), keys.get(j));
      if (ret != 0) {
        throw new IllegalStateException("registration returned " + ret);
      }
    }

    @Override
    public void unregister(int j) {
      manager.unregisterConsumer(batch.get(j));
    }

    @Override
    public long listVisits() {
      return kernel.listNodesVisited();
    }
  }

  /** The yardstick: {@code put} and {@code remove} on a {@code HashMap} keyed by kernel-like addresses. */
  private static final class HashMapSubject implements Subject {
    private static final long BASE = 0xffff888100000000L;
    private final Map<Long, Object> map = new HashMap<>();
    private long next = BASE;
    private long[] batch = new long[0];

    @Override
    public void fill(long i) {
      map.put(next += 64, this);
    }

    @Override
    public void prepare(int n) {
      batch = new long[n];
      for (int j = 0; j < n; j++) {
        batch[j] = next += 64;
      }
    }

    @Override
    public void register(int j) {
      map.put(batch[j], this);
    }

    @Override
    public void unregister(int j) {
      map.remove(batch[j]);
    }

    @Override
    public long listVisits() {
      return 0;
    }
  }
}
