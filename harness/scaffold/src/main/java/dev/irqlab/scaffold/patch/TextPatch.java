package dev.irqlab.scaffold.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The patch as plain text for a mail: a header, a table of the members that differ by file and
 * class, the list of them (code changes first, comments only after), a diffstat, then the
 * unified diff of each member in the same order. Lines outside the diffs fit 80 columns.
 */
final class TextPatch {
  static final int WIDTH = 80;
  private static final String[] COUNTED = {"added", "removed", "changed", "comments"};

  private TextPatch() {}

  static String render(SourceDiff d) {
    List<String> out = new ArrayList<>();
    out.add("source-diff " + d.from() + ".." + d.to());
    out.add("");
    if (d.isEmpty()) {
      out.add("No member differs: the two have the same code and comments (package names,");
      out.add("class names and layout aside).");
      return String.join("\n", out) + "\n";
    }
    table(d, out);
    list("Code changes:", d, c -> c.change().isCode(), out);
    list("Comments only (the code is the same):", d, c -> !c.change().isCode(), out);
    out.add("");
    out.addAll(Diffstat.of(d.files(), WIDTH));
    diffs(d, c -> c.change().isCode(), out);
    diffs(d, c -> !c.change().isCode(), out);
    return String.join("\n", out) + "\n";
  }

  /** How many members of each file and top-level class are added, removed, changed, differ in comments only. */
  private static void table(SourceDiff d, List<String> out) {
    Map<List<String>, int[]> rows = new LinkedHashMap<>();
    for (FileDiff f : d.files()) {
      for (MemberChange c : f.changes()) {
        rows.computeIfAbsent(List.of(f.path(), c.topClass().isEmpty() ? "(file)" : c.topClass()), k -> new int[COUNTED.length])
            [c.change().ordinal()]++;
      }
    }
    int fileWidth = "File".length();
    int classWidth = "Class".length();
    for (List<String> key : rows.keySet()) {
      fileWidth = Math.max(fileWidth, key.get(0).length());
      classWidth = Math.max(classWidth, key.get(1).length());
    }
    String format = "%-" + fileWidth + "s  %-" + classWidth + "s" + "  %8s".repeat(COUNTED.length);
    out.add(String.format(Locale.ROOT, format, "File", "Class", COUNTED[0], COUNTED[1], COUNTED[2], COUNTED[3]).stripTrailing());
    String last = null;
    for (Map.Entry<List<String>, int[]> row : rows.entrySet()) {
      String file = row.getKey().get(0).equals(last) ? "" : row.getKey().get(0);
      last = row.getKey().get(0);
      int[] n = row.getValue();
      out.add(String.format(Locale.ROOT, format, file, row.getKey().get(1), n[0], n[1], n[2], n[3]));
    }
  }

  /** The members {@code which} picks, one a line under {@code title}, or nothing if there is none. */
  private static void list(String title, SourceDiff d, Predicate<MemberChange> which, List<String> out) {
    List<String> lines = new ArrayList<>();
    for (FileDiff f : d.files()) {
      for (MemberChange c : f.changes()) {
        if (which.test(c)) {
          String head = String.format(Locale.ROOT, "  %-8s ", c.change().id());
          lines.addAll(fit(head, name(f, c)));
        }
      }
    }
    if (!lines.isEmpty()) {
      out.add("");
      out.add(title);
      out.addAll(lines);
    }
  }

  /** A member as the list names it: with its kind for a class, its file for the package and imports. */
  private static String name(FileDiff f, MemberChange c) {
    if (c.topClass().isEmpty()) {
      return c.label() + " of " + f.path();
    }
    return c.kind().isType() ? c.kind().id() + " " + c.label() : c.label();
  }

  /** {@code head} then {@code text}, broken after a comma where it would pass {@link #WIDTH}. */
  static List<String> fit(String head, String text) {
    List<String> out = new ArrayList<>();
    String pad = " ".repeat(head.length() + 2);
    String line = head;
    String rest = text;
    while (line.length() + rest.length() > WIDTH) {
      int cut = rest.lastIndexOf(", ", WIDTH - line.length() - 1);
      if (cut <= 0) {
        break;
      }
      out.add(line + rest.substring(0, cut + 1));
      line = pad;
      rest = rest.substring(cut + 2);
    }
    out.add(line + rest);
    return out;
  }

  /** The diffs of the members {@code which} picks, under a {@code ---}/{@code +++} header for each file. */
  private static void diffs(SourceDiff d, Predicate<MemberChange> which, List<String> out) {
    for (FileDiff f : d.files()) {
      List<MemberChange> picked = f.changes().stream().filter(which).toList();
      if (picked.isEmpty()) {
        continue;
      }
      out.add("");
      out.add("--- " + (f.status() == FileDiff.Status.ADDED ? "/dev/null" : d.from() + "/" + f.path()));
      out.add("+++ " + (f.status() == FileDiff.Status.REMOVED ? "/dev/null" : d.to() + "/" + f.path()));
      picked.forEach(c -> out.addAll(c.diff()));
    }
  }
}
