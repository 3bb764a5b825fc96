package dev.irqlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.irqlab.bench.Durations;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.conformance.report.Text;
import dev.irqlab.conformance.report.TextMatrix;
import dev.irqlab.conformance.report.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code irqlab matrix --with-stress}: correct and how fast in one report. As text, one table
 * of 80 columns with a row per revision, its cells as the matrix counts them beside its stress
 * figures; as JSON ({@value #SCHEMA}), the matrix's report and the stress's, whole.
 */
final class MatrixWithStress {
  /** The version of the JSON layout; bumped when a field changes meaning or goes away. */
  static final String SCHEMA = "irqlab-matrix-stress/1";

  /** The widest revision id that shares its line with the figures; a longer one has a line of its own. */
  private static final int ID = 15;
  /** A line of the table, after the revision's id in {@code %-Ns}: 80 columns with an id of {@value #ID}. */
  private static final String ROW = " %4s %5s %4s %5s  %7s %7s %7s %9s %7s";

  private static final String LEGEND = "PASS, KNOWN, N/A: cells as the matrix grades them; UNEXP: cells not as"
      + " declared (FAIL or STALE). WAIT: the acquisitions of the manager's mutex that found it held,"
      + " from asking to holding; HOLD: how long an acquisition held it; NODES/REG: list nodes visited per"
      + " registration; TIME: the stress's own time (virtual); -: not stressed.";

  /** Reads the stress's JSON into a tree that writes its numbers back as they were. */
  private static final ObjectMapper TREE = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private MatrixWithStress() {}

  /**
   * The headlines of the matrix and of the stress, the table, its legend, the stress's notes,
   * the cells not as declared and the matrix's verdict.
   */
  static String text(Matrix m, StressRows stress) {
    List<String> out = new ArrayList<>(Text.wrapLines("irqlab matrix: " + Views.headline(m), Text.WIDTH));
    out.addAll(stress.headline().lines().toList());
    out.add("");
    List<StressRows.Row> rows = stress.rows(m);
    int id = Math.min(ID, Math.max("REVISION".length(), rows.stream().mapToInt(r -> r.column().revision().id().length()).max().orElse(0)));
    out.add(String.format(Locale.ROOT, "%-" + id + "s" + ROW, "", "", "", "", "", "WAIT", "WAIT", "HOLD", "", "").stripTrailing());
    out.add(String.format(Locale.ROOT, "%-" + id + "s" + ROW, "REVISION", "PASS", "KNOWN", "N/A", "UNEXP", "AVG", "MAX", "AVG", "NODES/REG", "TIME"));
    for (StressRows.Row r : rows) {
      out.addAll(row(r, id));
    }
    out.add("");
    out.addAll(Text.wrapLines(LEGEND, Text.WIDTH));
    List<String> notes = stress.notes();
    if (!notes.isEmpty()) {
      out.add("");
      notes.forEach(n -> out.addAll(hanging(n)));
    }
    out.addAll(TextMatrix.unexpected(m));
    out.add("");
    out.add(Views.verdict(m));
    return String.join("\n", out) + "\n";
  }

  /** A revision's line, after a line of its own for an id wider than {@code id}. */
  private static List<String> row(StressRows.Row r, int id) {
    Column c = r.column();
    String name = c.revision().id();
    List<String> out = new ArrayList<>();
    if (name.length() > id) {
      out.add(name);
      name = "";
    }
    StressRows.Speed s = r.speed();
    out.add(String.format(Locale.ROOT, "%-" + id + "s" + ROW, name, c.count(Grade.PASS), c.count(Grade.KNOWN), c.count(Grade.NA),
        c.unexpected().size(), s == null ? "-" : d(s.waitAvgNs()), s == null ? "-" : d(s.waitMaxNs()),
        s == null ? "-" : d(s.holdAvgNs()), s == null ? "-" : String.format(Locale.ROOT, "%.1f", s.nodesPerRegistration()),
        s == null ? "-" : d(s.seconds() * 1e9)));
    return out;
  }

  /** A note in 80 columns, its later lines indented by two. */
  private static List<String> hanging(String note) {
    List<String> lines = Text.wrapLines(note, Text.WIDTH - 2);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      out.add(i == 0 ? lines.get(i) : "  " + lines.get(i));
    }
    return out;
  }

  private static String d(double ns) {
    return Durations.format(ns);
  }

  /**
   * The document {@value #SCHEMA}: {@code matrix}, the report {@code irqlab matrix --format json}
   * prints ({@code irqlab-report/2}), and {@code stress}, the one {@code irqlab stress --format
   * json} prints ({@code irqlab-stress/2}).
   */
  static String json(Matrix shown, StressRows stress) {
    JsonNode figures;
    try {
      figures = TREE.readTree(stress.json());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the stress's own JSON does not parse", e);
    }
    return Reports.toJson(new Document(SCHEMA, shown, figures));
  }

  /** The JSON document, its fields in this order. */
  record Document(String schema, Matrix matrix, JsonNode stress) {}
}
