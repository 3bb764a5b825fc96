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
    assertEquals(List.of("  see", "    " + url, "    next"), Text.hanging("  see", url + " next", 4),
        "on a line of its own, where it has the most room");
  }

  @Test
  void wrapBreaksAtSpacesAndOneLineFlattens() {
    assertEquals("a bb\nccc", Text.wrap("a bb ccc", 5));
    assertEquals("a b c", Text.oneLine("a\nb\r\n\tc "));
  }

  @Test
  void aPlaceWiderThanTheRoomBreaksAfterItsParenthesisNeverInsideANameOrNumber() {
    String place = "IrqBypassManager.irqBypassUnregisterProducer(IrqBypassManager.java:206);";
    assertEquals(List.of(
        "UNR-04     v6.16: p1->next is NULL at",
        "           IrqBypassManager.irqBypassUnregisterProducer(",
        "           IrqBypassManager.java:206); producers p0@efd0"),
        Text.hanging("UNR-04     v6.16:", "p1->next is NULL at " + place + " producers p0@efd0", 11, 60));
    assertEquals(List.of("  at " + place), Text.hanging("  at", place, 4), "a place that fits stays whole");
  }

  @Test
  void foldKeepsALineThatFitsAndFoldsAWiderOneDeeperThanItself() {
    String fits = "    state: producers -;  consumers -";
    assertEquals(List.of(fits), Text.fold(fits, 80));
    assertEquals(List.of(
        "    state: producers vfio0.msix0@efd0;",
        "        consumers vm0.irqfd(efd0)@efd0;",
        "        connected -"),
        Text.fold("    state: producers vfio0.msix0@efd0; consumers vm0.irqfd(efd0)@efd0; connected -", 50),
        "after a semicolon where it can");
    assertEquals(List.of(
        "    [KMEMLEAK] kmemleak: unreferenced object <addr> (size 576) at",
        "        IrqBypassManager.irqBypassRegisterProducer(IrqBypassManager.java:131)"),
        Text.fold("    [KMEMLEAK] kmemleak: unreferenced object <addr> (size 576) at"
            + " IrqBypassManager.irqBypassRegisterProducer(IrqBypassManager.java:131)", 80), "else at spaces");
  }

  @Test
  void foldDiffFoldsTheTextsLinesUnderTheirMarkAndKeepsHeaders() {
    String header = "--- v6.16/" + "a-very-long-scenario-name-".repeat(4);
    List<String> diff = List.of(header, "@@ -1,2 +1,2 @@", " scenario x",
        "-    state: producers vfio0.msix0@efd0; consumers vm0.irqfd(efd0)@efd0; connected -");
    assertEquals(List.of(header, "@@ -1,2 +1,2 @@", " scenario x",
        "-    state: producers vfio0.msix0@efd0;",
        "-        consumers vm0.irqfd(efd0)@efd0;",
        "-        connected -"), Text.foldDiff(diff, 51));
  }

  @Test
  void aUrlGoesAsFarInAsItCanAndStillFit() {
    String url = "https://lore.kernel.org/all/20250516230734.2564775-1-seanjc@google.com/";
    assertEquals("    " + url, Text.url(url, 4));
    assertEquals(" ".repeat(80 - url.length()) + url, Text.url(url, 35));
    assertEquals("https://x/" + "y".repeat(80), Text.url("https://x/" + "y".repeat(80), 4));
  }

  /**
   * Whatever the text and width, wrapped or folded, every line fits unless one word alone cannot, and the words
   * read back whole: a line ends at a space, or inside a word only just after '(', ',' or ';'.
   */
  @Test
  void wrappingNeverCutsAWord() {
    java.util.Random random = new java.util.Random(17);
    String alphabet = "abcdefghij.:_/-<>@0123456789(;,)";
    for (int run = 0; run < 2000; run++) {
      List<String> words = new java.util.ArrayList<>();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        StringBuilder w = new StringBuilder();
        int len = 1 + random.nextInt(random.nextInt(10) == 0 ? 90 : 12);
        for (int k = 0; k < len; k++) {
          w.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        words.add(w.toString());
      }
      int width = 20 + random.nextInt(61);
      int indent = random.nextInt(12);
      String text = String.join(" ", words);
      List<String> lines = random.nextBoolean() ? Text.hanging("", text, indent, width) : Text.fold(" ".repeat(indent) + text, width);
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        joined.append(i == 0 ? "" : " ").append(l.strip());
        if (l.length() > width) {
          assertEquals(1, l.strip().split(" ").length, "only a word that cannot fit passes the width: " + l);
        }
      }
      // A break after '(', ',' or ';' may be a space of the text or a break inside a word.
      String breaks = "([(,;]) ";
      assertEquals(text.replaceAll(breaks, "$1"), joined.toString().replaceAll(breaks, "$1"),
          "seed run " + run + ", width " + width);
    }
  }
}
