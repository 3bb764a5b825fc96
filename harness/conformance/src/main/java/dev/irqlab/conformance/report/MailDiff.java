package dev.irqlab.conformance.report;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Trace;
import dev.irqlab.spi.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A diff of two revisions as the body of a plain-text reply to a patch, in the kernel's mail
 * conventions: a one-line summary, prose wrapped at {@link #PROSE} columns, the clauses whose
 * verdict got worse and those that changed otherwise, a trace of each cut to the changed lines
 * and one line of context, and a {@code Link:} trailer for each source those
 * clauses and their declared deviations cite. No line is wider than {@link Text#WIDTH}.
 */
public final class MailDiff {
  /** The width prose is wrapped at, as mail readers quote it without rewrapping. */
  static final int PROSE = 72;

  /** Lines of context around a change in a trace: the least that still shows where it is. */
  static final int CONTEXT = 1;

  /** The most lines of one trace diff a mail shows. */
  static final int MAX_TRACE_LINES = 30;

  private MailDiff() {}

  /** The body of the mail comparing side {@code a} (before) with side {@code b} (after). */
  public static String of(ReportDiff.Side a, ReportDiff.Side b) {
    List<String> worse = ReportDiff.worse(a, b);
    List<String> changed = ReportDiff.verdicts(a, b).changed();
    List<String> other = changed.stream().filter(id -> !worse.contains(id)).toList();
    List<String> out = new ArrayList<>();
    out.add(summary(a, b, changed.size(), worse.size()));
    out.add("");
    int clauses = b.matrix().clauses().size();
    int scenarios = b.matrix().scenarios().size();
    out.addAll(Text.wrapLines("irqbypass-lab ran its conformance suite (" + Views.plural(clauses, "clause") + ", "
        + Views.plural(scenarios, "scenario") + ") on both:", PROSE));
    out.addAll(Text.hanging("  " + a.label() + ":", after(ReportDiff.describe(a), a.label()), 4, PROSE));
    out.addAll(Text.hanging("  " + b.label() + ":", after(ReportDiff.describe(b), b.label()), 4, PROSE));
    int width = changed.stream().mapToInt(String::length).max().orElse(6);
    section("Worse on " + b.label() + ", a clause that held now fails or a cell is not as declared (" + worse.size() + "):",
        worse, a, b, width, out);
    section("Changed otherwise (" + other.size() + "):", other, a, b, width, out);
    if (changed.isEmpty()) {
      out.add("");
      out.addAll(Text.wrapLines("No clause changes its verdict.", PROSE));
    }
    traces(changed, a, b, out);
    List<String> links = links(changed, a, b);
    if (!links.isEmpty()) {
      out.add("");
      links.forEach(u -> out.add("Link: " + u));
    }
    return String.join("\n", out) + "\n";
  }

  /** {@code xarray-v2-2023 against v6.16: 13 clauses change their verdict, 11 for the worse} */
  private static String summary(ReportDiff.Side a, ReportDiff.Side b, int changed, int worse) {
    String s = changed == 0
        ? b.label() + " against " + a.label() + ": no clause changes its verdict"
        : String.format(Locale.ROOT, "%s against %s: %s %s verdict, %s", b.label(), a.label(),
            Views.plural(changed, "clause"), changed == 1 ? "changes its" : "change their",
            worse == 0 ? "none for the worse" : worse + " for the worse");
    return s.length() <= Text.WIDTH ? s : Text.wrapLines(s, Text.WIDTH).get(0);
  }

  /** The description of a side without its leading {@code label: }. */
  private static String after(String description, String label) {
    return description.startsWith(label + ": ") ? description.substring(label.length() + 2) : description;
  }

  private static void section(String title, List<String> ids, ReportDiff.Side a, ReportDiff.Side b, int width,
      List<String> out) {
    if (ids.isEmpty()) {
      return;
    }
    out.add("");
    out.addAll(Text.wrapLines(title, PROSE));
    for (String id : ids) {
      Cell ca = a.column().cell(id).orElse(null);
      Cell cb = b.column().cell(id).orElse(null);
      String head = String.format(Locale.ROOT, "  %-" + width + "s  %s -> %s  ", id, ReportDiff.mark(ca), ReportDiff.mark(cb));
      String statement = ReportDiff.clause(id, a, b).map(Matrix.ClauseInfo::statement).orElse("");
      out.addAll(Text.hanging(head, Text.oneLine(statement), head.length(), PROSE));
      List<String> details = new ArrayList<>();
      ReportDiff.detail(a, ca, width + 2, PROSE, details);
      ReportDiff.detail(b, cb, width + 2, PROSE, details);
      out.addAll(details);
    }
  }

  /**
   * For each changed clause, the trace diff of the first of its scenarios whose trace differs
   * (a scenario already shown for another clause is named, not shown again), each cut to
   * {@link #MAX_TRACE_LINES} lines; a clause that runs on every scenario names none here.
   */
  private static void traces(List<String> changed, ReportDiff.Side a, ReportDiff.Side b, List<String> out) {
    Map<String, List<String>> shown = new LinkedHashMap<>();
    Map<String, List<String>> diffs = new LinkedHashMap<>();
    for (String id : changed) {
      List<String> scenarios = ReportDiff.clause(id, a, b).map(Matrix.ClauseInfo::scenarios).orElse(List.of());
      Optional<String> already = scenarios.stream().filter(shown::containsKey).findFirst();
      if (already.isPresent()) {
        shown.get(already.get()).add(id);
        continue;
      }
      for (String s : scenarios) {
        List<String> diff = diff(s, a, b);
        if (!diff.isEmpty()) {
          shown.put(s, new ArrayList<>(List.of(id)));
          diffs.put(s, diff);
          break;
        }
      }
    }
    if (shown.isEmpty()) {
      return;
    }
    out.add("");
    out.addAll(Text.wrapLines("A trace for each, where it differs: the changed lines and one line around them"
        + " ('irqlab diff " + a.label() + " " + b.label() + "' shows every trace in full).", PROSE));
    for (Map.Entry<String, List<String>> e : shown.entrySet()) {
      out.add("");
      out.addAll(Text.wrapLines(e.getKey() + " (" + String.join(", ", e.getValue()) + "):", PROSE));
      List<String> diff = diffs.get(e.getKey());
      if (diff.size() <= MAX_TRACE_LINES) {
        out.addAll(diff);
      } else {
        out.addAll(diff.subList(0, MAX_TRACE_LINES));
        out.add("[... " + Views.plural(diff.size() - MAX_TRACE_LINES, "more line") + "]");
      }
    }
  }

  /** The diff of scenario {@code s}'s traces; empty when they are alike or it ran on one side only. */
  private static List<String> diff(String s, ReportDiff.Side a, ReportDiff.Side b) {
    Optional<Trace> ta = a.column().trace(s);
    Optional<Trace> tb = b.column().trace(s);
    if (ta.isEmpty() || tb.isEmpty()) {
      return List.of();
    }
    List<String> la = ReportDiff.lines(ta.get());
    List<String> lb = ReportDiff.lines(tb.get());
    if (la.equals(lb) || ReportDiff.placesOnly(la, lb)) {
      return List.of();
    }
    return ReportDiff.unified(a.label(), b.label(), s, la, lb, CONTEXT);
  }

  /** The URLs the changed clauses cite and their cells' declared deviations link, once each, in order. */
  private static List<String> links(List<String> changed, ReportDiff.Side a, ReportDiff.Side b) {
    Set<String> out = new LinkedHashSet<>();
    for (String id : changed) {
      ReportDiff.clause(id, a, b).ifPresent(c -> c.sources().stream().map(Link::url).forEach(out::add));
      for (ReportDiff.Side s : List.of(a, b)) {
        s.column().cell(id).map(Cell::deviation).ifPresent(d -> out.add(d.url()));
      }
    }
    return out.stream().filter(u -> u != null && !u.isBlank()).toList();
  }
}
