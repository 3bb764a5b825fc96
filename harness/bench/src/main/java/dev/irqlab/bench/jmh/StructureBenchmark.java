package dev.irqlab.bench.jmh;

import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelConfig;
import dev.irqlab.kernel.ListHead;
import dev.irqlab.kernel.XArray;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The emulated kernel's registries against Java's: with {@code size} entries keyed by kernel-like
 * addresses, inserting and removing one more entry, and looking one up, in the emulated {@link
 * XArray} and {@link ListHead} (a lookup walks the whole list, as a list-era registration does)
 * and in {@code java.util.HashMap} and {@code TreeMap}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class StructureBenchmark {
  private static final long BASE = 0xffff888100000000L;

  @Param({"1000", "174000"})
  public int size;

  private XArray<Object> xarray;
  private ListHead<Entry> list;
  private ListHead<Entry> extraNode;
  private final Map<Long, Object> hashMap = new HashMap<>();
  private final Map<Long, Object> treeMap = new TreeMap<>();
  private long extra;
  private long last;

  /** A list entry with its key, as {@code struct irq_bypass_consumer} holds its token. */
  public static final class Entry {
    final long token;

    Entry(long token) {
      this.token = token;
    }
  }

  @Setup
  public void setUp() {
    Kernel kernel = new Kernel(KernelConfig.benchmark());
    xarray = new XArray<>(kernel, "xarray");
    list = ListHead.head(kernel, "list");
    for (int i = 0; i < size; i++) {
      long key = BASE + 64L * i;
      xarray.store(key, this, Gfp.KERNEL);
      ListHead.listAdd(ListHead.node(kernel, new Entry(key)), list);
      hashMap.put(key, this);
      treeMap.put(key, this);
    }
    last = BASE;
    extra = BASE + 64L * size;
    extraNode = ListHead.node(kernel, new Entry(extra));
  }

  @Benchmark
  public Object xarrayInsertErase() {
    xarray.insert(extra, this, Gfp.KERNEL);
    return xarray.erase(extra);
  }

  @Benchmark
  public Object hashMapPutRemove() {
    hashMap.put(extra, this);
    return hashMap.remove(extra);
  }

  @Benchmark
  public Object treeMapPutRemove() {
    treeMap.put(extra, this);
    return treeMap.remove(extra);
  }

  @Benchmark
  public ListHead<Entry> listHeadAddDel() {
    ListHead.listAdd(extraNode, list);
    ListHead.listDel(extraNode);
    return extraNode;
  }

  @Benchmark
  public Object xarrayLoad() {
    return xarray.load(last);
  }

  @Benchmark
  public Object hashMapGet() {
    return hashMap.get(last);
  }

  @Benchmark
  public Object treeMapGet() {
    return treeMap.get(last);
  }

  /** {@code list_for_each_entry} until the oldest entry, at the tail: a walk of every node. */
  @Benchmark
  public Entry listHeadFind() {
    for (Entry e : list.entries()) {
      if (e.token == last) {
        return e;
      }
    }
    return null;
  }
}
