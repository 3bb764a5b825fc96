package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.fuzz.Fuzz;
import dev.irqlab.conformance.fuzz.Mutator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mutations of a small report, read back and then used as {@code irqlab diff} and the formats
 * use it: a report that does not read is one line naming the file, line, column and path; one
 * that reads can be rendered and diffed without an exception.
 */
class ReportFuzzTest {
  private static final Pattern WHERE = Pattern.compile("r\\.json:[0-9]+:[0-9]+: at \\$.*: \\S.*");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> KEYS = List.of("schema", "clauses", "scenarios", "columns", "revision", "cells",
      "traces", "machine", "outcome", "steps", "entries", "kind", "grade", "id", "lacks", "deliveries", "state", "end");

  @Test
  void mutatedReportsAreReadOrRefusedInOneLineAndWhatIsReadCanBeShownAndDiffed() throws Exception {
    Matrix original = Fixtures.matrix();
    JsonNode seed = MAPPER.readTree(Reports.toJson(original));
    Fuzz.seeds(20_260_202L, 1000).forEach(s -> {
      SplittableRandom random = new SplittableRandom(s);
      String input = mutate(seed, random);
      String shown = Fuzz.describe(s, input);
      Matrix m;
      try {
        m = Reports.fromJson("r.json", input);
      } catch (ReportException e) {
        String msg = e.getMessage();
        assertTrue(WHERE.matcher(msg).matches(), "not FILE:LINE:COL: at PATH: " + Fuzz.escape(msg) + "\n" + shown);
        assertTrue(Fuzz.oneVisibleLine(msg), "not one visible line: " + Fuzz.escape(msg) + "\n" + shown);
        return;
      } catch (RuntimeException e) {
        fail("unexpected " + e + "\n" + shown, e);
        return;
      }
      use(m, original, random, shown);
    });
  }

  /** What {@code irqlab matrix --format} and {@code irqlab diff} do with a report: one format, one column, chosen at random. */
  private static void use(Matrix m, Matrix original, SplittableRandom random, String shown) {
    try {
      Format.values()[random.nextInt(Format.values().length)].render(m);
      if (!m.columns().isEmpty()) {
        Column c = m.columns().get(random.nextInt(m.columns().size()));
        c.traces().forEach(Trace::lines);
        String id = c.revision().id();
        ReportDiff.diff(ReportDiff.Side.of("a.json:" + id, m, id), ReportDiff.Side.of("b.json:" + id, original,
            original.column(id).isPresent() ? id : original.columns().get(0).revision().id()));
      }
    } catch (RuntimeException e) {
      fail("a report that reads cannot be used: " + e + "\n" + shown, e);
    }
  }

  /** The report with one to three changes to its tree, and sometimes to its bytes as well. */
  private static String mutate(JsonNode seed, SplittableRandom random) {
    JsonNode tree = seed.deepCopy();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(tree, containers);
      change(containers.get(random.nextInt(containers.size())), random);
    }
    String text = tree.toPrettyString();
    if (random.nextInt(3) == 0) {
      byte[] bytes = new Mutator(random, KEYS, List.of("{", "}", "[", "]", "null", ",")).mutate(text.getBytes(StandardCharsets.UTF_8), 2);
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    return text;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }

  /** Deletes a key or an item, or puts a value of another type, null or an odd value in its place. */
  private static void change(JsonNode container, SplittableRandom random) {
    int size = container.size();
    if (size == 0) {
      return;
    }
    int i = random.nextInt(size);
    JsonNode value = oddValue(random);
    if (container instanceof ObjectNode o) {
      String key = new ArrayList<>(o.properties()).get(i).getKey();
      if (random.nextBoolean()) {
        o.remove(key);
      } else {
        o.set(key, value);
      }
    } else if (container instanceof ArrayNode a) {
      if (random.nextBoolean()) {
        a.remove(i);
      } else {
        a.set(i, value);
      }
    }
  }

  private static JsonNode oddValue(SplittableRandom random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(10)) {
      case 0 -> f.nullNode();
      case 1 -> f.textNode("");
      case 2 -> f.textNode("\u202e\u0000\uFEFF" + "x".repeat(random.nextInt(100)));
      case 3 -> f.numberNode(random.nextLong());
      case 4 -> f.numberNode(1.5);
      case 5 -> f.numberNode(new java.math.BigInteger("99999999999999999999999"));
      case 6 -> f.booleanNode(true);
      case 7 -> f.arrayNode();
      case 8 -> f.objectNode();
      default -> f.textNode("PASS");
    };
  }
}
