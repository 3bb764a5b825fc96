package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.irqlab.scaffold.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irqlab source-diff} on the revisions' real sources, found upwards from the module folder. */
class SourceDiffCommandTest {
  private static Cli.Run v44ToV59;

  @BeforeAll
  static void diffV44AndV59() {
    v44ToV59 = Cli.run("source-diff", "v4.4", "v5.9");
  }

  /** Lines outside the hunks fit 80 columns; source lines inside them stay whole. */
  private static void ownLinesFitEightyColumns(String text) {
    boolean hunk = false;
    for (String l : text.lines().toList()) {
      hunk = l.startsWith("@@ ") || (hunk && !l.isEmpty() && " +-".indexOf(l.charAt(0)) >= 0);
      if (!hunk && !l.startsWith("--- ") && !l.startsWith("+++ ")) {
        assertTrue(l.length() <= 80, "longer than 80 columns: " + l);
      }
    }
  }

  @Test
  void v59ChangesConnectAndTheFourRegistrationFunctionsOfV44AndNothingElseInItsManager() {
    assertEquals(Main.OK, v44ToV59.code(), v44ToV59.err());
    List<String> lines = v44ToV59.out().lines().toList();
    assertEquals("source-diff v4.4..v5.9", lines.get(0));
    List<String> managerChanges = lines.stream().filter(l -> l.startsWith("  changed  IrqBypassManager.")).toList();
    assertEquals(List.of(
        "  changed  IrqBypassManager.connect(IrqBypassProducer, IrqBypassConsumer)",
        "  changed  IrqBypassManager.irqBypassRegisterProducer(IrqBypassProducer)",
        "  changed  IrqBypassManager.irqBypassUnregisterProducer(IrqBypassProducer)",
        "  changed  IrqBypassManager.irqBypassRegisterConsumer(IrqBypassConsumer)",
        "  changed  IrqBypassManager.irqBypassUnregisterConsumer(IrqBypassConsumer)"), managerChanges);
    assertTrue(lines.contains("  changed  Provider.INFO"), v44ToV59.out());
    assertFalse(v44ToV59.out().contains("IrqBypassManager.disconnect("), "disconnect is the same in both:\n" + v44ToV59.out());
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("  added ") || l.startsWith("  removed ")), v44ToV59.out());
    assertTrue(lines.contains("--- v4.4/IrqBypassManager.java"), v44ToV59.out());
    assertTrue(lines.contains("+      if (tmp != consumer) {"), "unregister_consumer by identity:\n" + v44ToV59.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches(" IrqBypassManager\\.java \\| +\\d+ \\++-+")), v44ToV59.out());
    ownLinesFitEightyColumns(v44ToV59.out());
  }

  @Test
  void theSameRevisionHasNoDifferenceAndThePackageAloneMakesNone() {
    Cli.Run r = Cli.run("source-diff", "v6.17", "v6.17");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("No member differs"), r.out());
  }

  @Test
  void v617RewritesTheRegistrationOfV616AroundTheEventfd() {
    Cli.Run r = Cli.run("source-diff", "v6.16", "v6.17");
    assertEquals(Main.OK, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    int removed = lines.indexOf("  removed  IrqBypassManager.irqBypassRegisterProducer(IrqBypassProducer)");
    assertTrue(removed > 0, r.out());
    assertEquals("  added    IrqBypassManager.irqBypassRegisterProducer(IrqBypassProducer,", lines.get(removed + 1));
    assertEquals("             EventfdCtx, int)", lines.get(removed + 2));
    assertTrue(lines.contains("  changed  imports of IrqBypassManager.java"), r.out());
    assertTrue(lines.contains("+import dev.irqlab.kernel.XArray;"), r.out());
    ownLinesFitEightyColumns(r.out());
  }

  @Test
  void jsonToAFileIsWrittenWholeAndSummedUp(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("patch.json");
    Cli.Run r = Cli.run("source-diff", "v4.4", "v5.9", "--format", "json", "-o", file.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals("irqlab: wrote " + file + ": source-diff v4.4..v5.9: 6 members with code changes, 2 with comments only,"
        + " in 3 files.", String.join(" ", r.out().lines().map(String::strip).toList()));
    JsonNode json = JsonMapper.builder().build().readTree(Files.readString(file));
    assertEquals("irqlab-source-diff/1", json.get("schema").asText());
    assertEquals("IrqBypassManager.java", json.get("files").get(0).get("path").asText());
    assertEquals("IrqBypassManager.connect(IrqBypassProducer, IrqBypassConsumer)",
        json.get("files").get(0).get("members").get(0).get("member").asText());
  }

  @Test
  void anUnknownRevisionOrFormatIsAUsageErrorAndWritesNothing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("patch.txt");
    Cli.Run r = Cli.run("source-diff", "v4.4", "v9.9", "-o", file.toString());
    assertEquals(Main.USAGE, r.code(), r.err());
    assertTrue(r.err().startsWith("irqlab: unknown revision 'v9.9': the revisions in "), r.err());
    String known = String.join(", ", Checkout.find(null, Path.of("")).revisionIds());
    assertTrue(known.contains("cleanup-v1-2025, ") && known.contains("xarray-v2-2023"), known);
    assertTrue(r.err().stripTrailing().endsWith(" are " + known), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(file));
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "no temporary file left either");
    }
    Cli.run("source-diff", "v4.4", "v5.9", "--format", "html")
        .assertUsageError("unknown format 'html': expected one of text, json");
  }
}
