package dev.irqlab.cli;

import dev.irqlab.conformance.report.Text;
import dev.irqlab.scaffold.Insertion;
import dev.irqlab.scaffold.Checkout;
import dev.irqlab.scaffold.NewRevision;
import dev.irqlab.scaffold.NewSeries;
import dev.irqlab.scaffold.Placeholder;
import dev.irqlab.scaffold.ScaffoldException;
import dev.irqlab.scaffold.Scaffolded;
import dev.irqlab.spi.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
      "With --series NAME:N, it lays out a patch series of N patches instead: revisions/ID-1"
          + " to revisions/ID-N, ID-1 a copy of PARENT and each next one a copy of the one before"
          + " it, whose parent it names; each says it is patch k/N of series NAME. --title is then"
          + " the subject of the cover letter, and each patch's title a placeholder. Module k is"
          + " to hold the code with patches 1 to k applied; 'irqlab matrix --series NAME' then"
          + " shows what each patch changes.",
      "",
      "Exit status: 0 when the module (or series) was made; 2 for a usage error (a taken or"
          + " malformed id or series name, an unknown parent), and then nothing was written."
    })
final class NewRevisionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The new revision's id, also its folder under revisions/.")
  String id;

  @Option(names = "--from", required = true, paramLabel = "PARENT", description = "The revision to copy (see 'irqlab list').")
  String parent;

  @Option(names = "--title", paramLabel = "TEXT",
      description = "Its title; with --series, the cover letter's subject. Default: a placeholder to replace.")
  String title;

  @Option(names = "--author", paramLabel = "NAME <MAIL>", description = "Its author; repeat for more. Default: a placeholder to replace.")
  List<String> authors = new ArrayList<>();

  @Option(names = "--status", paramLabel = "STATUS", defaultValue = "proposal",
      description = "proposal, merged, superseded or rejected. Default: ${DEFAULT-VALUE}.")
  String status;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Its date. Default: the parent's, so that the same command gives the same files.")
  String date;

  @Option(names = "--series", paramLabel = "NAME:N",
      description = "Make the N patches of series NAME: ID-1 to ID-N, each on the one before (see above).")
  String series;

  @Option(names = "--root", paramLabel = "DIR", description = "The repository. Default: the one ./irqlab runs from.")
  Path root;

  @Override
  public Integer call() {
    Revisions revisions = Revisions.load();
    String from = revisions.canonical(parent);
    Path repo = root();
    // An alias is an id too: a new module may take neither.
    List<String> loaded = revisions.all().stream()
        .flatMap(r -> Stream.concat(Stream.of(r.id()), r.info().aliases().stream())).toList();
    List<String> report;
    try {
      if (series == null) {
        report = report(NewRevision.create(repo, new NewRevision.Request(id, from, title(), authors(), status(), date()), loaded));
      } else {
        NewSeries.Request request = seriesRequest(from, revisions);
        report = SeriesReport.lines(request, NewSeries.create(repo, request, loaded));
      }
    } catch (ScaffoldException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    report.forEach(out::println);
    out.flush();
    return Main.OK;
  }

  /** What --series NAME:N asks for; a usage error when it is not that, or names a series on the class path. */
  private NewSeries.Request seriesRequest(String from, Revisions revisions) {
    Matcher m = Pattern.compile("(.+):([0-9]{1,9})").matcher(series);
    if (!m.matches()) {
      throw new UsageException("--series '" + series + "': expected NAME:N, the series' name and its number of patches"
          + " (e.g. --series " + id + ":3)");
    }
    String name = m.group(1);
    revisions.all().stream().filter(r -> r.info().series() != null && r.info().series().name().equals(name)).findFirst()
        .ifPresent(r -> {
          throw new UsageException("series '" + name + "' exists: revision " + r.id() + " on the class path is patch "
              + r.info().series().position() + " of it");
        });
    return new NewSeries.Request(id, from, name, Integer.parseInt(m.group(2)), title(), authors(), status(), date());
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
    out.addAll(added(s.added()));
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
    out.addAll(checkout(s.added()));
    return out;
  }

  /** The heading and a line per insertion: where, and what it adds, in one column. */
  static List<String> added(List<Insertion> added) {
    List<String> out = new ArrayList<>();
    out.add("Added these lines, and changed nothing else:");
    int width = added.stream().mapToInt(i -> i.file().length() + 1 + i.lineRange().length()).max().orElse(0);
    for (Insertion i : added) {
      out.addAll(Text.hanging(String.format(Locale.ROOT, "  %-" + width + "s  ", i.file() + ":" + i.lineRange()), i.what(), width + 4));
    }
    return out;
  }

  /** The git command that gives back the files the insertions went into, and when to run it. */
  static List<String> checkout(List<Insertion> added) {
    List<String> out = new ArrayList<>();
    List<String> files = added.stream().map(Insertion::file).distinct().sorted().toList();
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

  static void step(List<String> out, String number, String text) {
    out.addAll(Text.hanging("  " + number, text, 5));
  }
}
