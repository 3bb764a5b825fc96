package dev.irqlab.cli;

import dev.irqlab.conformance.report.Text;
import dev.irqlab.scaffold.Insertion;
import dev.irqlab.scaffold.Checkout;
import dev.irqlab.scaffold.NewRevision;
import dev.irqlab.scaffold.Placeholder;
import dev.irqlab.scaffold.ScaffoldException;
import dev.irqlab.scaffold.Scaffolded;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import dev.irqlab.spi.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code irqlab new-revision ID --from PARENT}: a new revision module, made from a parent. */
@Command(
    name = "new-revision",
    mixinStandardHelpOptions = true,
    description = {
      "Make revisions/ID, a copy of the revision PARENT in its own package, with the id ID,"
          + " the parent PARENT and the status proposal; add it to revisions/pom.xml and to the"
          + " poms that put every revision on their class path. It then builds, and runs the suite"
          + " exactly as its parent does, deviations included, until you change it.",
      "",
      "What PARENT says of itself does not describe the copy: its title, authors and summary, and"
          + " the Javadoc of its package and classes, become placeholders starting 'TODO:', which"
          + " the output lists file by file. Its declarations (deviations, missing features, era,"
          + " links) are kept.",
      "",
      "ID: lower-case letters and digits in words joined by single '.' or '-', starting with a"
          + " letter (e.g. proposal-report-errors, v6.18).",
      "",
      "Exit status: 0 when the module was made; 2 for a usage error (a taken or malformed id,"
          + " an unknown parent), and then nothing was written."
    })
final class NewRevisionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The new revision's id, also its folder under revisions/.")
  String id;

  @Option(names = "--from", required = true, paramLabel = "PARENT", description = "The revision to copy (see 'irqlab list').")
  String parent;

  @Option(names = "--title", paramLabel = "TEXT", description = "Its title. Default: a placeholder to replace.")
  String title;

  @Option(names = "--author", paramLabel = "NAME <MAIL>", description = "Its author; repeat for more. Default: a placeholder to replace.")
  List<String> authors = new ArrayList<>();

  @Option(names = "--status", paramLabel = "STATUS", defaultValue = "proposal",
      description = "proposal, merged, superseded or rejected. Default: ${DEFAULT-VALUE}.")
  String status;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Its date. Default: the parent's, so that the same command gives the same files.")
  String date;

  @Option(names = "--root", paramLabel = "DIR", description = "The repository. Default: the one ./irqlab runs from.")
  Path root;

  @Override
  public Integer call() {
    NewRevision.Request request = new NewRevision.Request(id, parent, title(), authors(), status(), date());
    Path repo = root();
    List<String> loaded = RevisionLoader.load().stream().map(LoadedRevision::id).toList();
    Scaffolded made;
    try {
      made = NewRevision.create(repo, request, loaded);
    } catch (ScaffoldException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    report(made).forEach(out::println);
    out.flush();
    return Main.OK;
  }

  /** The checkout: --root, else the one ./irqlab runs from, else the one the working directory is in. */
  private Path root() {
    String given = root != null ? root.toString() : System.getProperty(Checkout.ROOT_PROPERTY);
    return Checkout.find(given, Path.of("")).root();
  }

  private String title() {
    if (title != null && title.isBlank()) {
      throw new UsageException("--title is empty: give the new revision's title, or leave the option out for a placeholder");
    }
    return title;
  }

  private List<String> authors() {
    if (authors.stream().anyMatch(String::isBlank)) {
      throw new UsageException("--author is empty: give a name and mail, e.g. --author 'Ann Dev <ann@example.org>'");
    }
    return authors;
  }

  private Status status() {
    try {
      return Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown status '" + status + "': use proposal, merged, superseded or rejected");
    }
  }

  private LocalDate date() {
    try {
      return date == null ? null : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new UsageException("--date '" + date + "': expected a date as YYYY-MM-DD");
    }
  }

  /** What was made, the lines added, the next steps and how to undo it; within 80 columns. */
  static List<String> report(Scaffolded s) {
    String dir = "revisions/" + s.id();
    List<String> out = new ArrayList<>(Text.wrapLines("Created " + dir + ", a copy of revisions/" + s.parent() + ":", Text.WIDTH));
    s.created().forEach(f -> out.add("  " + f.substring(dir.length() + 1)));
    out.add("");
    out.add("Added these lines, and changed nothing else:");
    int width = s.added().stream().mapToInt(i -> i.file().length() + 1 + i.lineRange().length()).max().orElse(0);
    for (Insertion i : s.added()) {
      out.add(String.format(Locale.ROOT, "  %-" + width + "s  %s", i.file() + ":" + i.lineRange(), i.what()));
    }
    out.add("");
    out.add("Next steps:");
    step(out, "1.", "Say what the revision is: replace the placeholders (text starting "
        + Placeholder.MARK + ") that stand where " + s.parent() + " described itself, in " + dir + ":");
    for (Placeholder p : s.placeholders()) {
      out.addAll(Text.hanging("       " + p.file().substring(dir.length() + 1) + ":", p.what(), 9));
    }
    out.add("       (grep -rn '" + Placeholder.MARK + "' " + dir + " lists them).");
    step(out, "2.", "Make the change in src/main/java/IrqBypassManager.java, and its comments with it (they are "
        + s.parent() + "'s, kept so that every line stays where it was). The links and deviations in"
        + " Provider.java are " + s.parent() + "'s: keep those that still hold, and link to your patch."
        + " src/test/java/IrqBypassManagerTest.java tests the behaviour of " + s.parent()
        + ": it passes until you change that, then fails until you adapt it.");
    step(out, "3.", "See where it stands (./irqlab rebuilds first):");
    out.add("       ./irqlab matrix");
    out.add("       ./irqlab diff " + s.parent() + " " + s.id());
    step(out, "4.", "Run its own tests:");
    out.add("       ./mvnw -B -q verify -pl " + dir + " -am");
    out.add("");
    out.add("To remove it, delete " + dir + " and the lines added above, e.g.:");
    out.add("  rm -r " + dir);
    List<String> files = s.added().stream().map(Insertion::file).sorted().toList();
    String checkout = "  git checkout -- " + String.join(" ", files);
    if (checkout.length() <= Text.WIDTH) {
      out.add(checkout);
    } else {
      out.add("  git checkout -- \\");
      for (int i = 0; i < files.size(); i++) {
        out.add("      " + files.get(i) + (i < files.size() - 1 ? " \\" : ""));
      }
    }
    out.add("(the last command only if those files have no other change of yours).");
    return out;
  }

  private static void step(List<String> out, String number, String text) {
    out.addAll(Text.hanging("  " + number, text, 5));
  }
}
