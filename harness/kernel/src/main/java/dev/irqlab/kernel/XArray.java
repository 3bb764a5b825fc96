package dev.irqlab.kernel;

import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * {@code struct xarray}: the kernel's radix tree of pointers indexed by an {@code unsigned long},
 * built as lib/xarray.c builds it.
 *
 * <p>An index is a Java {@code long} read as unsigned: fake kernel addresses such as {@code
 * 0xffff888100000040L} are fine keys, and the tree is then 11 levels of 64-slot nodes deep, as in
 * the kernel. An entry alone at index 0 lives in the head, with no node. Nodes ({@code struct
 * xa_node}, 576 bytes) come from {@link Memory#kzalloc} ({@code "kmalloc:xa_node"} is their fault
 * point) and go back with {@link Memory#kfree} as soon as they empty; erasing shrinks the tree as
 * {@code xas_shrink()} does, so an array whose entries are all erased holds no node.
 *
 * <p>When an allocation fails the operation changes nothing: the nodes it needs are allocated
 * before any is linked in. (The kernel links them in one by one, and {@code xas_nomem()} retries a
 * failed {@code GFP_NOWAIT} allocation with the caller's flags; here each node is one allocation
 * with the caller's flags, tried once.) Every operation holds the array's monitor, as writers hold
 * {@code xa_lock}.
 *
 * @param <T> what the entries point to
 */
public final class XArray<T> {
  /** {@code XA_CHUNK_SHIFT}: a node decodes six bits of the index. */
  public static final int XA_CHUNK_SHIFT = 6;
  /** {@code XA_CHUNK_SIZE}: slots in a node. */
  public static final int XA_CHUNK_SIZE = 1 << XA_CHUNK_SHIFT;

  private static final XaError ENOMEM_ENTRY = new XaError(-Errno.ENOMEM);
  private static final XaError EINVAL_ENTRY = new XaError(-Errno.EINVAL);

  /** {@code xa_mk_err()}: an error entry, which {@link #store} returns instead of an old entry. */
  private record XaError(int errno) {
    @Override
    public String toString() {
      return "xa_err(" + Errno.name(errno) + ")";
    }
  }

  private final Kernel kernel;
  private final String name;
  private final XaTree tree;

  /** {@code DEFINE_XARRAY(name)}: an empty array. */
  public XArray(Kernel kernel, String name) {
    this.kernel = kernel;
    this.name = name;
    this.tree = new XaTree(kernel);
  }

  /** The name it was defined with. */
  public String name() {
    return name;
  }

  /** {@code xa_err()}: the negative errno an error entry carries, 0 for anything else. */
  public static int xaErr(Object entry) {
    return entry instanceof XaError e ? e.errno() : 0;
  }

  /** {@code xa_is_err()}: true when {@code entry} is an error entry. */
  public static boolean xaIsErr(Object entry) {
    return entry instanceof XaError;
  }

  /** {@code xa_load()}: the entry at {@code index}, or null (also for a reserved index). */
  @SuppressWarnings("unchecked")
  public synchronized T load(long index) {
    Object entry = tree.load(index);
    return entry == XaTree.Internal.XA_ZERO_ENTRY ? null : (T) entry;
  }

  /**
   * {@code xa_store()}: stores {@code entry} at {@code index}; storing null erases.
   *
   * <p>The return is an {@code Object} because it is either the old entry (null for none or for a
   * reservation) or an error entry, to be tested with {@link #xaIsErr} and {@link #xaErr}: {@code
   * -ENOMEM} when a node cannot be allocated (the array is then unchanged), {@code -EINVAL} (and a
   * warning) for an internal entry such as an error entry.
   */
  public synchronized Object store(long index, T entry, Gfp gfp) {
    if (entry == null) {
      return zeroToNull(tree.erase(index));
    }
    if (kernel.warnOnOnce(isInternal(entry))) {
      return EINVAL_ENTRY;
    }
    Object old = tree.store(index, entry, gfp);
    return old == XaTree.Internal.NOMEM ? ENOMEM_ENTRY : zeroToNull(old);
  }

  /**
   * {@code xa_insert()}: stores {@code entry} at {@code index} if nothing is there. Inserting null
   * reserves the index: it loads as null, but a later insert finds it busy.
   *
   * @return 0; {@code -EBUSY} when the index holds an entry or a reservation; {@code -ENOMEM} when
   *     a node cannot be allocated (the array is then unchanged); {@code -EINVAL} (and a warning)
   *     for an internal entry
   */
  public synchronized int insert(long index, T entry, Gfp gfp) {
    if (kernel.warnOnOnce(isInternal(entry))) {
      return -Errno.EINVAL;
    }
    Object stored = entry == null ? XaTree.Internal.XA_ZERO_ENTRY : entry;
    Object old = tree.insert(index, stored, gfp);
    return old == XaTree.Internal.NOMEM ? -Errno.ENOMEM : old != null ? -Errno.EBUSY : 0;
  }

  /** {@code xa_erase()}: removes what is at {@code index}; returns the old entry or null. */
  @SuppressWarnings("unchecked")
  public synchronized T erase(long index) {
    return (T) zeroToNull(tree.erase(index));
  }

  /** {@code xa_destroy()}: frees every node; the array is empty afterwards. */
  public synchronized void destroy() {
    tree.destroy();
  }

  /** {@code xa_empty()}: true when nothing is stored, not even a reservation. */
  public synchronized boolean isEmpty() {
    return tree.head() == null;
  }

  /** Entries stored, reservations not counted (the kernel keeps no such count). */
  public synchronized long size() {
    return tree.entries();
  }

  /** Nodes allocated now, for tests and benchmarks. */
  public synchronized int nodeCount() {
    return tree.nodes();
  }

  /** Levels of nodes: 0 with no node, 11 once an index has its top bits set. */
  public synchronized int height() {
    return tree.height();
  }

  /**
   * {@code xa_for_each()}: calls {@code action} for each entry in unsigned index order, skipping
   * reservations. As in the kernel, each step finds the next entry afresh under the lock and the
   * action runs without it, so the action may store and erase.
   */
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<Long, ? super T> action) {
    long index = 0;
    while (true) {
      long found;
      Object entry;
      synchronized (this) {
        if (!tree.find(index)) {
          return;
        }
        found = tree.foundIndex;
        entry = tree.foundEntry;
        tree.foundEntry = null;
      }
      action.accept(found, (T) entry);
      if (found == -1L) {
        return;
      }
      index = found + 1;
    }
  }

  /** {@code xarray producers: 2 entries, 20 nodes, height 11 {ffff888100000040=a, ...}}. */
  @Override
  public synchronized String toString() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "xarray %s: %d entries, %d nodes, height %d {", name, tree.entries(), tree.nodes(), tree.height()));
    long index = 0;
    for (int shown = 0; tree.find(index); shown++) {
      if (shown == 8) {
        out.append(", ...");
        break;
      }
      out.append(shown == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%x=%s", tree.foundIndex, tree.foundEntry));
      if (tree.foundIndex == -1L) {
        break;
      }
      index = tree.foundIndex + 1;
    }
    tree.foundEntry = null;
    return out.append('}').toString();
  }

  /** For tests: the raw head (null, an entry, {@code XA_ZERO_ENTRY} or the root node). */
  synchronized Object head() {
    return tree.head();
  }

  private static boolean isInternal(Object entry) {
    return entry instanceof XaNode || entry instanceof XaError || entry instanceof XaTree.Internal;
  }

  private static Object zeroToNull(Object entry) {
    return entry == XaTree.Internal.XA_ZERO_ENTRY ? null : entry;
  }
}
