package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Trace;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/report-schema.md documents every field of every record a JSON document holds, and no other. */
class ReportSchemaDocTest {
  private static final Path DOC = Path.of("../../docs/report-schema.md");
  private static final Pattern ROW = Pattern.compile("\\| `([A-Za-z]+)` \\|.*");

  /** The fields each "### `Name`" section lists, in order. */
  private static Map<String, List<String>> documented() throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("#")) {
        Matcher h = Pattern.compile("### `([A-Za-z]+)`").matcher(line);
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

  /** Every record reachable from {@code type} through record components, by simple name. */
  private static void records(Type type, Map<String, List<String>> out) {
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        records(arg, out);
      }
      return;
    }
    if (!(type instanceof Class<?> c) || !c.isRecord() || out.containsKey(c.getSimpleName())) {
      return;
    }
    List<String> names = new ArrayList<>();
    out.put(c.getSimpleName(), names);
    for (RecordComponent rc : c.getRecordComponents()) {
      names.add(rc.getName());
      records(rc.getGenericType(), out);
    }
  }

  @Test
  void everyRecordOfBothDocumentsIsDocumentedFieldByFieldInOrder() throws IOException {
    Map<String, List<String>> actual = new TreeMap<>();
    records(Matrix.class, actual);
    records(RunReport.class, actual);
    assertEquals(actual, new TreeMap<>(documented()));
  }

  /** The values the document lists for an outcome's {@code kind}, in order. */
  @Test
  void everyOutcomeKindIsDocumented() throws IOException {
    String row = Files.readAllLines(DOC).stream().filter(l -> l.startsWith("| `kind` | string | `COMPLETED`")).findFirst().orElseThrow();
    List<String> kinds = new ArrayList<>();
    Matcher m = Pattern.compile("`([A-Z]+)`").matcher(row);
    while (m.find()) {
      kinds.add(m.group(1));
    }
    assertEquals(Arrays.stream(Trace.Outcome.Kind.values()).map(Enum::name).toList(), kinds);
  }

  @Test
  void theSchemaStringsAreTheOnesTheDocumentNames() throws IOException {
    String doc = Files.readString(DOC);
    assertTrue(doc.contains("| `schema` | string | `" + Matrix.SCHEMA + "` |"), Matrix.SCHEMA);
    assertTrue(doc.contains("| `schema` | string | `" + RunReport.SCHEMA + "` |"), RunReport.SCHEMA);
  }
}
