package dev.irqlab.cli;

import dev.irqlab.conformance.report.Text;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.RevisionLoader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code irqlab list}: the revisions on the class path, in history order. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the revisions on the class path in history order, with where each was loaded from.",
      "",
      "The patches of a series are listed together under a line naming the series, its"
          + " number of patches and its cover letter's subject, each with its place in the"
          + " series (3/8). A revision that answers to other ids shows them: v6.17 (also v6.17-8)."
    })
final class ListCommand implements Callable<Integer> {
  /** The width of the ID column, and where the other columns start on a line of their own. */
  private static final int ID = 18;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<LoadedRevision> revisions = RevisionLoader.load();
    if (revisions.isEmpty()) {
      out.println("No revision modules are on the class path yet.");
      return Main.OK;
    }
    lines(revisions).forEach(out::println);
    return Main.OK;
  }

  /**
   * The listing of {@code revisions} (in history order): one entry each, but the patches of a
   * series together, in patch order, under its heading where its first patch comes.
   */
  static List<String> lines(List<LoadedRevision> revisions) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%-" + ID + "s %-10s %-10s %-16s %s", "ID", "DATE", "STATUS", "PARENT", "ERA"));
    List<PatchSeries> series = PatchSeries.all(revisions);
    Set<String> shown = new HashSet<>();
    for (LoadedRevision r : revisions) {
      if (r.info().series() == null) {
        entry(out, "", r, 4);
        continue;
      }
      PatchSeries s = series.stream().filter(x -> x.name().equals(r.info().series().name())).findFirst().orElseThrow();
      if (shown.add(s.name())) {
        out.addAll(Text.hanging("Series " + s.name() + ", " + patches(s) + ":", s.cover(), 4));
        for (LoadedRevision p : s.patches()) {
          String head = "  " + s.position(p) + " ";
          entry(out, head, p, head.length());
        }
      }
    }
    return out;
  }

  /** {@code 8 patches}, or {@code 8 patches, 3 here} when some are not on the class path. */
  private static String patches(PatchSeries s) {
    String n = s.of() + (s.of() == 1 ? " patch" : " patches");
    return s.whole() ? n : n + ", " + s.patches().size() + " here";
  }

  /** One revision: {@code head}, its id and aliases, its fields; its summary and source indented by {@code indent}. */
  private static void entry(List<String> out, String head, LoadedRevision r, int indent) {
    RevisionInfo i = r.info();
    String id = head + i.id() + (i.aliases().isEmpty() ? "" : " (also " + String.join(", ", i.aliases()) + ")");
    String fields = String.format(Locale.ROOT, "%-10s %-10s %-16s %s",
        i.date(), i.status().name().toLowerCase(Locale.ROOT), i.parent() == null ? "-" : i.parent(), i.defaultEra());
    if (id.length() <= ID) {
      out.add(String.format(Locale.ROOT, "%-" + ID + "s %s", id, fields));
    } else {
      out.add(id);
      out.add(" ".repeat(ID + 1) + fields);
    }
    Text.wrapLines(i.summary(), 78 - indent).forEach(l -> out.add(" ".repeat(indent) + l));
    out.add(" ".repeat(indent) + "from " + shortSource(r.source()));
  }

  /**
   * Where a revision came from, short enough for one line: a jar's file name ({@code
   * irqlab-revision-v6.17-0.1.0-SNAPSHOT.jar}), or a module's {@code <module>/target/classes}.
   */
  static String shortSource(String source) {
    String path = source.replaceFirst("^(jar:)?file:", "").replaceFirst("!/.*$", "").replaceAll("/+$", "");
    String[] parts = path.split("/");
    int n = parts.length;
    if (n >= 3 && parts[n - 1].equals("classes") && parts[n - 2].equals("target")) {
      return parts[n - 3] + "/target/classes";
    }
    return parts[n - 1];
  }
}
