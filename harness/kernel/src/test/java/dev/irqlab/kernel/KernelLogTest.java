package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelLogTest {
  private final Kernel kernel = new Kernel();

  @Test
  void eventsAreNumberedInOrderAndSplitIntoLinesAndReports() {
    kernel.prInfo("one");
    kernel.warnOn(true);
    kernel.printk(LogLevel.ERR, "three");
    List<KernelEvent> all = kernel.log().events();
    assertEquals(List.of(0L, 1L, 2L), all.stream().map(KernelEvent::seq).toList());
    assertEquals(1, kernel.log().reports().size());
    assertEquals(2, kernel.log().events(EventKind.PRINTK).size());
    assertEquals(List.of("three"), kernel.log().since(2).stream().map(KernelEvent::message).toList());
    assertTrue(kernel.log().since(99).isEmpty());
  }

  @Test
  void aListenerSeesEachEventAsItIsLogged() {
    List<String> seen = new ArrayList<>();
    kernel.log().setListener(e -> seen.add(e.headline()));
    kernel.prInfo("hello %d", 1);
    kernel.warnOn(true);
    assertEquals("hello 1", seen.get(0));
    assertTrue(seen.get(1).startsWith("[WARNING] WARNING: CPU: 0 PID: "), seen.get(1));
  }

  @Test
  void dmesgRendersReportsWithTheirSiteAndDetails() {
    Mutex lock = new Mutex(kernel, "lock");
    lock.unlock();
    String dmesg = kernel.log().dmesg();
    assertTrue(dmesg.startsWith("[LOCKDEP] WARNING: bad unlock balance detected!\n  at KernelLogTest.dmesgRenders"), dmesg);
    assertTrue(dmesg.contains("\n  but there are no more locks to release!\n"), dmesg);
  }

  @Test
  void twoKernelsKeepTwoLogs() {
    Kernel other = new Kernel();
    kernel.prInfo("mine");
    assertTrue(other.log().events().isEmpty());
  }
}
