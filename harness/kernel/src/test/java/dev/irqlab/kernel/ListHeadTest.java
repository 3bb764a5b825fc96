package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link ListHead} on a debug kernel: correct use, and each CONFIG_DEBUG_LIST report. */
class ListHeadTest {
  private final Kernel kernel = new Kernel();
  private final ListHead<Entry> producers = ListHead.head(kernel, "producers");
  private final Entry a = new Entry(kernel, "a");
  private final Entry b = new Entry(kernel, "b");
  private final Entry c = new Entry(kernel, "c");

  /** A kzalloc'ed struct whose first member is a list_head, as struct irq_bypass_producer. */
  static final class Entry extends KObject {
    final ListHead<Entry> node;

    public Entry(Kernel kernel, String name) {
      super(kernel, "struct test", 64);
      this.node = ListHead.node(kernel, this);
      setName(name);
    }
  }

  /** The names of the entries, as list_for_each_entry visits them. */
  static List<String> names(ListHead<Entry> head) {
    List<String> names = new ArrayList<>();
    for (Entry e : head.entries()) {
      names.add(e.name());
    }
    return names;
  }

  /** The messages of the events of one kind. */
  static List<String> messages(Kernel kernel, EventKind kind) {
    return kernel.log().events(kind).stream().map(KernelEvent::message).toList();
  }

  /** A message with each {@code %016x} filled with an address. */
  private static String at(String format, ListHead<?>... pointers) {
    Object[] addresses = new Object[pointers.length];
    for (int i = 0; i < pointers.length; i++) {
      addresses[i] = pointers[i].address();
    }
    return String.format(Locale.ROOT, format, addresses);
  }

  // ---------------------------------------------------------------- peekEntries

