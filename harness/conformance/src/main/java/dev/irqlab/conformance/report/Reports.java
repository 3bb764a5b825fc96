package dev.irqlab.conformance.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.io.Quote;
import dev.irqlab.conformance.io.TextFile;
import dev.irqlab.conformance.io.TextFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reports as JSON (docs/report-schema.md): the matrix with every trace ({@value Matrix#SCHEMA})
 * and the traces of one scenario ({@value RunReport#SCHEMA}). Output is deterministic: fields
 * in the records' order, map keys sorted, two-space indent, {@code \n} line ends, no time stamp.
 * Reading checks the {@code schema} field first (the version before is read too: it is this one
 * with fewer values), then that every field the schema lists is there with its type, and ignores
 * fields it does not know, which a compatible change may add.
 */
public final class Reports {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .defaultLocale(Locale.ROOT)
      .defaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")))
      .build();

  /** The largest report read: a matrix of every revision with every trace is a few megabytes. */
  public static final long MAX_BYTES = 256L << 20;
  /** The same mapping on one line: a stream of messages, a line each (a worker JVM's traces). */
  private static final ObjectWriter LINE = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; line: ([0-9]+), column: ([0-9]+)\\]");

  private Reports() {}

  /** The matrix as JSON, ending with a newline. */
  public static String toJson(Matrix matrix) {
    return json(matrix);
  }

  /** The traces of one scenario as JSON, ending with a newline. */
  public static String toJson(RunReport run) {
    return json(run);
  }

  /** Another document of this package's ({@code irqlab-fuzz/1}) as JSON, ending with a newline. */
  public static String toJson(Record document) {
    return json(document);
  }

  /** Writes the matrix to {@code file}, whole or not at all. */
  public static void write(Matrix matrix, Path file) {
    AtomicFile.write(file, toJson(matrix));
  }

  /**
   * Reads a report {@link #write} wrote.
   *
   * @throws ReportException naming the file, the line and column, and what was expected
   */
  public static Matrix read(Path file) {
    String text;
    try {
      text = TextFile.read(file, "a JSON report", MAX_BYTES);
    } catch (TextFileException e) {
      throw new ReportException(e.getMessage(), e);
    }
    return fromJson(file.toString(), text);
  }

  /** Reads a report from {@code text}, called {@code name} in errors. */
  public static Matrix fromJson(String name, String text) {
    return parse(name, text, Matrix.SCHEMA, Matrix.SCHEMA_1, Matrix.class);
  }

  /** Reads what {@link #toJson(RunReport)} wrote, called {@code name} in errors. */
  public static RunReport runFromJson(String name, String text) {
    return parse(name, text, RunReport.SCHEMA, RunReport.SCHEMA_1, RunReport.class);
  }

  /**
   * Reads {@code text} as {@code type}: JSON, an object, the {@code schema} expected (or the
   * {@code older} version it extends), then every field as {@link ReportShape} checks it. Every
   * problem is {@code NAME:LINE:COL: at PATH: ...}.
   */
  private static <T> T parse(String name, String text, String schema, String older, Class<T> type) {
    String document = "a JSON object with \"schema\": \"" + schema + "\"";
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw malformed(name, e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw error(name, text, JsonPath.ROOT, "empty: expected " + document);
    }
    if (!tree.isObject()) {
      throw error(name, text, JsonPath.ROOT, "found " + ReportShape.found(tree) + ": expected " + document);
    }
    JsonNode found = tree.get("schema");
    JsonPath at = JsonPath.ROOT.field("schema");
    if (found == null || !found.isTextual()) {
      throw error(name, text, at, (found == null ? "missing" : "found " + ReportShape.found(found)) + ": expected \"" + schema + "\"");
    }
    if (!found.asText().equals(schema) && !found.asText().equals(older)) {
      throw error(name, text, at, "found " + ReportShape.found(found) + ": expected \"" + schema
          + "\" (a report of another format or version of irqlab)");
    }
    ReportShape.check(tree, type).ifPresent(p -> {
      throw error(name, text, p.path(), p.what());
    });
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      JsonPath path = e instanceof JsonMappingException m ? path(m) : JsonPath.ROOT;
      throw error(name, text, path, "not a valid " + schema + " report: " + firstLine(e.getMessage()));
    }
  }

  private static ReportException error(String name, String text, JsonPath path, String what) {
    int[] at = path.locate(text);
    return new ReportException(name + ":" + at[0] + ":" + at[1] + ": at " + path + ": " + what, null);
  }

  /** JSON that does not parse: where the parser stopped, and the path it was in. */
  private static ReportException malformed(String name, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? ":1:1" : ":" + at.getLineNr() + ":" + Math.max(1, at.getColumnNr());
    JsonPath path = e.getProcessor() instanceof JsonParser p ? JsonPath.of(p.getParsingContext()) : JsonPath.ROOT;
    return new ReportException(name + where + ": at " + path + ": malformed JSON: " + firstLine(e.getOriginalMessage()), e);
  }

  /** Where in the document a mapping failed: {@code $.columns[0].cells[3].grade}. */
  private static JsonPath path(JsonMappingException e) {
    JsonPath out = JsonPath.ROOT;
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        out = out.field(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out = out.index(r.getIndex());
      }
    }
    return out;
  }

  /** Jackson's message, first line, with its source locations as {@code line 1, column 42}. */
  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    String line = (nl < 0 ? message : message.substring(0, nl)).strip();
    return Quote.visible(SOURCE.matcher(line).replaceAll("line $1, column $2"));
  }

  /**
   * {@code value} (a record of this package's documents, such as a {@code Trace}) as JSON on one
   * line, without its newline.
   */
  public static String toJsonLine(Object value) {
    try {
      return LINE.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Reads what {@link #toJsonLine} wrote. */
  public static <T> T fromJsonLine(String line, Class<T> type) {
    try {
      return MAPPER.readValue(line, type);
    } catch (JsonProcessingException e) {
      throw new ReportException("not a " + type.getSimpleName() + ": " + firstLine(e.getOriginalMessage()), e);
    }
  }

  private static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
