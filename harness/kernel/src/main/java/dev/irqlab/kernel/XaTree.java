package dev.irqlab.kernel;

import java.util.function.Supplier;

/**
 * The tree behind an {@link XArray}: the head, the nodes, and the {@code xas_*()} operations of
 * lib/xarray.c that change them. Not thread-safe: the array calls it under its lock.
 *
 * <p>Entries are raw here: {@link Internal#XA_ZERO_ENTRY} marks a reserved index, and {@link
 * #store} answers {@link Internal#NOMEM} when it could not allocate the nodes it needed.
 */
final class XaTree {
  /** Internal entries: never stored by a user, never returned to one. */
  enum Internal {
    /** {@code XA_ZERO_ENTRY}: what a reserved index holds; it loads as null. */
    XA_ZERO_ENTRY,
    /** Not an entry: the answer of {@link #store} when a node allocation failed. */
    NOMEM
  }

  /** The most nodes one store allocates: 11 to grow over an entry at index 0, then 10 down. */
  private static final int MAX_NEW_NODES = 21;

  private final Kernel kernel;
  private final Supplier<XaNode> newNode;
  private final XaNode[] spare = new XaNode[MAX_NEW_NODES];
  private int spareCount;
  /** {@code xa_head}: null, the entry at index 0, or the root node. */
  private Object head;
  private int nodes;
  private long entries;
  /** What {@link #find} found. */
  long foundIndex;
  Object foundEntry;

  XaTree(Kernel kernel) {
    this.kernel = kernel;
    this.newNode = () -> new XaNode(kernel);
  }

  Object head() {
    return head;
  }

  int nodes() {
    return nodes;
  }

  /** Entries stored, reservations not counted. */
  long entries() {
    return entries;
  }

  int height() {
    return head instanceof XaNode root ? root.shift / XaNode.SHIFT + 1 : 0;
  }

  static boolean isReal(Object entry) {
    return entry != null && entry != Internal.XA_ZERO_ENTRY;
  }

  /** {@code xas_load()}: the raw entry at {@code index}. */
  Object load(long index) {
    return XaNode.load(head, index, kernel.current());
  }

  /** {@code xas_store()} of a non-null entry: the old raw entry, or {@link Internal#NOMEM}. */
  Object store(long index, Object entry, Gfp gfp) {
    Object h = head;
    if (index == 0 && !(h instanceof XaNode) && (h != null || entry != Internal.XA_ZERO_ENTRY)) {
      head = entry; // a reservation alone at 0 gets a node: allow_root is false for it
      account(h, entry);
      return h;
    }
    return storeAt(XaNode.lowest(h, index, kernel.current()), index, entry, gfp);
  }

  /**
   * {@code xa_insert()}'s store: as {@link #store}, but an index that holds an entry or a
   * reservation keeps it, and that raw entry is returned; null when {@code entry} was stored. The
   * walk that finds the index busy is the walk the store goes on from, as in the kernel.
   */
  Object insert(long index, Object entry, Gfp gfp) {
    Object h = head;
    if (!(h instanceof XaNode)) {
      return index == 0 && h != null ? h : store(index, entry, gfp);
    }
    XaNode lowest = XaNode.lowest(h, index, kernel.current());
    Object old = lowest != null && lowest.shift == 0 ? lowest.slots[XaNode.offset(index, 0)] : null;
    return old != null ? old : storeAt(lowest, index, entry, gfp);
  }

  /** The store below the head: {@code lowest} is where the walk to {@code index} stopped. */
  private Object storeAt(XaNode lowest, long index, Object entry, Gfp gfp) {
    XaNode leaf = lowest;
    if ((leaf == null || leaf.shift > 0) && (leaf = create(index, gfp, leaf)) == null) {
      return Internal.NOMEM;
    }
    int off = XaNode.offset(index, 0);
    Object old = leaf.slots[off];
    leaf.slots[off] = entry;
    if (old == null) {
      leaf.count++;
    }
    account(old, entry);
    return old;
  }

  /** {@code xas_store(NULL)}: the old raw entry; frees the nodes that empty, then shrinks. */
  Object erase(long index) {
    Object h = head;
    if (!(h instanceof XaNode)) {
      if (index != 0 || h == null) {
        return null;
      }
      head = null;
      account(h, null);
      return h;
    }
    XaNode leaf = XaNode.leaf(h, index, kernel.current());
    int off = XaNode.offset(index, 0);
    Object old = leaf == null ? null : leaf.slots[off];
    if (old == null) {
      return null;
    }
    leaf.slots[off] = null;
    leaf.count--;
    account(old, null);
    deleteNode(leaf);
    return old;
  }

  /** {@code xa_destroy()}: frees every node. */
  void destroy() {
    if (head instanceof XaNode root) {
      freeTree(root);
    }
    head = null;
    entries = 0;
  }

  private void account(Object old, Object now) {
    entries += (isReal(now) ? 1 : 0) - (isReal(old) ? 1 : 0);
  }

