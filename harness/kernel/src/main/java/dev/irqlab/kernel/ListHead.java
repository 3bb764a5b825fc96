package dev.irqlab.kernel;

import dev.irqlab.kernel.Watchdog.Walk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * {@code struct list_head}: the intrusive circular doubly linked list of include/linux/list.h,
 * with the checks of lib/list_debug.c. A {@link #head head} is {@code LIST_HEAD(name)}; a {@link
 * #node node} is the member embedded in an entry ({@code producer->node}), NULL-linked until added.
 *
 * <p>{@code null} is NULL; {@code LIST_POISON1} and {@code LIST_POISON2} are two immutable
 * sentinels shared by all kernels and never written, since every load or store checks its pointer
 * first: a NULL or poison one ends the task with the oops the CPU raises (NULL pointer dereference,
 * or general protection fault at the poison value plus the field's offset). Loads and stores
 * through the node of a {@link KObject} entry are KASAN-checked against its lifetime.
 *
 * <p>With {@link KernelConfig#debugList()} a list_add or list_del that fails a check logs one
 * {@link EventKind#LIST_CORRUPTION} event with the kernel's message and is skipped (list_del still
 * poisons the entry). Without it misuse corrupts the list as in C, and a walk that never gets back
 * to its head is cut short by the {@link Watchdog}.
 *
 * <p>{@code %px} addresses are deterministic: a node's is its KObject entry's (the node is the
 * first member, as in {@code struct irq_bypass_producer}); a head's is module data at {@code
 * ffffffffc0000000} plus a hash of its name; a node of another entry is in the direct map below
 * the allocator, at a hash of the entry's {@code toString()}. Poison read through {@link #next()}
 * or {@link #prev()} comes back as a fresh object: test it with {@link #isPoison()}, not ==.
 *
 * <p>The {@code next} and {@code prev} pointers live in the kernel's {@link ListLinks}, by the
 * list_head's number, so that long walks stay cheap; nothing else about them changes.
 *
 * <p>Not thread-safe: as in C, the caller holds the lock that protects the list.
 */
public final class ListHead<T> {
  private static final ListHead<?> LIST_POISON1 = new ListHead<>(null, null, "LIST_POISON1", 0xdead000000000100L, ListLinks.POISON1);
  private static final ListHead<?> LIST_POISON2 = new ListHead<>(null, null, "LIST_POISON2", 0xdead000000000122L, ListLinks.POISON2);
  private static final int NEXT = 0;
  private static final int PREV = 8;
  private static final long MODULE_DATA = 0xffffffffc0000000L;
  private static final long DIRECT_MAP = 0xffff888000000000L;
  private static final String GPF = "general protection fault, probably for non-canonical address 0x%016x: 0000 [#1] PREEMPT SMP";

  private final Kernel kernel;
  private final T entry;
  private final String name;
  private final long poison;
  /** This list_head's number in its kernel's {@link ListLinks}, where next and prev are kept. */
  private final int id;

  /** A poison sentinel, or a copy of one that knows its kernel. */
  private ListHead(Kernel kernel, T entry, String name, long poison, int id) {
    this.kernel = kernel;
    this.entry = entry;
    this.name = name;
    this.poison = poison;
    this.id = id;
  }

  /** A head or a node: numbered in the kernel's links, next and prev NULL. */
  private ListHead(Kernel kernel, T entry, String name) {
    this.kernel = kernel;
    this.entry = entry;
    this.name = name;
    this.poison = 0;
    this.id = kernel.listLinks().add(this, entry);
  }

  /** {@code LIST_HEAD(name)}: an empty list, whose next and prev point to itself. */
  public static <T> ListHead<T> head(Kernel kernel, String name) {
    ListHead<T> head = new ListHead<>(Objects.requireNonNull(kernel), null, Objects.requireNonNull(name));
    initListHead(head);
    return head;
  }

  /** A {@code struct list_head} member of {@code entry}, zeroed: next and prev NULL until added. */
  public static <T> ListHead<T> node(Kernel kernel, T entry) {
    return new ListHead<>(Objects.requireNonNull(kernel), Objects.requireNonNull(entry), null);
  }

  /** {@code INIT_LIST_HEAD(list)}: points next and prev at the list itself. */
  public static <T> void initListHead(ListHead<T> list) {
    storeNext(list.kernel, list, list);
    storePrev(list.kernel, list, list);
  }

  /** {@code list_add(new, head)}: inserts {@code n} right after {@code head}, at the front. */
  public static <T> void listAdd(ListHead<T> n, ListHead<T> head) {
    Kernel k = head.kernel;
    insert(k, n, head, loadNext(k, head));
  }

  /** {@code list_add_tail(new, head)}: inserts {@code n} right before {@code head}, at the back. */
  public static <T> void listAddTail(ListHead<T> n, ListHead<T> head) {
    Kernel k = head.kernel;
    insert(k, n, loadPrev(k, head), head);
  }

  /** {@code list_del(entry)}: unlinks the entry, then sets next and prev to the poison values. */
  public static <T> void listDel(ListHead<T> entry) {
    Kernel k = entry.kernel;
    unlink(k, entry);
    storeNext(k, entry, poison(LIST_POISON1));
    storePrev(k, entry, poison(LIST_POISON2));
  }

  /** {@code list_del_init(entry)}: unlinks the entry and leaves it an empty list of its own. */
  public static <T> void listDelInit(ListHead<T> entry) {
    unlink(entry.kernel, entry);
    initListHead(entry);
  }

  /** {@code list_empty(head)}: whether {@code head->next} is the head itself. */
  public static boolean listEmpty(ListHead<?> head) {
    return loadNext(head.kernel, head) == head;
  }

  /**
   * {@code list_for_each_entry(pos, head, member)}: the entries from the front, each visit counted
   * and a {@link Watchdog} step. Deleting the current entry walks into LIST_POISON1, as in C.
   */
  public Iterable<T> entries() {
    return () -> new Cursor(false);
  }

  /**
   * {@code list_for_each_entry_safe(pos, n, head, member)}: as {@link #entries()}, but the next
   * node is loaded before the current entry is visited, so the loop may delete it.
   */
  public Iterable<T> entriesSafe() {
    return () -> new Cursor(true);
  }

  /**
   * The entries as a checker sees them, not as kernel code walks them: follows {@code next} from
   * this head with no KASAN check, no visit counted and no watchdog step, and stops at the head,
   * at NULL, at a poison value, or at a node it has already passed (a corrupted list).
   */
  @SuppressWarnings("unchecked")
  public List<T> peekEntries() {
    List<T> out = new ArrayList<>();
    if (poison != 0) {
      return out;
    }
    ListLinks links = kernel.listLinks();
    Set<Integer> seen = new HashSet<>();
    for (int p = links.next(id); p > ListLinks.POISON2 && p != id && seen.add(p); p = links.next(p)) {
      out.add((T) links.entry(p));
    }
    return out;
  }

  /** {@code READ_ONCE(list->next)}: NULL while zeroed, a poison pointer after list_del. */
  public ListHead<T> next() {
    return exposed(loadNext(kernel, this));
  }

  /** {@code READ_ONCE(list->prev)}: NULL while zeroed, a poison pointer after list_del. */
  public ListHead<T> prev() {
    return exposed(loadPrev(kernel, this));
  }

  /** {@code list_entry(ptr, type, member)}: the containing entry; null for a head or a poison value. */
  public T entry() {
    return entry;
  }

  /** {@code ptr == LIST_POISON1 || ptr == LIST_POISON2}. */
  public boolean isPoison() {
    return poison != 0;
  }

  /** The address {@code %px} prints for this {@code list_head} (see the class comment). */
  public long address() {
    if (poison != 0) {
      return poison;
    }
    if (entry instanceof KObject o) {
      return o.address();
    }
    return entry == null ? headAddress(name) : DIRECT_MAP + ((label().hashCode() & 0xfffffL) << 6);
  }

  /** {@code LIST_HEAD(producers) {next=node of prod0, prev=node of prod0}}; no KASAN check. */
  @Override
  public String toString() {
    if (poison != 0) {
      return name;
    }
    ListLinks links = kernel.listLinks();
    return String.format(Locale.ROOT, "%s {next=%s, prev=%s}", describe(this), describe(handle(links, links.next(id))), describe(handle(links, links.prev(id))));
  }

  // ---------------------------------------------------------------- __list_add, __list_del_entry

  private static <T> void insert(Kernel k, ListHead<T> n, ListHead<T> prev, ListHead<T> next) {
    if (k.config().debugList() && !addValid(k, n, prev, next)) {
      return;
    }
    storePrev(k, next, n);
    storeNext(k, n, next);
    storePrev(k, n, prev);
    storeNext(k, prev, n);
  }

  private static <T> void unlink(Kernel k, ListHead<T> entry) {
    if (k.config().debugList() && !delValid(k, entry)) {
      return;
    }
    ListHead<T> prev = loadPrev(k, entry);
    ListHead<T> next = loadNext(k, entry);
    storePrev(k, next, prev);
    storeNext(k, prev, next);
  }

  /**
   * The checks of lib/list_debug.c, in its order, each with the message it reports and the
   * pointers the message names (in that order).
   */
  public enum Check {
    ADD_PREV_NULL("list_add corruption. prev is NULL."),
    ADD_NEXT_NULL("list_add corruption. next is NULL."),
    /** Pointers: prev, next->prev, next. */
    ADD_NEXT_PREV("list_add corruption. next->prev should be prev (%px), but was %px. (next=%px)."),
    /** Pointers: next, prev->next, prev. */
    ADD_PREV_NEXT("list_add corruption. prev->next should be next (%px), but was %px. (prev=%px)."),
    /** Pointers: new, prev, next. */
    ADD_DOUBLE("list_add double add: new=%px, prev=%px, next=%px."),
    /** Pointers: entry. */
    DEL_NEXT_NULL("list_del corruption, %px->next is NULL"),
    /** Pointers: entry. */
    DEL_PREV_NULL("list_del corruption, %px->prev is NULL"),
    /** Pointers: entry, LIST_POISON1. */
    DEL_NEXT_POISON("list_del corruption, %px->next is LIST_POISON1 (%px)"),
    /** Pointers: entry, LIST_POISON2. */
    DEL_PREV_POISON("list_del corruption, %px->prev is LIST_POISON2 (%px)"),
    /** Pointers: entry, prev->next, prev. */
    DEL_PREV_NEXT("list_del corruption. prev->next should be %px, but was %px. (prev=%px)"),
    /** Pointers: entry, next->prev, next. */
    DEL_NEXT_PREV("list_del corruption. next->prev should be %px, but was %px. (next=%px)");

    private final String format;

    Check(String format) {
      this.format = format;
    }

    /** How many pointers the message names. */
    public int pointers() {
      return format.split("%px", -1).length - 1;
    }
  }

  /**
   * A pointer as a list report names it.
   *
   * @param address what {@code %px} prints
   * @param description {@code NULL}, {@code LIST_POISON1}, {@code LIST_HEAD(producers)}, {@code node of p0}
   */
  public record Pointer(long address, String description) {}

  /** {@code LIST_POISON1} as a report names it. */
  public static final Pointer POISON1 = new Pointer(0xdead000000000100L, "LIST_POISON1");
  /** {@code LIST_POISON2} as a report names it. */
  public static final Pointer POISON2 = new Pointer(0xdead000000000122L, "LIST_POISON2");

  /** The address a head {@code LIST_HEAD(name)} has in reports (see the class comment). */
  public static long headAddress(String name) {
    return MODULE_DATA + ((name.hashCode() & 0xfffffL) << 6);
  }

  /** {@code __list_add_valid_or_report()}. */
  private static <T> boolean addValid(Kernel k, ListHead<T> n, ListHead<T> prev, ListHead<T> next) {
    return !(corrupted(k, prev == null, Check.ADD_PREV_NULL)
        || corrupted(k, next == null, Check.ADD_NEXT_NULL)
        || corrupted(k, loadPrev(k, next) != prev, Check.ADD_NEXT_PREV, prev, loadPrev(k, next), next)
        || corrupted(k, loadNext(k, prev) != next, Check.ADD_PREV_NEXT, next, loadNext(k, prev), prev)
        || corrupted(k, n == prev || n == next, Check.ADD_DOUBLE, n, prev, next));
  }

  /** {@code __list_del_entry_valid_or_report()}. */
  private static <T> boolean delValid(Kernel k, ListHead<T> entry) {
    ListHead<T> prev = loadPrev(k, entry);
    ListHead<T> next = loadNext(k, entry);
    return !(corrupted(k, next == null, Check.DEL_NEXT_NULL, entry)
        || corrupted(k, prev == null, Check.DEL_PREV_NULL, entry)
        || corrupted(k, next.poison == LIST_POISON1.poison, Check.DEL_NEXT_POISON, entry, LIST_POISON1)
        || corrupted(k, prev.poison == LIST_POISON2.poison, Check.DEL_PREV_POISON, entry, LIST_POISON2)
        || corrupted(k, loadNext(k, prev) != entry, Check.DEL_PREV_NEXT, entry, loadNext(k, prev), prev)
        || corrupted(k, loadPrev(k, next) != entry, Check.DEL_NEXT_PREV, entry, loadPrev(k, next), next));
  }

  /**
   * {@code CHECK_DATA_CORRUPTION(condition, fmt, ...)}: when the condition holds, logs one report
   * that names each pointer in its details. Returns the condition. As in the C, each check's
   * arguments are loaded only once the checks before it have passed.
   */
  private static boolean corrupted(Kernel k, boolean condition, Check check, ListHead<?>... pointers) {
    if (!condition) {
      return false;
    }
    List<Pointer> named = new ArrayList<>(pointers.length);
    for (ListHead<?> p : pointers) {
      named.add(new Pointer(p == null ? 0 : p.address(), describe(p)));
    }
    reportCorruption(k, check, named);
    return true;
  }

  /**
   * Logs the report of a failed list check, for code that runs the checks itself (a C
   * revision's list.h): the check's message with the pointers' addresses, and one detail per
   * pointer saying what it is.
   */
  public static void reportCorruption(Kernel k, Check check, List<Pointer> pointers) {
    Object[] args = new Object[pointers.size()];
    Set<String> details = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      Pointer p = pointers.get(i);
      args[i] = "NULL".equals(p.description()) ? null : p.address();
      details.add(k.sprintf("%px", args[i]) + " is " + p.description());
    }
    k.log(EventKind.LIST_CORRUPTION, LogLevel.ERR, k.sprintf(check.format, args), k.caller(), List.copyOf(details));
  }

  // ---------------------------------------------------------------- loads and stores

  private static <T> ListHead<T> loadNext(Kernel k, ListHead<T> p) {
    ListLinks links = k.listLinks();
    return handle(links, links.next(deref(k, p, NEXT, false).id));
  }

  private static <T> ListHead<T> loadPrev(Kernel k, ListHead<T> p) {
    ListLinks links = k.listLinks();
    return handle(links, links.prev(deref(k, p, PREV, false).id));
  }

  private static <T> void storeNext(Kernel k, ListHead<T> p, ListHead<T> value) {
    k.listLinks().setNext(deref(k, p, NEXT, true).id, value == null ? ListLinks.NULL : value.id);
  }

  private static <T> void storePrev(Kernel k, ListHead<T> p, ListHead<T> value) {
    k.listLinks().setPrev(deref(k, p, PREV, true).id, value == null ? ListLinks.NULL : value.id);
  }

  /** The list_head a stored number stands for: null, a poison sentinel, or the object. */
  @SuppressWarnings("unchecked")
  private static <T> ListHead<T> handle(ListLinks links, int number) {
    return switch (number) {
      case ListLinks.NULL -> null;
      case ListLinks.POISON1 -> poison(LIST_POISON1);
      case ListLinks.POISON2 -> poison(LIST_POISON2);
      default -> (ListHead<T>) links.handle(number);
    };
  }

  /** An access to the field at {@code offset} of {@code *p}: faults, or KASAN-checks the entry. */
  private static <T> ListHead<T> deref(Kernel k, ListHead<T> p, int offset, boolean write) {
    ListHead<T> q = valid(k, p, offset, write);
    if (q.entry instanceof KObject o) {
      o.touch();
    }
    return q;
  }

  /** Returns {@code p}, or ends the task with the fault the CPU raises for a NULL or poison one. */
  private static <T> ListHead<T> valid(Kernel k, ListHead<T> p, int offset, boolean write) {
    if (p != null && p.poison == 0) {
      return p;
    }
    String access = write ? "write" : "read";
    throw p == null
        ? k.oops(EventKind.BUG, String.format(Locale.ROOT, "BUG: kernel NULL pointer dereference, address: %016x", offset),
            List.of("#PF: supervisor " + access + " access in kernel mode"))
        : k.oops(EventKind.BUG, String.format(Locale.ROOT, GPF, p.poison + offset),
            List.of(access + " of ->" + (offset == NEXT ? "next" : "prev") + " through " + p.name));
  }

  @SuppressWarnings("unchecked")
  private static <T> ListHead<T> poison(ListHead<?> sentinel) {
    return (ListHead<T>) sentinel;
  }

  /** A pointer handed out: a poison sentinel becomes a copy that knows this kernel. */
  private ListHead<T> exposed(ListHead<T> p) {
    return p == null || p.kernel != null ? p : new ListHead<>(kernel, null, p.name, p.poison, p.id);
  }

  /** A head's name, or the entry's {@code toString()}. */
  private String label() {
    return entry == null ? name : String.valueOf(entry);
  }

  /** {@code NULL}, {@code LIST_POISON1}, {@code LIST_HEAD(producers)} or {@code node of prod0}. */
  private static String describe(ListHead<?> p) {
    return p == null ? "NULL" : p.poison != 0 ? p.name : p.entry == null ? "LIST_HEAD(" + p.name + ")" : "node of " + p.entry;
  }

  /**
   * One walk: the C loop's {@code pos} (and {@code n}), by number, advanced lazily, after the body
   * ran. It keeps the arrays of the chunk of links it is in, since a list built in order is walked
   * through consecutive numbers, and the entry it last handed out, which the next advance
   * KASAN-checks again.
   *
   * <p>A walk over a long list waits on memory: each entry it hands out is an object somewhere in
   * the heap, which the loop body reads. The processor overlaps those reads across as many steps
   * as it can hold at once, so the fewer instructions a step takes, the more steps overlap; this
   * class keeps a step short for that reason.
   */
  private final class Cursor implements Iterator<T> {
    private final Walk walk;
    private final Task task;
    private final ListLinks links;
    private final boolean safe;
    /** The chunk the arrays below belong to, or -1. */
    private int chunkIndex = -1;
    private int[] nexts;
    private Object[] entries;
    private int pos;
    private int n;
    /** The entry at {@code pos}, once {@link #next()} handed it out. */
    private Object current;
    private boolean visited;

    Cursor(boolean safe) {
      this.safe = safe;
      this.task = kernel.current();
      this.links = kernel.listLinks();
      this.walk = kernel.watchdog().walk((safe ? "list_for_each_entry_safe(" : "list_for_each_entry(") + label() + ")");
      this.pos = loadNext(id, entry);
      this.n = safe ? loadNext(pos, entryAt(pos)) : ListLinks.NULL;
    }

    /** Makes the chunk of {@code number} the one this walk is in. */
    private void enter(int number) {
      int c = number >>> ListLinks.SHIFT;
      if (c != chunkIndex) {
        ListLinks.Chunk chunk = links.chunk(number);
        nexts = chunk.next;
        entries = chunk.entry;
        chunkIndex = c;
      }
    }

    /** The entry that embeds list_head {@code number}: no load through the list_head itself. */
    private Object entryAt(int number) {
      if (number <= ListLinks.POISON2) {
        return null;
      }
      enter(number);
      return entries[number & ListLinks.MASK];
    }

    /**
     * {@code READ_ONCE(pos->next)}, {@code pos} being list_head {@code number} of {@code entry}:
     * faults on NULL or poison, KASAN-checks the entry.
     */
    private int loadNext(int number, Object entry) {
      if (number <= ListLinks.POISON2) {
        valid(kernel, handle(links, number), NEXT, false);
      }
      if (entry instanceof KObject o) {
        o.touch();
      }
      enter(number);
      return nexts[number & ListLinks.MASK];
    }

    private void advance() {
      visited = false;
      if (safe) {
        pos = n;
        n = loadNext(pos, entryAt(pos));
      } else {
        pos = loadNext(pos, current);
      }
    }

    @Override
    public boolean hasNext() {
      if (visited) {
        advance();
      }
      return pos != id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
      if (visited) {
        advance();
      }
      int p = pos;
      if (p == id) {
        throw new NoSuchElementException();
      }
      walk.step();
      task.countListVisit();
      visited = true;
      if (p <= ListLinks.POISON2) {
        valid(kernel, handle(links, p), NEXT, false);
      }
      enter(p);
      Object e = entries[p & ListLinks.MASK];
      current = e;
      return (T) e;
    }
  }
}
