package dev.irqlab.kernel;

import static dev.irqlab.kernel.ListHeadTest.messages;
import static dev.irqlab.kernel.ListHeadTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqlab.kernel.ListHeadTest.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ListHead} without CONFIG_DEBUG_LIST: misuse corrupts the list or faults, as in C. */
class ListHeadNoDebugTest {
  private static final String GPF = "general protection fault, probably for non-canonical address 0x%s: 0000 [#1] PREEMPT SMP";

  private final Kernel kernel = new Kernel(KernelConfig.defaults().withDebugList(false).withWalkLimit(10_000));
  private final ListHead<Entry> producers = ListHead.head(kernel, "producers");
  private final Entry a = new Entry(kernel, "a");
  private final Entry b = new Entry(kernel, "b");

  @Test
  void correctUseBehavesAsWithTheChecks() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAddTail(b.node, producers);
    assertEquals(List.of("a", "b"), names(producers));

    ListHead.listDel(a.node);
    assertEquals(List.of("b"), names(producers));
    assertEquals(List.of(), kernel.log().reports());
  }

  @Test
  void doubleAddOfTheFirstEntryMakesTheNextWalkASoftLockup() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(a.node, producers);
    assertEquals(List.of(), kernel.log().reports());

    Oops oops = assertThrows(Oops.class, () -> names(producers));

    assertEquals(EventKind.SOFT_LOCKUP, oops.event().kind());
    assertEquals(List.of(oops.event()), kernel.log().events(EventKind.SOFT_LOCKUP));
    assertEquals(List.of("list_for_each_entry(producers) did not end after 10000 steps"), oops.event().details());
    assertEquals(10_000, kernel.listNodesVisited());
    assertEquals(List.of(), kernel.log().events(EventKind.LIST_CORRUPTION));
  }

  @Test
  void doubleDelWritesThroughListPoison1() {
    ListHead.listAdd(a.node, producers);
    ListHead.listDel(a.node);

    Oops oops = assertThrows(Oops.class, () -> ListHead.listDel(a.node));

    assertEquals(EventKind.BUG, oops.event().kind());
    assertEquals(List.of(String.format(GPF, "dead000000000108")), messages(kernel, EventKind.BUG));
    assertEquals(List.of("write of ->prev through LIST_POISON1"), oops.event().details());
    assertEquals("ListHeadNoDebugTest", oops.event().site().simpleClassName());
  }

  @Test
  void delOfANeverAddedNodeIsANullPointerDereference() {
    Oops oops = assertThrows(Oops.class, () -> ListHead.listDel(a.node));

    assertEquals(EventKind.BUG, oops.event().kind());
    assertEquals("BUG: kernel NULL pointer dereference, address: 0000000000000008", oops.getMessage());
    assertEquals(List.of("#PF: supervisor write access in kernel mode"), oops.event().details());
  }

  @Test
  void deletingTheCurrentEntryInAPlainWalkWalksIntoListPoison1() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);

    Oops oops =
        assertThrows(
            Oops.class,
            () -> {
              for (Entry e : producers.entries()) {
                ListHead.listDel(e.node);
              }
            });

    assertEquals(String.format(GPF, "dead000000000100"), oops.getMessage());
    assertEquals(List.of("read of ->next through LIST_POISON1"), oops.event().details());
    assertEquals(List.of("a"), names(producers));
  }

  @Test
  void aPoisonPointerReadOutFaultsWhenDereferenced() {
    ListHead.listAdd(a.node, producers);
    ListHead.listDel(a.node);
    ListHead<Entry> poison2 = a.node.prev();

    Oops oops = assertThrows(Oops.class, poison2::next);

    assertEquals(String.format(GPF, "dead000000000122"), oops.getMessage());
    assertEquals(List.of(oops.event()), kernel.log().events(EventKind.BUG));
  }

  @Test
  void walkingThroughAFreedEntryIsAUseAfterFree() {
    ListHead.listAdd(a.node, producers);
    ListHead.listAdd(b.node, producers);
    kernel.memory().kfree(b);

    List<String> seen = new ArrayList<>();
    for (Entry e : producers.entries()) {
      seen.add(e.name());
    }

    assertEquals(List.of("b", "a"), seen);
    List<KernelEvent> kasan = kernel.log().events(EventKind.KASAN);
    assertEquals(1, kasan.size());
    assertEquals("BUG: KASAN: slab-use-after-free in walkingThroughAFreedEntryIsAUseAfterFree", kasan.get(0).message());
    assertEquals("The buggy address belongs to " + b.describe(), kasan.get(0).details().get(1));
  }
}
