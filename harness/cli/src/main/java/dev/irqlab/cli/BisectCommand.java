package dev.irqlab.cli;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Clause;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.report.ReportDiff;
import dev.irqlab.conformance.report.Text;
import dev.irqlab.conformance.supervise.Supervisor;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Series;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code irqlab bisect GOOD BAD}: which revision on the chain between two changed a behaviour. */
@Command(
    name = "bisect",
    mixinStandardHelpOptions = true,
    description = {
      "Find the revision, on the chain of parents from GOOD to BAD, at which a behaviour changes:"
          + " a clause's grade (--clause; or the traces of its scenarios, where the grade is the same at"
          + " both ends), a scenario's trace (--scenario), or whether that trace has"
          + " a line a pattern finds (--scenario with --grep). As git bisect does, it runs the two"
          + " ends, then halves the chain until a revision and its parent differ: a few runs for a"
          + " long chain. It then shows that revision, what it says of itself, and the trace diff at"
          + " that step; for a patch of a series, its place in the series, commit and mail. With --all it"
          + " runs every revision and lists every change, for a behaviour"
          + " that changes more than once (or changes and changes back).",
      "",
      "Exit status: 0 when it ran, whatever it found; 2 for a usage error (GOOD is not an"
          + " ancestor of BAD, an unknown clause, a scenario that does not parse)."
    })
