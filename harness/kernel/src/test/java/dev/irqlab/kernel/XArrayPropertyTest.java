package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random operation sequences against a {@link TreeMap} in unsigned order, with and without
 * allocation failures. A failing seed reproduces with the same number.
 */
class XArrayPropertyTest {
  private static final long CLUSTER = 0xffff888100000000L;
  /** What the model holds for a reserved index. */
  private static final Object RESERVED = new Object();
  private static final int OPS = 3000;

  private final Kernel kernel = new Kernel(KernelConfig.defaults().withKmemleak(false));
  private final XArray<Object> xa = new XArray<>(kernel, "prop");
  private final TreeMap<Long, Object> model = new TreeMap<>(Long::compareUnsigned);
  private final List<Long> used = new ArrayList<>();

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2015, 0x5eed1e55L})
  void behavesLikeASortedMap(long seed) {
    Random r = new Random(seed);
    for (int op = 0; op < OPS; op++) {
      step(r, op, false);
      if (op % 500 == 499) {
        checkStructure();
      }
    }
    checkAgainstModel(r);
    eraseEverything(r);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 99, 12345, 0xfa11L})
  void failedAllocationsChangeNothing(long seed) {
    Random r = new Random(seed);
    int failures = 0;
    for (int op = 0; op < OPS; op++) {
      if (r.nextInt(6) == 0) {
        kernel.faults().failNthAllocation(1 + r.nextInt(4));
      }
      if (step(r, op, true)) {
        failures++;
        checkStructure();
        if (failures % 10 == 0) {
          checkAgainstModel(r);
        }
      }
    }
    kernel.faults().clear(FaultInjection.KMALLOC);
    assertTrue(failures > 20, "only " + failures + " allocation failures");
    checkAgainstModel(r);
    eraseEverything(r);
  }

  /** One random operation, checked against the model; true when it failed with -ENOMEM. */
  private boolean step(Random r, int op, boolean mayFail) {
    long key = key(r);
    Object value = "v" + op;
    Object old = model.get(key);
    Object expectedOld = old == RESERVED ? null : old;
    int dice = r.nextInt(100);
    if (dice < 40) {
      boolean reserve = dice < 5;
      int ret = xa.insert(key, reserve ? null : value, Gfp.KERNEL);
      if (mayFail && ret == -Errno.ENOMEM) {
        return failed(key, old);
      }
      assertEquals(old != null ? -Errno.EBUSY : 0, ret, () -> what("insert", key));
      model.putIfAbsent(key, reserve ? RESERVED : value);
    } else if (dice < 70) {
      boolean erase = dice < 35;
      Object ret = xa.store(key, erase ? null : value, Gfp.KERNEL);
      if (mayFail && XArray.xaErr(ret) == -Errno.ENOMEM) {
        return failed(key, old);
      }
      assertEquals(expectedOld, ret, () -> what("store", key));
      apply(key, erase ? null : value);
    } else if (dice < 90) {
      assertEquals(expectedOld, xa.erase(key), () -> what("erase", key));
      model.remove(key);
    } else {
      assertEquals(expectedOld, xa.load(key), () -> what("load", key));
    }
    return false;
  }

  private void apply(long key, Object value) {
    if (value == null) {
      model.remove(key);
    } else {
      model.put(key, value);
    }
  }

  private boolean failed(long key, Object old) {
    assertNull(old, () -> what("an allocation for the occupied index", key));
    assertNull(xa.load(key));
    return true;
  }

  /** Clustered addresses, random longs, small ints, 0 and -1, and keys seen before. */
  private long key(Random r) {
    long key =
        switch (r.nextInt(6)) {
          case 0 -> CLUSTER + r.nextInt(2048) * 64L;
          case 1 -> r.nextLong();
          case 2 -> r.nextInt(300);
          case 3 -> r.nextBoolean() ? 0 : -1L;
          default -> used.isEmpty() ? r.nextLong() : used.get(r.nextInt(used.size()));
        };
    used.add(key);
    return key;
  }

  private void checkAgainstModel(Random r) {
    for (Map.Entry<Long, Object> e : model.entrySet()) {
      Object expected = e.getValue() == RESERVED ? null : e.getValue();
      assertEquals(expected, xa.load(e.getKey()), () -> what("load", e.getKey()));
    }
    for (int i = 0; i < 300; i++) {
      long absent = i % 2 == 0 ? r.nextLong() : CLUSTER + r.nextInt(4096) * 64L + r.nextInt(64);
      if (!model.containsKey(absent)) {
        assertNull(xa.load(absent), () -> what("load of an absent", absent));
      }
    }
    List<Long> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    xa.forEach((k, v) -> {
      assertTrue(keys.size() < model.size(), "forEach visits more entries than there are");
      keys.add(k);
      values.add(v);
    });
    List<Long> expectedKeys = new ArrayList<>();
    List<Object> expectedValues = new ArrayList<>();
    model.forEach((k, v) -> {
      if (v != RESERVED) {
        expectedKeys.add(k);
        expectedValues.add(v);
      }
    });
    assertEquals(expectedKeys, keys);
    assertEquals(expectedValues, values);
    assertEquals(expectedKeys.size(), xa.size());
    assertEquals(model.isEmpty(), xa.isEmpty());
    checkStructure();
  }

  /** Erases in random order, or from the largest index down so that the tree must shrink. */
  private void eraseEverything(Random r) {
    List<Long> keys = new ArrayList<>(model.descendingKeySet());
    if (r.nextBoolean()) {
      Collections.shuffle(keys, r);
    }
    for (int i = 0; i < keys.size(); i++) {
      long key = keys.get(i);
      Object old = model.remove(key);
      assertEquals(old == RESERVED ? null : old, xa.erase(key), () -> what("erase", key));
      if (i % 16 == 0) {
        checkStructure();
      }
    }
    checkStructure();
    assertTrue(xa.isEmpty());
    assertEquals(0, xa.nodeCount());
    assertEquals(0, xa.size());
    assertFalse(kernel.memory().live().stream().anyMatch(o -> o instanceof XaNode));
  }

  /**
   * Counts, parent links and shifts are consistent, the nodes reached are the live ones, and the
   * tree is as high as its largest index needs (it grows only so far and shrinks on erase).
   */
  private void checkStructure() {
    if (!model.isEmpty()) {
      long max = model.lastKey();
      int minimal = XaNode.topShift(max) / XArray.XA_CHUNK_SHIFT + 1;
      assertEquals(max == 0 ? Math.min(minimal, xa.height()) : minimal, xa.height(), "height");
    }
    Object head = xa.head();
    int reached = 0;
    if (head instanceof XaNode root) {
      assertNull(root.parent);
      assertFalse(root.count == 1 && root.slots[0] instanceof XaNode, "a root with one child at slot 0");
      reached = checkNode(root);
    }
    assertEquals(reached, xa.nodeCount());
    long live = kernel.memory().live().stream().filter(o -> o instanceof XaNode).count();
    assertEquals(reached, live, "nodes allocated but not in the tree");
  }

  private int checkNode(XaNode node) {
    assertFalse(node.isFreed());
    assertTrue(node.count > 0, "an empty node stays in the tree");
    int used = 0;
    int nodes = 1;
    for (int i = 0; i < XArray.XA_CHUNK_SIZE; i++) {
      Object slot = node.slots[i];
      used += slot == null ? 0 : 1;
      if (slot instanceof XaNode child) {
        assertSame(node, child.parent);
        assertEquals(i, child.offset);
        assertEquals(node.shift - XArray.XA_CHUNK_SHIFT, child.shift);
        nodes += checkNode(child);
      } else if (slot != null) {
        assertEquals(0, node.shift, "an entry above the leaves");
      }
    }
    assertEquals(used, node.count);
    return nodes;
  }

  private String what(String op, long key) {
    return String.format(Locale.ROOT, "%s at %016x, model holds %s", op, key, model.get(key));
  }
}
