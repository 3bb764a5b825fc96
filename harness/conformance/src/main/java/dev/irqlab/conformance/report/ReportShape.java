package dev.irqlab.conformance.report;

import dev.irqlab.conformance.io.Quote;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a JSON document against the records it is read into, before it is read: every field
 * of docs/report-schema.md present with its type, {@code null} only where the schema writes
 * {@code string?}, {@code int?} or {@code Type?}, an enumeration's value one of its names. Fields
 * the records do not have are left alone (a compatible change may add them).
 */
final class ReportShape {
  /** The fields that may be {@code null} or absent, as {@code Record.field}: the {@code ?} types of the schema. */
  static final Set<String> NULLABLE = Set.of(
      "RevisionSummary.parent", "Cell.deviation", "Trace.end", "StepTrace.label", "StepTrace.state", "State.moduleRefcount");

  /**
   * The fields a report of version 1 may lack, as {@code Record.field}: added since, and read as
   * their records fill them in (no symptoms; the manager's connections as the partners').
   */
  static final Set<String> ADDED = Set.of("DeclaredDeviation.symptoms", "State.managerConnections", "Trace.host");

  /** The integer fields with a least value, as {@code Record.field}: nesting, a line, a step index. */
  static final Map<String, Integer> AT_LEAST = Map.of("TraceEntry.depth", 0, "StepTrace.line", 1, "Outcome.step", -1);

  /**
   * What is wrong at one place.
   *
   * @param path where
   * @param what what was found and what was expected: {@code missing: expected a State object}
   */
  record Problem(JsonPath path, String what) {}

  private ReportShape() {}

  /** The first problem of {@code node} read as {@code type}, depth first in document order; empty when none. */
  static Optional<Problem> check(JsonNode node, Type type) {
    return check(node, type, JsonPath.ROOT);
  }

  private static Optional<Problem> check(JsonNode node, Type type, JsonPath path) {
    Class<?> raw = raw(type);
    if (raw.isRecord()) {
      return node.isObject() ? fields(node, raw, path) : wrong(node, type, path);
    }
    if (raw == java.util.List.class) {
      if (!node.isArray()) {
        return wrong(node, type, path);
      }
      for (int i = 0; i < node.size(); i++) {
        Optional<Problem> p = check(node.get(i), argument(type, 0), path.index(i));
        if (p.isPresent()) {
          return p;
        }
      }
      return Optional.empty();
    }
    if (raw == Map.class) {
      if (!node.isObject()) {
        return wrong(node, type, path);
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        Optional<Problem> p = check(e.getValue(), argument(type, 1), path.field(e.getKey()));
        if (p.isPresent()) {
          return p;
        }
      }
      return Optional.empty();
    }
    return scalar(node, raw) ? Optional.empty() : wrong(node, type, path);
  }

  private static Optional<Problem> fields(JsonNode node, Class<?> record, JsonPath path) {
    for (RecordComponent c : record.getRecordComponents()) {
      JsonNode value = node.get(c.getName());
      JsonPath at = path.field(c.getName());
      boolean nullable = NULLABLE.contains(record.getSimpleName() + "." + c.getName())
          || value == null && ADDED.contains(record.getSimpleName() + "." + c.getName());
      if (value == null || value.isNull()) {
        if (!nullable) {
          return Optional.of(new Problem(at, (value == null ? "missing" : "found null") + ": expected " + expected(c.getGenericType())));
        }
        continue;
      }
      Optional<Problem> p = check(value, c.getGenericType(), at);
      if (p.isPresent()) {
        return p;
      }
      Integer least = AT_LEAST.get(record.getSimpleName() + "." + c.getName());
      if (least != null && value.asInt() < least) {
        return Optional.of(new Problem(at, "found " + found(value) + ": expected an integer from " + least));
      }
    }
    return Optional.empty();
  }

  private static boolean scalar(JsonNode node, Class<?> raw) {
    if (raw == String.class) {
      return node.isTextual();
    }
    if (raw == int.class || raw == Integer.class) {
      return node.isIntegralNumber() && node.canConvertToInt();
    }
    if (raw == long.class || raw == Long.class) {
      return node.isIntegralNumber() && node.canConvertToLong();
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return node.isBoolean();
    }
    if (raw.isEnum()) {
      return node.isTextual() && Arrays.stream(raw.getEnumConstants()).anyMatch(e -> ((Enum<?>) e).name().equals(node.asText()));
    }
    throw new IllegalStateException("no JSON shape for " + raw);
  }

  private static Optional<Problem> wrong(JsonNode node, Type type, JsonPath path) {
    return Optional.of(new Problem(path, "found " + found(node) + ": expected " + expected(type)));
  }

  /** {@code a string "MAYBE"}, {@code a number 1.5}, {@code an array}: what a value is, briefly. */
  static String found(JsonNode node) {
    if (node.isTextual()) {
      String t = node.asText();
      return "a string " + Quote.of(t).replace('\'', '"');
    }
    if (node.isNumber()) {
      String n = node.asText();
      return "a number " + (n.length() > 24 ? n.substring(0, 24) + "..." : n);
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    return node.isArray() ? "an array" : node.isObject() ? "an object" : "null";
  }

  /** {@code a string}, {@code a list}, {@code a State object}, {@code one of "PASS", "NA", ...}. */
  static String expected(Type type) {
    Class<?> raw = raw(type);
    if (raw.isRecord()) {
      return "a " + raw.getSimpleName() + " object";
    }
    if (raw == java.util.List.class) {
      return "a list";
    }
    if (raw == Map.class) {
      return "an object of " + plural(argument(type, 1));
    }
    if (raw.isEnum()) {
      return "one of " + Arrays.stream(raw.getEnumConstants()).map(e -> "\"" + ((Enum<?>) e).name() + "\"").collect(Collectors.joining(", "));
    }
    return raw == String.class ? "a string" : raw == boolean.class || raw == Boolean.class ? "true or false" : "an integer";
  }

  private static String plural(Type type) {
    return raw(type) == String.class ? "strings" : "integers";
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  private static Type argument(Type type, int i) {
    return ((ParameterizedType) type).getActualTypeArguments()[i];
  }
}
