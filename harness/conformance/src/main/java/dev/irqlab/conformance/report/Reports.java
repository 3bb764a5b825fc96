package dev.irqlab.conformance.report;

import com.fasterxml.jackson.core.JsonLocation;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reports as JSON (docs/report-schema.md): the matrix with every trace ({@value Matrix#SCHEMA})
 * and the traces of one scenario ({@value RunReport#SCHEMA}). Output is deterministic: fields
 * in the records' order, map keys sorted, two-space indent, {@code \n} line ends, no time stamp.
 * Reading checks the {@code schema} field first (the version before is read too: it is this one
 * with fewer values) and ignores fields it does not know, which a compatible change may add.
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
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReportException("cannot read " + file + ": " + AtomicFile.reason(e), e);
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

  /** Reads a document of {@code schema}, or of the {@code older} version it extends. */
  private static <T> T parse(String name, String text, String schema, String older, Class<T> type) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw error(name, e, "malformed JSON: " + firstLine(e.getOriginalMessage()));
    }
    if (tree == null || !tree.isObject()) {
      throw new ReportException(name + ": not an irqlab report: expected a JSON object with \"schema\": \"" + schema + "\"", null);
    }
    JsonNode found = tree.get("schema");
    if (found == null || !found.isTextual()) {
      throw new ReportException(name + ": not an irqlab report: expected a \"schema\" field \"" + schema + "\"", null);
    }
    if (!found.asText().equals(schema) && !found.asText().equals(older)) {
      throw new ReportException(name + ": schema \"" + found.asText() + "\": expected \"" + schema
          + "\" (a report of another format or version of irqlab)", null);
    }
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw error(name, e, "not a valid " + schema + " report" + path(e) + ": " + firstLine(e.getOriginalMessage()));
    }
  }

  private static ReportException error(String name, JsonProcessingException e, String what) {
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
    return new ReportException(name + where + ": " + what, e);
  }

  /** Where in the document a mapping failed: {@code  at columns[0].cells[3].grade}. */
  private static String path(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : ((JsonMappingException) e).getPath()) {
      if (r.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "" : " at " + out;
  }

  /** Jackson's message, first line, with its source locations as {@code line 1, column 42}. */
  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    String line = (nl < 0 ? message : message.substring(0, nl)).strip();
    return SOURCE.matcher(line).replaceAll("line $1, column $2");
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