final class BisectCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GOOD", description = "The earlier revision (see 'irqlab list').")
  String good;

  @Parameters(index = "1", paramLabel = "BAD", description = "The later revision: GOOD is one of its ancestors.")
  String bad;

  /** What to watch: one of the two. */
  static final class Watch {
    @Option(names = "--clause", paramLabel = "ID", required = true, description = "The grade of this clause, such as REG-09; where the grade is the same at both ends, the traces of its scenarios.")
    String clause;

    @Option(names = "--scenario", paramLabel = "FILE", required = true,
        description = "The trace of the scenario in FILE (the text format of 'irqlab run'; - for the standard input).")
    Path scenario;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Watch watch;

  @Option(names = "--grep", paramLabel = "REGEX",
      description = "With --scenario: only whether a line of the trace matches REGEX (a Java regular expression).")
  String grep;

  @Option(names = "--all", description = "Run every revision of the chain and list every change.")
  boolean all;

  @Option(names = "--era", paramLabel = "ERA",
      description = "Run every revision with this era's drivers. Default: each with its own.")
  String era;

  @Mixin TimeLimit timeLimit;

  /**
   * What one revision showed: what is compared ({@code key}: the grade, the trace, whether a line
   * matches), what is shown of it, and the column it came from.
   */
  private record Seen(String key, String shown, Column column, String traces) {}

  @Override
  public Integer call() {
    if (watch == null) {
      throw new UsageException("bisect watches a clause or a scenario: give --clause ID or --scenario FILE");
    }
    Pattern pattern = pattern(grep);
    Revisions.era(era); // a wrong era is a usage error before anything runs
    Suite standard = Suite.standard();
    Suite suite;
    Clause clause = null;
    if (watch.clause != null) {
      clause = standard.clause(watch.clause.toUpperCase(Locale.ROOT)).orElseThrow(() -> new UsageException(
          "unknown clause '" + watch.clause + "': the clauses are "
              + String.join(", ", standard.clauses().stream().map(Clause::id).toList())));
      if (grep != null) {
        throw new UsageException("--grep reads a scenario's trace: use it with --scenario, not --clause");
      }
      suite = new Suite(standard.scenarios(), List.of(clause));
    } else {
      suite = new Suite(List.of(RunCommand.parse(watch.scenario)), List.of());
    }
    Revisions revisions = Revisions.load();
    revisions.byId(good);
    revisions.byId(bad);
    good = revisions.canonical(good);
    bad = revisions.canonical(bad);
    List<String> chain = RevisionGraph.of(revisions.all()).chain(good, bad);
    Map<String, Seen> seen = new HashMap<>();
    Clause watched = clause;
    try (Supervisor workers = timeLimit.supervisor()) {
      java.util.function.Function<String, Seen> run = id -> seen.computeIfAbsent(id, k -> {
        Matrix m = Revisions.run(suite, List.of(revisions.byId(k)), era, workers);
        Column c = m.columns().get(0);
        return seen(watched, pattern, c);
      });
      boolean traces = byTraces(watched, run.apply(chain.get(0)), run.apply(chain.get(chain.size() - 1)));
      java.util.function.Function<String, String> look = id -> traces ? run.apply(id).traces() : run.apply(id).key();
      if (all) {
        chain.forEach(look::apply);
      } else {
        bisect(chain, look);
      }
    }
    boolean byTraces = byTraces(watched, seen.get(chain.get(0)), seen.get(chain.get(chain.size() - 1)));
    if (byTraces) {
      Map<String, String> variant = new HashMap<>();
      for (String id : chain) {
        Seen x = seen.get(id);
        if (x != null) {
          String name = variant.computeIfAbsent(x.traces(),
              t -> variant.size() < 26 ? String.valueOf((char) ('A' + variant.size())) : String.valueOf(variant.size() + 1));
          seen.put(id, new Seen(x.traces(), x.shown() + ", traces " + name, x.column(), x.traces()));
        }
      }
    }
    List<String> out = new ArrayList<>();
    String what = watched != null ? watched.id() + (byTraces ? "'s traces (its grade is the same at both ends)" : "'s grade")
        : pattern != null ? "whether the trace of " + suite.scenarios().get(0).id() + " matches /" + grep + "/"
        : "the trace of " + suite.scenarios().get(0).id();
    out.addAll(Text.hanging("irqlab bisect", good + " " + bad + ": " + what, 4));
    out.add("");
    out.addAll(Text.hanging("Chain (" + chain.size() + " revisions):", String.join(" -> ", chain), 4));
    int width = chain.stream().mapToInt(String::length).max().orElse(8);
    for (String id : chain) {
      Seen s = seen.get(id);
      String head = String.format(Locale.ROOT, "  %-" + width + "s  ", id);
      out.addAll(Text.hanging(head, s == null ? "(not run)" : s.shown(), head.length()));
    }
    // A change between a revision and its parent is located; one between two runs further apart
    // (halving runs revisions on both sides of the one it finds) is only named.
    List<Integer> changes = new ArrayList<>();
    List<String> between = new ArrayList<>();
    String last = null;
    int lastAt = -1;
    for (int i = 0; i < chain.size(); i++) {
      Seen s = seen.get(chain.get(i));
      if (s == null) {
        continue;
      }
      if (last != null && !last.equals(s.key())) {
        if (lastAt == i - 1) {
          changes.add(i);
        } else {
          between.add(chain.get(lastAt) + " and " + chain.get(i));
        }
      }
      last = s.key();
      lastAt = i;
    }
    out.add("");
    if (changes.isEmpty()) {
      out.addAll(Text.wrapLines("No change: " + good + " and " + bad + " show the same." + (all ? ""
          : " A behaviour that changes and changes back shows only with --all, which runs every revision."), Text.WIDTH));
    } else {
      if (!all) {
        out.addAll(Text.wrapLines("Bisected in " + seen.size() + " runs of " + chain.size()
            + " revisions; a behaviour that changes more than once shows only with --all.", Text.WIDTH));
      } else {
        out.add(changes.size() == 1 ? "It changes once along the chain." : "It changes " + changes.size() + " times along the chain.");
      }
      for (int i : changes) {
        out.add("");
        step(chain.get(i - 1), chain.get(i), seen, revisions, watched, era, out);
      }
      if (!between.isEmpty()) {
        out.add("");
        out.addAll(Text.wrapLines("It also changes between " + String.join(" and between ", between)
            + ", which halving did not narrow down: --all finds where.", Text.WIDTH));
      }
    }
    PrintWriter pw = spec.commandLine().getOut();
    out.forEach(pw::println);
    pw.flush();
    return Main.OK;
  }

  /** A clause whose grade is the same at both ends is watched by the traces of its scenarios. */
  private static boolean byTraces(Clause clause, Seen first, Seen last) {
    return clause != null && first.key().equals(last.key()) && !first.traces().equals(last.traces());
  }

  /** Runs the ends, then halves the chain between a revision like the first and one unlike it. */
  private static void bisect(List<String> chain, java.util.function.Function<String, String> look) {
    int lo = 0;
    int hi = chain.size() - 1;
    String first = look.apply(chain.get(lo));
    if (first.equals(look.apply(chain.get(hi)))) {
      return;
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (look.apply(chain.get(mid)).equals(first)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
  }

  /** The revision at which it changed, what it says of itself, and the trace diff at that step. */
  private static void step(String parent, String id, Map<String, Seen> seen, Revisions revisions, Clause clause,
      String era, List<String> out) {
    Seen before = seen.get(parent);
    Seen after = seen.get(id);
    RevisionInfo info = revisions.byId(id).info();
    Series series = info.series();
    String which = series == null ? "Changed at " + id + ":"
        : "Changed at " + id + ", patch " + series.position() + " of " + series.name() + ":";
    out.addAll(Text.hanging(which, info.title() + " (" + info.status().name().toLowerCase(Locale.ROOT)
        + ", " + info.date() + ")", 4));
    out.addAll(Text.hanging("  " + parent + ":", before.shown(), 6));
    out.addAll(Text.hanging("  " + id + ":", after.shown(), 6));
    // A patch of a series: its commit and its mail, as the provider lists them first.
    for (Link l : info.links().subList(0, Math.min(series == null ? 1 : 2, info.links().size()))) {
      out.addAll(Text.hanging("  ", l.label(), 2));
      out.add(Text.url(l.url(), 4));
    }
    String eraBefore = revisions.byId(parent).info().defaultEra();
    if (era == null && !eraBefore.equals(info.defaultEra())) {
      out.addAll(Text.hanging("  Note:", "the drivers change at this step too (era " + eraBefore + " -> " + info.defaultEra()
          + "): run again with --era " + info.defaultEra() + " to tell the manager's change from theirs.", 4));
    }
    Optional<String> scenario = differing(clause, before.column(), after.column());
    if (scenario.isPresent()) {
      out.add("");
      out.addAll(ReportDiff.unified(parent, id, scenario.get(), before.column().trace(scenario.get()).orElseThrow(),
          after.column().trace(scenario.get()).orElseThrow()));
    }
  }

  /** The first scenario (of the clause's, or the one) whose trace differs between the two. */
  private static Optional<String> differing(Clause clause, Column a, Column b) {
    List<String> ids = clause != null && !clause.scenarios().isEmpty() ? clause.scenarios()
        : a.traces().stream().map(Trace::scenario).toList();
    for (String s : ids) {
      Optional<Trace> ta = a.trace(s);
      Optional<Trace> tb = b.trace(s);
      if (ta.isPresent() && tb.isPresent() && ReportDiff.differ(ta.get(), tb.get())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** What a revision shows: the clause's grade, the trace, or whether a line of it matches. */
  private static Seen seen(Clause clause, Pattern pattern, Column c) {
    if (clause != null) {
      Cell cell = c.cell(clause.id()).orElseThrow();
      // Each trace as diff compares it: the first line, which names the revision, left out.
      String traces = clause.scenarios().stream()
          .map(id -> c.trace(id).map(t -> String.join("\n", ReportDiff.lines(t))).orElse(""))
          .collect(java.util.stream.Collectors.joining("\n\n"));
      return new Seen(cell.grade().mark(), cell.grade().mark() + (cell.detail().isEmpty() ? "" : ": " + Text.oneLine(cell.detail())), c,
          traces);
    }
    Trace t = c.traces().get(0);
    List<String> lines = t.lines().subList(1, t.lines().size());
    if (pattern == null) {
      return new Seen(String.join("\n", lines), "a trace of " + lines.size() + " lines", c, "");
    }
    List<String> hits = lines.stream().filter(l -> pattern.matcher(l).find()).toList();
    return hits.isEmpty() ? new Seen("no", "no line matches", c, "")
        : new Seen("yes", "matches: " + hits.get(0).strip() + (hits.size() > 1 ? " (and " + (hits.size() - 1) + " more)" : ""), c, "");
  }

  private static Pattern pattern(String grep) {
    if (grep == null) {
      return null;
    }
    try {
      return Pattern.compile(grep);
    } catch (PatternSyntaxException e) {
      throw new UsageException("--grep '" + grep + "': not a regular expression: " + e.getDescription());
    }
  }
}
