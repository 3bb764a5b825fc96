package dev.irqlab.conformance.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Trace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The behaviour of one revision against another, as plain text for a mail: first the clauses
 * whose grade differs, then a unified diff of the trace of every scenario that differs. Each
 * side is a column of a matrix, run now or read from a saved report. Lines of the diff's own
 * are at most 80 columns; a trace line too wide for a hunk is folded under its mark
 * ({@link Text#foldDiff}), so every line fits.
 */
public final class ReportDiff {
  /** Lines of context around each change. */
  static final int CONTEXT = 3;

  /**
   * The longest label a file of a trace diff is named by: with {@code --- } before it and a
   * scenario id of up to 39 characters after it, the line fits 80 columns.
   */
  static final int LONG_LABEL = 36;

  private ReportDiff() {}

  /**
   * One side of a diff.
   *
   * @param label how the diff names it ({@code v6.16}, {@code before.json:v6.16})
   * @param matrix the matrix it comes from
   * @param column its column in that matrix
   */
  public record Side(String label, Matrix matrix, Column column) {
    /** The column of revision {@code id}, labelled with the id. */
    public static Side of(Matrix m, String id) {
      return of(id, m, id);
    }

    /** The column of revision {@code id}, labelled {@code label}. */
    public static Side of(String label, Matrix m, String id) {
      Column c = m.column(id).orElseThrow(() -> new IllegalArgumentException("no revision " + id + " in the matrix"));
      return new Side(label, m, c);
    }
  }

  /** Compares revision {@code revA} of {@code a} with revision {@code revB} of {@code b}. */
  public static String diff(Matrix a, String revA, Matrix b, String revB) {
    return diff(Side.of(a, revA), Side.of(b, revB));
  }

  public static String diff(Side a, Side b) {
    List<String> out = new ArrayList<>();
    out.addAll(Text.hanging("irqlab diff", a.label() + " " + b.label(), 4));
    out.addAll(Text.hanging("  ---", describe(a), 6));
    out.addAll(Text.hanging("  +++", describe(b), 6));
    out.add("");
    verdicts(a, b, out);
    out.add("");
    traces(a, b, out);
    return String.join("\n", out) + "\n";
  }

  static String describe(Side s) {
    Column.RevisionSummary r = s.column().revision();
    return s.label() + ": " + r.title() + " (" + r.status() + ", " + r.date() + "), with the " + r.era() + " drivers";
  }

  /**
   * The clauses whose grade differs between two sides: those whose verdict changes, and those
   * that fail alike on both but are declared on one side only.
   */
  record Verdicts(List<String> changed, List<String> declaredOnOneSide) {}

  /** Compares the grade of every clause either side has, in the matrices' order. */
  static Verdicts verdicts(Side a, Side b) {
    Set<String> ids = new LinkedHashSet<>();
    a.matrix().clauses().forEach(c -> ids.add(c.id()));
    b.matrix().clauses().forEach(c -> ids.add(c.id()));
    List<String> changed = new ArrayList<>();
    List<String> alike = new ArrayList<>();
    for (String id : ids) {
      Cell ca = a.column().cell(id).orElse(null);
      Cell cb = b.column().cell(id).orElse(null);
      if (ca == null || cb == null || ca.grade() != cb.grade()) {
        (failsAlike(ca, cb) ? alike : changed).add(id);
      }
    }
    return new Verdicts(changed, alike);
  }

  /** The statement of clause {@code id}, from {@code b}'s matrix or else {@code a}'s. */
  static Optional<Matrix.ClauseInfo> clause(String id, Side a, Side b) {
    return b.matrix().clause(id).or(() -> a.matrix().clause(id));
  }

  private static void verdicts(Side a, Side b, List<String> out) {
    Verdicts v = verdicts(a, b);
    int width = Stream.concat(a.matrix().clauses().stream(), b.matrix().clauses().stream())
        .mapToInt(c -> c.id().length()).max().orElse(6);
    out.add(v.changed().isEmpty() ? "No clause changes its verdict." : "Clauses whose verdict differs (" + v.changed().size() + "):");
    for (String id : v.changed()) {
      Cell ca = a.column().cell(id).orElse(null);
      Cell cb = b.column().cell(id).orElse(null);
      String head = String.format(Locale.ROOT, "%-" + width + "s  %s -> %s  ", id, mark(ca), mark(cb));
      String statement = clause(id, a, b).map(Matrix.ClauseInfo::statement).orElse("");
      out.addAll(Text.hanging(head, Text.oneLine(statement), head.length()));
      detail(a, ca, width, Text.WIDTH, out);
      detail(b, cb, width, Text.WIDTH, out);
    }
    if (!v.declaredOnOneSide().isEmpty()) {
      out.addAll(Text.hanging("", "Clauses that fail alike on both sides, declared as a deviation on one side only ("
          + v.declaredOnOneSide().size() + "): " + String.join(", ", v.declaredOnOneSide()) + ".", 0));
    }
  }

  /**
   * The clauses whose verdict is worse on {@code b} than on {@code a}, for {@code diff
   * --exit-code}: a cell not as declared (FAIL, STALE) that {@code a} has not, or a clause that
   * holds (or does not apply) on {@code a} and fails on {@code b}, declared or not. A FAIL that
   * fails alike on {@code a}, where it is declared (a C revision against its port), is not worse.
   * A clause only {@code b} has counts when it is not as declared there.
   */
  public static List<String> worse(Side a, Side b) {
    List<String> out = new ArrayList<>();
    for (Cell cb : b.column().cells()) {
      Cell ca = a.column().cell(cb.clause()).orElse(null);
      boolean newlyUnexpected = cb.grade().unexpected() && (ca == null || !ca.grade().unexpected()) && !failsAlike(ca, cb);
      boolean newlyFailing = ca != null && failing(cb.grade()) && !failing(ca.grade()) && !ca.grade().unexpected();
      if (newlyUnexpected || newlyFailing) {
        out.add(cb.clause());
      }
    }
    return out;
  }

  /** True when both cells fail their clause, with the same detail, whether or not each declares it. */
  static boolean failsAlike(Cell a, Cell b) {
    return a != null && b != null && failing(a.grade()) && failing(b.grade()) && a.detail().equals(b.detail());
  }

  /** True for a grade whose clause fails: declared or not. */
  private static boolean failing(Grade g) {
    return g == Grade.KNOWN || g == Grade.FAIL;
  }

  /** What cell {@code c} of side {@code s} found, under a clause column {@code width} wide, within {@code lineWidth}. */
  static void detail(Side s, Cell c, int width, int lineWidth, List<String> out) {
    if (c == null || (c.detail().isEmpty() && c.deviation() == null)) {
      return;
    }
    String why = c.grade() == Grade.KNOWN && c.deviation() != null
        ? Text.oneLine(c.detail()) + (c.detail().isEmpty() ? "" : "; ") + "declared: " + Text.oneLine(c.deviation().why())
        : Views.why(c);
    out.addAll(Text.hanging(" ".repeat(width + 2) + s.label() + ":", why, width + 4, lineWidth));
  }

  static String mark(Cell c) {
    return c == null ? "-" : c.grade().mark();
  }

  private static void traces(Side a, Side b, List<String> out) {
    Set<String> ids = new LinkedHashSet<>();
    a.column().traces().forEach(t -> ids.add(t.scenario()));
    b.column().traces().forEach(t -> ids.add(t.scenario()));
    List<String> diffs = new ArrayList<>();
    List<String> placesOnly = new ArrayList<>();
    int changed = 0;
    for (String id : ids) {
      Optional<Trace> ta = a.column().trace(id);
      Optional<Trace> tb = b.column().trace(id);
      List<String> la = ta.map(ReportDiff::lines).orElse(List.of());
      List<String> lb = tb.map(ReportDiff::lines).orElse(List.of());
      if (la.equals(lb)) {
        continue;
      }
      if (placesOnly(la, lb)) {
        placesOnly.add(id);
        continue;
      }
      changed++;
      diffs.add("");
      if (ta.isEmpty() || tb.isEmpty()) {
        diffs.add("Scenario " + id + " ran only on " + (ta.isEmpty() ? b.label() : a.label()) + ".");
      } else if (!text(a, id).equals(text(b, id))) {
        diffs.addAll(Text.hanging("", "The scenario " + id + " itself differs between the two: its trace shows that change too.", 0));
      }
      diffs.addAll(unified(a.label(), b.label(), id, la, lb, CONTEXT));
    }
    out.add(changed == 0 ? "No trace differs (" + Views.plural(ids.size(), "scenario") + ")."
        : "Scenarios whose trace differs (" + changed + " of " + ids.size() + "):");
    if (!placesOnly.isEmpty()) {
      out.addAll(Text.hanging("", "Scenarios whose traces differ only in the places their reports name, a Java port's"
          + " line on one side and a C line on the other (" + placesOnly.size() + "): " + String.join(", ", placesOnly) + ".", 0));
    }
    out.addAll(diffs);
  }

  /**
   * True when trace lines {@code la} and {@code lb}, of a Java port and of C, differ only in the
   * places their reports name.
   */
  static boolean placesOnly(List<String> la, List<String> lb) {
    return Places.ofOtherLanguages(la, lb) && Places.masked(la).equals(Places.masked(lb));
  }

  /** True when two traces differ in a line, but for the first (which names the revision and era). */
  public static boolean differ(Trace a, Trace b) {
    return !lines(a).equals(lines(b));
  }

  /**
   * A unified diff of two traces of {@code name}, with three lines of context, its wide lines
   * folded; empty when they are the same.
   */
  public static List<String> unified(String labelA, String labelB, String name, Trace a, Trace b) {
    return unified(labelA, labelB, name, lines(a), lines(b), CONTEXT);
  }

  /**
   * The diff of scenario {@code scenario}'s trace lines {@code la} and {@code lb}, its files
   * named {@code LABEL/SCENARIO}; as git names them, {@code a/SCENARIO} and {@code b/SCENARIO},
   * when a label is longer than {@link #LONG_LABEL} (a path to a report, say), or the name does
   * not fit 80 columns (the diff's head says which side is which).
   */
  static List<String> unified(String labelA, String labelB, String scenario, List<String> la, List<String> lb, int context) {
    String fileA = labelA + "/" + scenario;
    String fileB = labelB + "/" + scenario;
    if (Math.max(labelA.length(), labelB.length()) > LONG_LABEL || 4 + Math.max(fileA.length(), fileB.length()) > Text.WIDTH) {
      fileA = "a/" + scenario;
      fileB = "b/" + scenario;
    }
    Patch<String> patch = DiffUtils.diff(la, lb);
    return Text.foldDiff(UnifiedDiffUtils.generateUnifiedDiff(fileA, fileB, la, patch, context), Text.WIDTH);
  }

  private static String text(Side s, String scenario) {
    return s.matrix().scenarios().stream().filter(i -> i.id().equals(scenario)).map(Matrix.ScenarioInfo::text).findFirst().orElse("");
  }

  /**
   * The trace as {@link Trace#lines()} prints it, with its first line (which names the revision
   * and the era, and so differs between any two sides) cut to {@code scenario ID}.
   */
  public static List<String> lines(Trace t) {
    List<String> lines = new ArrayList<>(t.lines());
    if (!lines.isEmpty()) {
      lines.set(0, "scenario " + t.scenario());
    }
    return lines;
  }
}
