package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PrintkTest {
  private final Kernel kernel = new Kernel();

  @Test
  void formatsTheConversionsDriversUse() {
    assertEquals("vq 3, ret =  -16", kernel.sprintf("vq %u, ret =  %d", 3, -16));
    assertEquals("ff 0xff FF", kernel.sprintf("%x %#x %X", 255, 255, 255));
    assertEquals("4294967295", kernel.sprintf("%u", -1));
    assertEquals("[  7] [7  ] [007]", kernel.sprintf("[%3d] [%-3d] [%03d]", 7, 7, 7));
    assertEquals("(null) abc", kernel.sprintf("%s %.3s", null, "abcdef"));
    assertEquals("100%", kernel.sprintf("%d%%", 100));
    assertEquals("-05", kernel.sprintf("%03d", -5));
    assertEquals("12 34", kernel.sprintf("%ld %llu", 12L, 34L));
  }

  @Test
  void hashesPointersDeterministically() {
    EventfdCtx ctx = EventfdCtx.create(kernel);
    String hashed = kernel.sprintf("(token %p)", ctx);
    assertTrue(hashed.matches("\\(token [0-9a-f]{16}\\)"), hashed);
    assertEquals(hashed, new Kernel().sprintf("(token %p)", EventfdCtx.create(new Kernel())));
    assertNotEquals(String.format(Locale.ROOT, "(token %016x)", ctx.address()), hashed);
    assertEquals("(token (null))", kernel.sprintf("(token %p)", (Object) null));
  }

  @Test
  void printsRawPointersWithPx() {
    assertEquals("ffff888100000040", kernel.sprintf("%px", 0xffff888100000040L));
    assertEquals("0000000000000000", kernel.sprintf("%px", (Object) null));
  }

  @Test
  void rejectsArgumentMismatchesLoudly() {
    assertThrows(IllegalArgumentException.class, () -> kernel.sprintf("%d %d", 1));
    assertThrows(IllegalArgumentException.class, () -> kernel.sprintf("%d", 1, 2));
    assertThrows(IllegalArgumentException.class, () -> kernel.sprintf("%q", 1));
  }

  @Test
  void printkLogsAtItsLevel() {
    KernelEvent e = kernel.prInfo("irq bypass consumer (token %p) registration fails: %d", 0x1000L, -16);
    assertEquals(EventKind.PRINTK, e.kind());
    assertEquals(LogLevel.INFO, e.level());
    assertTrue(e.message().endsWith("registration fails: -16"), e.message());
    assertEquals(e, kernel.log().events().get(0));
    assertEquals("PrintkTest", e.site().simpleClassName());
  }

  @Test
  void outputDoesNotFollowTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      assertEquals("1234 ID", kernel.sprintf("%d %s", 1234, "ID"));
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals("0XABC", kernel.sprintf("%#X", 0xabc));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
