package dev.irqlab.scaffold.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/source-diff-schema.md documents every field of the JSON patch, in order, and every value of its enumerations. */
class SourceDiffSchemaDocTest {
  private static final Path DOC = Path.of("../../docs/source-diff-schema.md");
  private static final Pattern HEADING = Pattern.compile("### `([A-Za-z]+)`");
  private static final Pattern ROW = Pattern.compile("\\| `([A-Za-z]+)` \\|.*");

  @TempDir Path tmp;

  /** The fields each "### `Name`" section lists, in order. */
  private static Map<String, List<String>> documented() throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("#")) {
        Matcher h = HEADING.matcher(line);
        current = h.matches() ? out.computeIfAbsent(h.group(1), k -> new ArrayList<>()) : null;
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (current != null && row.matches()) {
        current.add(row.group(1));
      }
    }
    return out;
  }

  private static List<String> fields(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void everyObjectOfTheDocumentIsDocumentedFieldByFieldInOrder() throws IOException {
    SourceDiff d = Trees.diff(tmp, "package a;\n\nclass M {\n  int f() { return 0; }\n}\n",
        "package b;\n\nclass M {\n  int f() { return 1; }\n\n  void g() {}\n}\n");
    JsonNode json = JsonMapper.builder().build().readTree(PatchFormat.JSON.render(d));
    Map<String, List<String>> actual = new LinkedHashMap<>();
    actual.put("SourceDiff", fields(json));
    actual.put("FileDiff", fields(json.get("files").get(0)));
    actual.put("MemberChange", fields(json.get("files").get(0).get("members").get(1)));
    assertEquals(actual, documented());
  }

  @Test
  void theSchemaAndEveryChangeAndKindAreNamed() throws IOException {
    String doc = Files.readString(DOC);
    assertTrue(doc.contains("| `schema` | string | `" + JsonPatch.SCHEMA + "` |"), JsonPatch.SCHEMA);
    String changeRow = doc.lines().filter(l -> l.startsWith("| `change` |")).findFirst().orElseThrow();
    for (Change c : Change.values()) {
      assertTrue(changeRow.contains("`" + c.id() + "`"), c.id());
    }
    String kindRow = doc.lines().filter(l -> l.startsWith("| `kind` |")).findFirst().orElseThrow();
    for (MemberKind k : MemberKind.values()) {
      assertTrue(kindRow.contains("`" + k.id() + "`"), k.id());
    }
  }
}
