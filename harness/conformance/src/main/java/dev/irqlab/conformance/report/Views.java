package dev.irqlab.conformance.report;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every format of the matrix shows alike: the legend, groups, counts and headlines. */
public final class Views {
  private Views() {}

  /** What each mark means, in the order the legend lists them. */
  static final Map<Grade, String> MEANING = meanings();

  private static Map<Grade, String> meanings() {
    Map<Grade, String> m = new LinkedHashMap<>();
    m.put(Grade.PASS, "the clause holds");
    m.put(Grade.NA, "not applicable: the revision lacks what the clause needs");
    m.put(Grade.KNOWN, "fails, as the revision declares (with a reason and a link)");
    m.put(Grade.FAIL, "fails, and the revision does not declare it");
    m.put(Grade.STALE, "the revision declares a deviation that no longer happens");
    return m;
  }

  /** The clauses by category title, categories in order of first appearance. */
  static Map<String, List<Matrix.ClauseInfo>> byCategory(Matrix m) {
    Map<String, List<Matrix.ClauseInfo>> out = new LinkedHashMap<>();
    m.clauses().forEach(c -> out.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c));
    return out;
  }

  /** The short key of column {@code i}: A to Z, then AA, AB, ... */
  static String key(int i) {
    String letter = String.valueOf((char) ('A' + i % 26));
    return i < 26 ? letter : key(i / 26 - 1) + letter;
  }

  /** The cell of {@code clause} in {@code column}, or null when the column has none. */
  static Cell cell(Column column, String clause) {
    return column.cell(clause).orElse(null);
  }

  /** True when some column has no cell for some clause (a hand-edited or partial report). */
  static boolean anyMissing(Matrix m) {
    return m.columns().stream().anyMatch(c -> m.clauses().stream().anyMatch(k -> c.cell(k.id()).isEmpty()));
  }

  /** {@code 40 pass, 1 known, 5 n/a, 0 unexpected}. */
  public static String counts(Column c) {
    return String.format(Locale.ROOT, "%d pass, %d known, %d n/a, %d unexpected",
        c.count(Grade.PASS), c.count(Grade.KNOWN), c.count(Grade.NA), c.unexpected().size());
  }

  /** What the drivers were: one era for all, or each revision's own. */
  public static String drivers(Matrix m) {
    List<String> eras = m.columns().stream().map(c -> c.revision().era()).distinct().toList();
    boolean own = m.columns().stream().allMatch(c -> c.revision().era().equals(c.revision().defaultEra()));
    if (own) {
      return "each with the drivers of its era";
    }
    if (eras.size() == 1) {
      return "all with the " + eras.get(0) + " drivers";
    }
    return "with the drivers named below";
  }

  /** {@code 46 clauses on 8 revisions, each with the drivers of its era}. */
  public static String headline(Matrix m) {
    return plural(m.clauses().size(), "clause") + " on " + plural(m.columns().size(), "revision") + ", " + drivers(m);
  }

  /** Why an unexpected cell is unexpected, in one line. */
  public static String why(Cell c) {
    if (c.grade() == Grade.STALE) {
      String declared = c.deviation() == null ? "a deviation" : "\"" + Text.oneLine(c.deviation().why()) + "\"";
      if (c.detail().startsWith(Cell.NOT_FOUND)) {
        return "declares " + declared + ", " + Text.oneLine(c.detail());
      }
      return "declares " + declared + ", but " + (c.detail().isEmpty() ? "the clause holds" : "the clause is n/a: " + Text.oneLine(c.detail()));
    }
    return Text.oneLine(c.detail());
  }

  /** How many cells are unexpected, over all columns. */
  static long unexpected(Matrix m) {
    return m.columns().stream().mapToLong(c -> c.unexpected().size()).sum();
  }

  /** The last line: all as declared, or how many cells are not. */
  public static String verdict(Matrix m) {
    long n = unexpected(m);
    long cells = m.columns().stream().mapToLong(c -> c.cells().size()).sum();
    return n == 0 ? "All " + plural(cells, "cell") + " as declared."
        : plural(n, "cell") + " not as declared: './irqlab explain CLAUSE' tells why.";
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
