package dev.irqlab.kernel;

import java.util.Locale;

/**
 * {@code struct xa_node}: one node of an {@link XArray}, 64 slots that decode six bits of the
 * index, the bits at {@link #shift} and up. A slot holds nothing, an entry (only in a node of shift
 * 0) or a child node one level down.
 *
 * <p>Kernel-internal: the array reaches the fields directly, without {@link #touch()}. The static
 * helpers are the read-only walks of lib/xarray.c, which need no state of the array but its head.
 */
final class XaNode extends KObject {
  /** {@code sizeof(struct xa_node)} on x86_64: 24 bytes of header, 64 slots, 3 mark words. */
  static final int SIZE = 576;
  static final int SHIFT = XArray.XA_CHUNK_SHIFT;
  static final int SLOTS = XArray.XA_CHUNK_SIZE;
  static final int MASK = SLOTS - 1;

  /** The slots; {@code count} of them are not null. */
  final Object[] slots = new Object[SLOTS];
  /** Bits of the index below this node's slot number: 0 for a leaf, up to 60 for the root. */
  int shift;
  /** This node's slot number in its parent. */
  int offset;
  /** Slots in use (entries, reservations and child nodes). */
  int count;
  /** The node one level up, or null for the root. */
  XaNode parent;

  XaNode(Kernel kernel) {
    super(kernel, "struct xa_node", SIZE);
  }

  /** {@code get_offset()}: the slot of {@code index} in a node of {@code shift}. */
  static int offset(long index, int shift) {
    return (int) (index >>> shift) & MASK;
  }

  /** True when {@code index} is above the largest index a node of {@code shift} covers. */
  static boolean beyond(long index, int shift) {
    // Two shifts: one shift by 66 would be a shift by 2 in Java.
    return (index >>> shift) >>> SHIFT != 0;
  }

  /** The smallest root shift that covers {@code index}: 0 below 64, 60 with the top bits set. */
  static int topShift(long index) {
    int bits = Long.SIZE - Long.numberOfLeadingZeros(index);
    return bits <= SHIFT ? 0 : (bits - 1) / SHIFT * SHIFT;
  }

  /** {@code index} moved to slot {@code off} of a node of {@code shift}, lower bits cleared. */
  static long atSlot(long index, int shift, int off) {
    long below = (((long) XArray.XA_CHUNK_SIZE) << shift) - 1; // all ones for shift 60, as in C
    return (index & ~below) | ((long) off << shift);
  }

  /**
   * {@code xas_load()} from {@code head}: the raw entry at {@code index}, or null. Each node it
   * reads counts as {@link Work#XA_NODE} of {@code walker} (if not null).
   */
  static Object load(Object head, long index, Task walker) {
    Object entry = head;
    if (!(entry instanceof XaNode)) {
      return index == 0 ? entry : null;
    }
    XaNode node = (XaNode) entry;
    if (beyond(index, node.shift)) {
      return null;
    }
    while (true) {
      if (walker != null) {
        walker.count(Work.XA_NODE, 1);
      }
      entry = node.slots[offset(index, node.shift)];
      if (!(entry instanceof XaNode)) {
        return entry;
      }
      node = (XaNode) entry;
    }
  }

  /**
   * The leaf (shift 0) node whose slot holds {@code index}, or null when the path is missing. Each
   * node above the leaf it reads counts as {@link Work#XA_NODE} of {@code walker} (if not null).
   */
  static XaNode leaf(Object head, long index, Task walker) {
    XaNode lowest = lowest(head, index, walker);
    return lowest != null && lowest.shift == 0 ? lowest : null;
  }

  /**
   * Where {@code xas_load()} stops on the way to {@code index}: the lowest node of its path, a leaf
   * when the path is complete, or null when the head is no node or does not cover {@code index}.
   * Each node above a leaf it reads counts as {@link Work#XA_NODE} of {@code walker} (if not null).
   */
  static XaNode lowest(Object head, long index, Task walker) {
    if (!(head instanceof XaNode)) {
      return null;
    }
    XaNode node = (XaNode) head;
    if (beyond(index, node.shift)) {
      return null;
    }
    while (node.shift > 0) {
      if (walker != null) {
        walker.count(Work.XA_NODE, 1);
      }
      Object next = node.slots[offset(index, node.shift)];
      if (!(next instanceof XaNode)) {
        return node;
      }
      node = (XaNode) next;
    }
    return node;
  }

  /**
   * How many nodes {@code xas_expand()} and {@code xas_create()} allocate to give {@code index} a
   * slot in a leaf (when the head does not hold it).
   */
  static int needed(Object head, long index) {
    int top = topShift(index);
    if (head == null) {
      return top / SHIFT + 1;
    }
    if (!(head instanceof XaNode)) {
      return (top / SHIFT + 1) + top / SHIFT; // grow over the entry at 0, then down to index
    }
    XaNode node = (XaNode) head;
    if (top > node.shift) {
      return (top - node.shift) / SHIFT + top / SHIFT;
    }
    while (node.shift > 0) {
      Object next = node.slots[offset(index, node.shift)];
      if (next == null) {
        return node.shift / SHIFT;
      }
      node = (XaNode) next;
    }
    return 0;
  }

  /** {@code xa_node: shift 6 count 2 at ffff888100000040}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "xa_node: shift %d offset %d count %d at %016x", shift, offset, count, address());
  }
}
