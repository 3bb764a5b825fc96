package dev.irqlab.scaffold.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patch as text and JSON: summary, list, diffstat and hunks. */
class TextPatchTest {
  @TempDir Path tmp;

  private static String manager(String javadoc, String body, String extra) {
    return "package dev.irqlab.rev." + (extra.isEmpty() ? "a" : "b") + ";\n\nfinal class Manager {\n"
        + "  /** " + javadoc + " */\n  int register(int token) {\n" + body + "  }\n" + extra + "}\n";
  }

  private SourceDiff sample() {
    String lines = String.join("", IntStream.range(0, 12).mapToObj(i -> "    int v" + i + " = " + i + ";\n").toList());
    String before = manager("Registers.", lines + "    return 0;\n", "");
    String after = manager("Registers one.", lines.replace("v0 = 0", "v0 = 1").replace("v11 = 11", "v11 = 12")
        + "    return 0;\n", "\n  /** The other.\n   */\n  void other(String name, long id) {}\n");
    return Trees.diff(tmp, before, after);
  }

  @Test
  void theTextHasAHeaderASummaryTheListADiffstatAndTheHunks() {
    String text = PatchFormat.TEXT.render(sample());
    List<String> lines = text.lines().toList();
    assertEquals("source-diff a..b", lines.get(0));
    assertEquals(List.of(
        "File          Class       added   removed   changed  comments",
        "Manager.java  Manager         1         0         1         0",
        "",
        "Code changes:",
        "  changed  Manager.register(int)",
        "  added    Manager.other(String, long)",
        "",
        " Manager.java | 9 ++++++---",
        " 1 file changed, 6 insertions(+), 3 deletions(-)",
        "",
        "--- a/Manager.java",
        "+++ b/Manager.java",
        "@@ -4,6 +4,6 @@ Manager.register(int)",
        "-  /** Registers. */",
        "+  /** Registers one. */",
        "   int register(int token) {",
        "-    int v0 = 0;",
        "+    int v0 = 1;"), lines.subList(2, 20));
    assertTrue(lines.contains("@@ -14,6 +14,6 @@ Manager.register(int)"), text);
    assertTrue(lines.contains("@@ -19,0 +21,3 @@ Manager.other(String, long)"), text);
    assertTrue(text.endsWith("+  /** The other.\n+   */\n+  void other(String name, long id) {}\n"), text);
  }

  @Test
  void commentsOnlyChangesComeAfterTheCodeChangesInTheListAndTheDiffs() {
    String before = manager("Registers.", "    return 0;\n", "");
    String after = manager("Registers one.", "    return 0;\n", "\n  void other() {}\n");
    String text = PatchFormat.TEXT.render(Trees.diff(tmp, before, after));
    assertTrue(text.contains("\nCode changes:\n  added    Manager.other()\n\nComments only (the code is the same):\n"
        + "  comments Manager.register(int)\n"), text);
    assertTrue(text.indexOf("@@ -6,0 +7,2 @@ Manager.other()") < text.indexOf("@@ -4,4 +4,4 @@ Manager.register(int)"), text);
  }

  @Test
  void noDifferenceSaysSo() {
    String same = manager("Registers.", "    return 0;\n", "");
    assertEquals("source-diff a..b\n\nNo member differs: the two have the same code and comments (package names,\n"
        + "class names and layout aside).\n", PatchFormat.TEXT.render(Trees.diff(tmp, same, same)));
  }

  @Test
  void aLongSignatureBreaksAfterACommaWithinEightyColumns() {
    List<String> lines = TextPatch.fit("  added    ", "IrqBypassManager.irqBypassRegisterProducer(IrqBypassProducer, EventfdCtx, int)");
    assertEquals(List.of("  added    IrqBypassManager.irqBypassRegisterProducer(IrqBypassProducer,",
        "             EventfdCtx, int)"), lines);
  }

  @Test
  void theDiffstatScalesItsBarsToTheWidth() {
    List<MemberChange> big = new ArrayList<>();
    List<String> diff = new ArrayList<>();
    IntStream.range(0, 300).forEach(i -> diff.add("+x"));
    IntStream.range(0, 100).forEach(i -> diff.add("-x"));
    big.add(new MemberChange(Change.CHANGED, MemberKind.METHOD, "Manager", "Manager.f()", 1, 1, diff));
    List<MemberChange> small = List.of(new MemberChange(Change.CHANGED, MemberKind.METHOD, "P", "P.g()", 1, 1, List.of("+y", "-y")));
    List<String> stat = Diffstat.of(List.of(new FileDiff("Manager.java", FileDiff.Status.MODIFIED, big),
        new FileDiff("P.java", FileDiff.Status.MODIFIED, small)), 80);
    assertEquals(80, stat.get(0).length(), stat.get(0));
    assertTrue(stat.get(0).startsWith(" Manager.java | 400 +++"), stat.get(0));
    assertEquals(" P.java       |   2 +-", stat.get(1));
    assertEquals(" 2 files changed, 301 insertions(+), 101 deletions(-)", stat.get(2));
  }

  @Test
  void theJsonHasTheSchemaAndEveryMemberWithItsDiff() throws Exception {
    JsonNode json = JsonMapper.builder().build().readTree(PatchFormat.JSON.render(sample()));
    assertEquals(JsonPatch.SCHEMA, json.get("schema").asText());
    assertEquals("a", json.get("from").asText());
    JsonNode file = json.get("files").get(0);
    assertEquals("Manager.java", file.get("path").asText());
    assertEquals("modified", file.get("status").asText());
    JsonNode added = file.get("members").get(1);
    assertEquals("added", added.get("change").asText());
    assertEquals("method", added.get("kind").asText());
    assertEquals("Manager.other(String, long)", added.get("member").asText());
    assertTrue(added.get("fromLine").isNull());
    assertEquals(4, added.get("diff").size());
  }

  @Test
  void aHunkHeaderFitsEightyColumnsByShorteningItsContextNeverByCuttingIt() {
    String ranges = "@@ -108,0 +130,34 @@";
    assertEquals(ranges + " Manager.register(int)", Hunks.header(ranges, "Manager.register(int)"));
    assertEquals(ranges + " IrqBypassManager.irqBypassRegisterProducer(...)",
        Hunks.header(ranges, "IrqBypassManager.irqBypassRegisterProducer(IrqBypassProducer, EventfdCtx, int)"));
    assertEquals(ranges, Hunks.header(ranges, "X".repeat(70) + "(int)"));
  }
}