  /**
   * {@code xas_expand()} then {@code xas_create()}: gives {@code index} a slot in a leaf and
   * returns the leaf, or null when an allocation failed (then nothing has changed). As in the
   * kernel, it goes on from where the walk of the store stopped: {@code lowest} is {@link
   * XaNode#lowest}, the node whose slot for {@code index} is empty, or null when the head is no
   * node or too small.
   */
  private XaNode create(long index, Gfp gfp, XaNode lowest) {
    if (!allocate(lowest == null ? XaNode.needed(head, index) : lowest.shift / XaNode.SHIFT, gfp)) {
      return null;
    }
    int top = XaNode.topShift(index);
    Object h = head;
    if (h == null) {
      h = take(top, null, 0);
    } else {
      for (int shift = h instanceof XaNode r ? r.shift + XaNode.SHIFT : 0; shift <= top; shift += XaNode.SHIFT) {
        XaNode node = take(shift, null, 0);
        node.slots[0] = h;
        node.count = 1;
        if (h instanceof XaNode child) {
          child.parent = node;
          child.offset = 0;
        }
        h = node;
      }
    }
    head = h;
    XaNode node = lowest == null ? (XaNode) h : lowest; // a lowest node is under a root that covers index
    Task walker = kernel.current();
    while (node.shift > 0) {
      walker.count(Work.XA_NODE, 1);
      int off = XaNode.offset(index, node.shift);
      if (node.slots[off] == null) {
        node.slots[off] = take(node.shift - XaNode.SHIFT, node, off);
        node.count++;
      }
      node = (XaNode) node.slots[off];
    }
    kernel.warnOnOnce(spareCount != 0);
    return node;
  }

  /** Allocates {@code n} nodes into {@link #spare}: all of them, or none. */
  private boolean allocate(int n, Gfp gfp) {
    for (int i = 0; i < n; i++) {
      XaNode node = kernel.memory().kzalloc("xa_node", gfp, newNode);
      if (node == null) {
        while (spareCount > 0) {
          free(spare[--spareCount]);
          spare[spareCount] = null;
        }
        return false;
      }
      nodes++;
      spare[spareCount++] = node;
    }
    return true;
  }

  private XaNode take(int shift, XaNode parent, int offset) {
    XaNode node = spare[--spareCount];
    spare[spareCount] = null;
    node.shift = shift;
    node.parent = parent;
    node.offset = offset;
    return node;
  }

  private void free(XaNode node) {
    kernel.memory().kfree(node);
    nodes--;
  }

  /** {@code xas_delete_node()}: frees {@code node} and its ancestors while they are empty. */
  private void deleteNode(XaNode node) {
    while (node.count == 0) {
      XaNode parent = node.parent;
      free(node);
      if (parent == null) {
        head = null;
        return;
      }
      parent.slots[node.offset] = null;
      parent.count--;
      node = parent;
    }
    if (node.parent == null) {
      shrink(node);
    }
  }

  /** {@code xas_shrink()}: drops each root that holds only its slot 0. */
  private void shrink(XaNode node) {
    while (node.count == 1 && node.slots[0] != null) {
      Object entry = node.slots[0];
      if (!(entry instanceof XaNode) && node.shift != 0) {
        return;
      }
      head = entry;
      node.slots[0] = null;
      node.count = 0;
      free(node);
      if (!(entry instanceof XaNode child)) {
        return;
      }
      child.parent = null;
      node = child;
    }
  }

  private void freeTree(XaNode node) {
    for (int i = 0; i < XaNode.SLOTS; i++) {
      if (node.slots[i] instanceof XaNode child) {
        freeTree(child);
      }
      node.slots[i] = null;
    }
    node.count = 0;
    free(node);
  }

  /**
   * {@code xas_find()}: the first entry at or above {@code start}, reservations skipped, into
   * {@link #foundIndex} and {@link #foundEntry}; false when there is none.
   */
  boolean find(long start) {
    Object h = head;
    if (!(h instanceof XaNode)) {
      return start == 0 && isReal(h) && found(0, h);
    }
    XaNode node = (XaNode) h;
    if (XaNode.beyond(start, node.shift)) {
      return false;
    }
    long index = start;
    int off = XaNode.offset(index, node.shift);
    Task walker = kernel.current();
    walker.count(Work.XA_NODE, 1);
    while (true) {
      if (off > XaNode.MASK) {
        if (node.parent == null) {
          return false;
        }
        off = node.offset + 1;
        node = node.parent;
      } else if (node.slots[off] instanceof XaNode child) {
        walker.count(Work.XA_NODE, 1);
        node = child;
        off = XaNode.offset(index, node.shift);
        continue;
      } else if (isReal(node.slots[off])) {
        return found(index, node.slots[off]);
      } else {
        off++;
      }
      if (off <= XaNode.MASK) {
        index = XaNode.atSlot(index, node.shift, off); // past 15 in a root of shift 60: no entries
      }
    }
  }

  private boolean found(long index, Object entry) {
    foundIndex = index;
    foundEntry = entry;
    return true;
  }
}
