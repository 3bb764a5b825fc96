package dev.irqlab.cli;

import dev.irqlab.conformance.report.Text;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.RevisionLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code irqlab list}: the revisions on the class path, in history order. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the revisions on the class path in history order, with where each was loaded from.")
final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<LoadedRevision> revisions = RevisionLoader.load();
    if (revisions.isEmpty()) {
      out.println("No revision modules are on the class path yet.");
      return Main.OK;
    }
    out.println(String.format(Locale.ROOT, "%-18s %-10s %-10s %-16s %s", "ID", "DATE", "STATUS", "PARENT", "ERA"));
    for (LoadedRevision r : revisions) {
      RevisionInfo i = r.info();
      String fields = String.format(Locale.ROOT, "%-10s %-10s %-16s %s",
          i.date(), i.status().name().toLowerCase(Locale.ROOT), i.parent() == null ? "-" : i.parent(), i.defaultEra());
      out.println(i.id().length() <= 18 ? String.format(Locale.ROOT, "%-18s %s", i.id(), fields) : i.id() + "\n" + " ".repeat(19) + fields);
      out.println(Text.indent(Text.wrap(i.summary(), 74), 4));
      out.println("    from " + shortSource(r.source()));
    }
    return Main.OK;
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
