package dev.irqlab.kernel;

import java.util.Arrays;

/**
 * The {@code next} and {@code prev} pointers of every {@link ListHead} of one kernel, stored by
 * the list_head's number in chunks of plain arrays rather than in the Java objects.
 *
 * <p>A list walk follows one pointer per node, and each load depends on the one before it. With
 * the pointers in the objects, every step waits for a cache miss on an object somewhere in the
 * heap; here the pointers of list_heads made one after the other sit next to each other, so a
 * walk over a list built in order reads a few arrays from front to back, and the loads of the
 * entries it visits can overlap. This is what keeps a walk over 10^5 nodes, the point of the
 * list-era benchmarks, cheap enough to run, while every load and store still goes through {@link
 * ListHead}'s checks.
 *
 * <p>Numbers 0, 1 and 2 are NULL, {@code LIST_POISON1} and {@code LIST_POISON2}; numbers are never
 * reused. Links are read and written without locks, as in C: the caller holds the lock of the list.
 * Numbering is synchronized, and a chunk is in place before its first number is handed out.
 */
final class ListLinks {
  static final int NULL = 0;
  static final int POISON1 = 1;
  static final int POISON2 = 2;
  static final int SHIFT = 10;
  static final int SIZE = 1 << SHIFT;
  static final int MASK = SIZE - 1;

  /**
   * The chunks, by number / {@value #SIZE}. Plain, not volatile: a number reaches another task
   * only through the lock that publishes its list_head, which publishes the array too. A task
   * whose copy is too short for a number reads the field again under the lock.
   */
  private Chunk[] chunks = new Chunk[8];
  private int nextNumber = POISON2 + 1;

  /** The links, entries and objects of {@value #SIZE} consecutive numbers. */
  static final class Chunk {
    final int[] next = new int[SIZE];
    final int[] prev = new int[SIZE];
    final Object[] entry = new Object[SIZE];
    final ListHead<?>[] handle = new ListHead<?>[SIZE];
  }

  /** Numbers a new list_head, with both pointers NULL. */
  synchronized int add(ListHead<?> handle, Object entry) {
    if (nextNumber == Integer.MAX_VALUE) {
      throw new IllegalStateException("this kernel has made 2^31 list_heads");
    }
    int number = nextNumber++;
    int c = number >>> SHIFT;
    Chunk[] all = chunks;
    if (c >= all.length) {
      all = Arrays.copyOf(all, all.length * 2);
    }
    if (all[c] == null) {
      all[c] = new Chunk();
    }
    all[c].handle[number & MASK] = handle;
    all[c].entry[number & MASK] = entry;
    chunks = all;
    return number;
  }

  Chunk chunk(int number) {
    Chunk[] all = chunks;
    int c = number >>> SHIFT;
    return c < all.length && all[c] != null ? all[c] : chunkLocked(c);
  }

  private synchronized Chunk chunkLocked(int c) {
    return chunks[c];
  }

  int next(int number) {
    return chunk(number).next[number & MASK];
  }

  int prev(int number) {
    return chunk(number).prev[number & MASK];
  }

  void setNext(int number, int value) {
    chunk(number).next[number & MASK] = value;
  }

  void setPrev(int number, int value) {
    chunk(number).prev[number & MASK] = value;
  }

  /** The entry that embeds the list_head, or null for a head. */
  Object entry(int number) {
    return chunk(number).entry[number & MASK];
  }

  /** The list_head object of a number above {@link #POISON2}. */
  ListHead<?> handle(int number) {
    return chunk(number).handle[number & MASK];
  }
}
