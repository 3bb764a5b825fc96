package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
  private static final String WORDS = "the failed producer stays registered: producers p0@efd0; consumers c0@efd0;"
      + " connected p0<->c0; module refcount 1";

  @Test
  void hangingPutsTheTextAfterTheHeadAndIndentsTheRestWithinEightyColumns() {
    assertEquals(List.of(
        "  xarray-v2-2023 ERR-02 FAIL: the failed producer stays registered: producers",
        "      p0@efd0; consumers c0@efd0; connected p0<->c0; module refcount 1"),
        Text.hanging("  xarray-v2-2023 ERR-02 FAIL:", WORDS, 6));
  }

  @Test
  void aHeadShorterThanTheIndentIsPaddedToIt() {
    assertEquals(List.of("pass   the clause holds"), Text.hanging("pass", "the clause holds", 7));
    assertEquals(List.of("Why:"), Text.hanging("Why:", "", 5));
  }

  @Test
  void aWordWiderThanTheLineStaysWhole() {
    String url = "https://lore.kernel.org/all/" + "x".repeat(70) + "/";
    assertEquals(List.of("  see " + url, "    next"), Text.hanging("  see", url + " next", 4));
  }

  @Test
  void wrapBreaksAtSpacesAndOneLineFlattens() {
    assertEquals("a bb\nccc", Text.wrap("a bb ccc", 5));
    assertEquals("a b c", Text.oneLine("a\nb\r\n\tc "));
  }
}
