package dev.irqlab.cli;

import dev.irqlab.conformance.report.Text;
import dev.irqlab.scaffold.Insertion;
import dev.irqlab.scaffold.NewSeries;
import dev.irqlab.scaffold.Placeholder;
import dev.irqlab.scaffold.Scaffolded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code new-revision ID --series NAME:N} made, the next steps and how to undo it; within 80 columns. */
final class SeriesReport {
  private SeriesReport() {}

  static List<String> lines(NewSeries.Request r, List<Scaffolded> made) {
    int n = made.size();
    String first = r.id(1);
    String last = r.id(n);
    String some = n == 1 ? first : first + " to " + last;
    String all = n == 1 ? "revisions/" + first : "revisions/" + r.stem() + "-{1.." + n + "}";
    List<String> out = new ArrayList<>(Text.wrapLines("Created series " + r.name() + ", " + n + (n == 1 ? " patch" : " patches")
        + " on " + r.parent() + ", each module a copy of the one before:", Text.WIDTH));
    int width = ("revisions/" + last).length();
    for (Scaffolded s : made) {
      String position = s.id().substring(r.stem().length() + 1) + "/" + n;
      String head = String.format(Locale.ROOT, "  %-" + width + "s  ", "revisions/" + s.id());
      out.addAll(Text.hanging(head, "patch " + position + " on " + s.parent(), head.length()));
    }
    out.add("each with these files:");
    String dir = "revisions/" + first + "/";
    made.get(0).created().forEach(f -> out.add("  " + f.substring(dir.length())));
    out.add("");
    out.addAll(NewRevisionCommand.added(merged(made)));
    out.add("");
    out.add("Next steps:");
    NewRevisionCommand.step(out, "1.", "Say what each patch is: replace the placeholders (text starting " + Placeholder.MARK
        + ") that stand where " + r.parent() + " described itself, in each module:");
    for (Placeholder p : made.get(0).placeholders()) {
      out.addAll(Text.hanging("       " + p.file().substring(dir.length()) + ":", p.what(), 9));
    }
    out.add("       (grep -rn '" + Placeholder.MARK + "' " + all + " lists them).");
    if (r.cover() == null) {
      out.addAll(Text.hanging("    ", "The cover letter's subject, in .series(...), is to be the same in every patch.", 5));
    }
    NewRevisionCommand.step(out, "2.", "Module k holds the code with patches 1 to k applied: make patch 1's change in"
        + " src/main/java/IrqBypassManager.java of " + some + ", patch 2's from " + r.id(Math.min(2, n)) + " on, and so on."
        + " The links and deviations in each Provider.java are " + r.parent() + "'s: keep those that still hold, and link"
        + " to your patch. Each src/test/java/IrqBypassManagerTest.java tests the behaviour of " + r.parent()
        + " until you adapt it.");
    NewRevisionCommand.step(out, "3.", "See what each patch changes (./irqlab rebuilds first):");
    out.add("       ./irqlab matrix --series " + r.name());
    out.add("       ./irqlab source-diff " + r.parent() + " " + first);
    NewRevisionCommand.step(out, "4.", "Run their own tests:");
    if (n == 1) {
      out.add("       ./mvnw -B -q verify -pl " + all + " -am");
    } else {
      out.add("       ./mvnw -B -q verify -am \\");
      out.add("           -pl \"$(echo " + all + " | tr ' ' ,)\"");
    }
    out.add("");
    out.add("To remove them, delete their folders and the lines added above, e.g.:");
    out.add("  rm -r " + all);
    out.addAll(NewRevisionCommand.checkout(made.stream().flatMap(s -> s.added().stream()).toList()));
    return out;
  }

  /**
   * The insertions of every patch, those into one file that follow each other as one: {@code
   * revisions/pom.xml:29-31  <module> for each patch}.
   */
  static List<Insertion> merged(List<Scaffolded> made) {
    Map<String, List<Insertion>> byFile = new LinkedHashMap<>();
    made.forEach(s -> s.added().forEach(i -> byFile.computeIfAbsent(i.file(), f -> new ArrayList<>()).add(i)));
    List<Insertion> out = new ArrayList<>();
    for (List<Insertion> in : byFile.values()) {
      int from = 0;
      for (int k = 1; k <= in.size(); k++) {
        Insertion previous = in.get(k - 1);
        if (k == in.size() || in.get(k).line() != previous.line() + previous.lines().size()) {
          out.add(run(in.subList(from, k), from + 1, made.size()));
          from = k;
        }
      }
    }
    return out;
  }

  /** Patches {@code first} on's insertions {@code run}, which follow each other, as one. */
  private static Insertion run(List<Insertion> run, int first, int patches) {
    Insertion i = run.get(0);
    if (run.size() == 1) {
      return i;
    }
    List<String> lines = run.stream().flatMap(r -> r.lines().stream()).toList();
    String tag = i.what().startsWith("<") ? i.what().substring(0, i.what().indexOf('>') + 1) : i.what();
    int last = first + run.size() - 1;
    return new Insertion(i.file(), i.line(), lines,
        tag + (run.size() == patches ? " for each patch" : " for patches " + first + " to " + last));
  }
}
