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
      out.add(String.format(Locale.ROOT, "  %-" + width + "s  patch %s, parent %s", "revisions/" + s.id(), position, s.parent()));
    }
    out.add("each with these files:");
    String dir = "revisions/" + first + "/";
    made.get(0).created().forEach(f -> out.add("  " + f.substring(dir.length())));
    out.add("");
    out.addAll(NewRevisionCommand.added(merged(made, r)));
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
    out.add(n == 1 ? "       ./mvnw -B -q verify -pl " + all + " -am"
        : "       ./mvnw -B -q verify -am -pl \"$(echo " + all + " | tr ' ' ,)\"");
    out.add("");
    out.add("To remove them, delete their folders and the lines added above, e.g.:");
    out.add("  rm -r " + all);
    out.addAll(NewRevisionCommand.checkout(made.stream().flatMap(s -> s.added().stream()).toList()));
    return out;
  }

  /**
   * The insertions of every patch, those into one file that follow each other as one: {@code
   * revisions/pom.xml:29-31  <module>fix-{1..3}</module>}, as the shell would spell them.
   */
  static List<Insertion> merged(List<Scaffolded> made, NewSeries.Request r) {
    Map<String, List<Insertion>> byFile = new LinkedHashMap<>();
    made.forEach(s -> s.added().forEach(i -> byFile.computeIfAbsent(i.file(), f -> new ArrayList<>()).add(i)));
    List<Insertion> out = new ArrayList<>();
    for (List<Insertion> in : byFile.values()) {
      Insertion run = in.get(0);
      String what = run.what();
      for (int k = 2; k <= in.size(); k++) {
        Insertion i = in.get(k - 1);
        if (i.line() == run.line() + run.lines().size()) {
          List<String> lines = new ArrayList<>(run.lines());
          lines.addAll(i.lines());
          run = new Insertion(run.file(), run.line(), lines, what.replace(r.id(1), r.stem() + "-{1.." + k + "}"));
        } else {
          out.add(run);
          run = i;
          what = i.what();
        }
      }
      out.add(run);
    }
    return out;
  }
}
