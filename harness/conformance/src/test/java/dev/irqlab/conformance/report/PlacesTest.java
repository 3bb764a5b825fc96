package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacesTest {
  private static final List<String> PORT = List.of(
      "      [WARNING] WARNING: CPU: 0 PID: 1 at IrqBypassManager.irqBypassRegisterProducer(IrqBypassManager.java:139)",
      "      [KASAN] BUG: KASAN: slab-use-after-free in disconnect at IrqBypassManager.disconnect(IrqBypassManager.java:80)",
      "        Freed at Machine.free(Machine.java:230)");
  private static final List<String> C = List.of(
      "      [WARNING] WARNING: CPU: 0 PID: 1 at irq_bypass_register_producer(virt/lib/irqbypass.c:100)",
      "      [KASAN] BUG: KASAN: slab-use-after-free in __disconnect at __disconnect(virt/lib/irqbypass.c:61)",
      "        Freed at Machine.free(Machine.java:230)");

  @Test
  void aPortAndACRevisionNamePlacesInOtherLanguages() {
    assertTrue(Places.ofOtherLanguages(PORT, C));
    assertTrue(Places.ofOtherLanguages(C, PORT));
    assertFalse(Places.ofOtherLanguages(PORT, PORT), "two ports compare their places as they are");
    assertFalse(Places.ofOtherLanguages(C, C), "two C revisions compare their lines as they are");
  }

  @Test
  void maskedTheyAreTheSameLinesButForWhatReallyDiffers() {
    assertEquals(Places.masked(PORT), Places.masked(C));
    assertEquals("      [KASAN] BUG: KASAN: slab-use-after-free in <function> at <place>", Places.masked(C).get(1));
    List<String> other = List.of(PORT.get(0).replace("WARNING: CPU", "WARNING: cpu"), PORT.get(1), PORT.get(2));
    assertNotEquals(Places.masked(other), Places.masked(C));
  }
}