  @Test
  void peekEntriesReadsTheListWithoutCountingOrChecking() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);
    long visits = kernel.listNodesVisited();
    kernel.memory().kfree(a);
    assertEquals(List.of(b, a), producers.peekEntries());
    assertEquals(visits, kernel.listNodesVisited());
    assertTrue(kernel.log().events(EventKind.KASAN).isEmpty());
  }

  @Test
  void peekEntriesStopsAtNullPoisonAndCycles() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);
    ListHead.listDel(a.node);
    ListHead.listAdd(c.node, producers);
    ListHead.listAdd(c.node, producers); // without DEBUG_LIST this would loop; with it, reported and skipped
    assertEquals(List.of(c, b), producers.peekEntries());
    Kernel plain = new Kernel(KernelConfig.defaults().withDebugList(false));
    ListHead<Entry> head = ListHead.head(plain, "consumers");
    Entry x = new Entry(plain, "x");
    ListHead.listAdd(x.node, head);
    ListHead.listAdd(x.node, head); // x->next = x: a cycle that never reaches the head
    assertEquals(List.of(x), head.peekEntries());
    ListHead<Entry> zeroed = ListHead.node(plain, new Entry(plain, "z"));
    assertEquals(List.of(), zeroed.peekEntries());
  }

  // ---------------------------------------------------------------- correct use

  @Test
  void aHeadStartsEmptyPointingAtItself() {
    assertTrue(ListHead.listEmpty(producers));
    assertSame(producers, producers.next());
    assertSame(producers, producers.prev());
    assertEquals(List.of(), names(producers));
    assertEquals(0, kernel.listNodesVisited());
  }

  @Test
  void aNodeStartsZeroedInsideItsEntry() {
    assertNull(a.node.next());
    assertNull(a.node.prev());
    assertSame(a, a.node.entry());
    assertEquals(a.address(), a.node.address());
    assertFalse(a.node.isPoison());
  }

  @Test
  void visitsOfSeveralTasksAddUp() throws InterruptedException {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);
    Thread other = new Thread(() -> names(producers));
    other.start();
    other.join();
    names(producers);
    assertEquals(4, kernel.listNodesVisited());
    assertEquals(2, kernel.current().listVisits());
  }

  @Test
  void listAddInsertsAtTheFrontSoWalksAreLifo() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);
    ListHead.listAdd(c.node, producers);

    assertFalse(ListHead.listEmpty(producers));
    assertEquals(List.of("c", "b", "a"), names(producers));
    assertEquals(3, kernel.listNodesVisited());
    assertEquals(List.of("c", "b", "a"), names(producers));
    assertEquals(6, kernel.listNodesVisited());
    assertEquals(List.of(), kernel.log().reports());
  }

  @Test
  void listAddTailInsertsAtTheBackSoWalksAreFifo() {
    ListHead.listAddTail(a.node, producers);
    ListHead.listAddTail(b.node, producers);
    ListHead.listAddTail(c.node, producers);

    assertEquals(List.of("a", "b", "c"), names(producers));
    assertSame(c.node, producers.prev());
    assertSame(producers, c.node.next());
  }

  @Test
  void listDelUnlinksAndPoisons() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);
    ListHead.listAdd(c.node, producers);

    ListHead.listDel(b.node);

    assertEquals(List.of("c", "a"), names(producers));
    assertTrue(b.node.next().isPoison());
    assertEquals(0xdead000000000100L, b.node.next().address());
    assertEquals(0xdead000000000122L, b.node.prev().address());
    assertEquals("LIST_POISON1", b.node.next().toString());
    assertEquals(List.of(), kernel.log().reports());
  }

  @Test
  void listDelInitLeavesTheNodeAnEmptyListThatMayBeAddedAgain() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);

    ListHead.listDelInit(a.node);
    assertEquals(List.of("b"), names(producers));
    assertTrue(ListHead.listEmpty(a.node));

    ListHead.listAddTail(a.node, producers);
    assertEquals(List.of("b", "a"), names(producers));
    assertEquals(List.of(), kernel.log().reports());
  }

  @Test
  void entriesSafeMayDeleteTheCurrentEntry() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);
    ListHead.listAdd(c.node, producers);

    List<String> seen = new ArrayList<>();
    for (Entry e : producers.entriesSafe()) {
      seen.add(e.name());
      ListHead.listDel(e.node);
    }

    assertEquals(List.of("c", "b", "a"), seen);
    assertTrue(ListHead.listEmpty(producers));
    assertEquals(3, kernel.listNodesVisited());
    assertEquals(List.of(), kernel.log().reports());
  }

  @Test
  void headsHaveDeterministicModuleDataAddressesAndPrintTheirNeighbours() {
    assertEquals(producers.address(), ListHead.head(new Kernel(), "producers").address());
    assertEquals(0xffffffffc0000000L, producers.address() & ~0x3ffffffL);

    ListHead.listAdd(a.node, producers);
    assertEquals("LIST_HEAD(producers) {next=node of a, prev=node of a}", producers.toString());
    assertEquals("node of a {next=LIST_HEAD(producers), prev=LIST_HEAD(producers)}", a.node.toString());
  }

  // ---------------------------------------------------------------- CONFIG_DEBUG_LIST reports

  @Test
  void doubleAddOfTheFirstEntryIsReportedAndSkipped() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);

    ListHead.listAdd(b.node, producers);

    assertEquals(
        List.of(at("list_add double add: new=%016x, prev=%016x, next=%016x.", b.node, producers, b.node)),
        messages(kernel, EventKind.LIST_CORRUPTION));
    KernelEvent report = kernel.log().events(EventKind.LIST_CORRUPTION).get(0);
    assertEquals(LogLevel.ERR, report.level());
    assertEquals("doubleAddOfTheFirstEntryIsReportedAndSkipped", report.site().method());
    assertEquals(at("%016x is LIST_HEAD(producers)", producers), report.details().get(1));
    assertEquals(List.of("b", "a"), names(producers));
    assertEquals(1, kernel.log().reports().size());
  }

  @Test
  void delOfANeverAddedNodeIsReportedAndItIsStillPoisoned() {
    ListHead.listAdd(a.node, producers);

    ListHead.listDel(b.node);

    assertEquals(List.of(at("list_del corruption, %016x->next is NULL", b.node)), messages(kernel, EventKind.LIST_CORRUPTION));
    assertEquals(List.of("a"), names(producers));
    assertTrue(b.node.next().isPoison());
  }

  @Test
  void doubleDelIsReportedAsListPoison1() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);
    ListHead.listDel(a.node);

    ListHead.listDel(a.node);

    assertEquals(
        List.of(at("list_del corruption, %016x->next is LIST_POISON1 (dead000000000100)", a.node)),
        messages(kernel, EventKind.LIST_CORRUPTION));
    assertEquals(List.of("b"), names(producers));
    assertEquals(1, kernel.log().reports().size());
  }

  @Test
  void addAfterAZeroedNodeIsReportedAsNull() {
    ListHead.listAdd(a.node, b.node);
    ListHead.listAddTail(a.node, b.node);

    assertEquals(
        List.of("list_add corruption. next is NULL.", "list_add corruption. prev is NULL."),
        messages(kernel, EventKind.LIST_CORRUPTION));
    assertNull(a.node.next());
    assertNull(b.node.next());
  }

  @Test
  void doubleAddOfAnInnerEntryGoesUnnoticedUntilItsNeighbourIsUsed() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);
    ListHead.listAdd(a.node, producers);
    assertEquals(List.of(), kernel.log().reports());

    ListHead.listAdd(c.node, b.node);
    ListHead.listDel(b.node);

    assertEquals(
        List.of(
            at("list_add corruption. next->prev should be prev (%016x), but was %016x. (next=%016x).", b.node, producers, a.node),
            at("list_del corruption. next->prev should be %016x, but was %016x. (next=%016x)", b.node, producers, a.node)),
        messages(kernel, EventKind.LIST_CORRUPTION));
    assertNull(c.node.next());
    assertSame(b.node, a.node.next());
  }
}
