package dev.irqlab.conformance.fuzz;

import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.Step;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.report.AtomicFile;
import dev.irqlab.conformance.report.ReportDiff;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.conformance.report.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fuzzing run for people: the summary as text (80 columns, for a mail), markdown or JSON
 * ({@value #SCHEMA}), and per finding a {@code .irq} file of its minimal scenario, whose comment
 * says what differs and whose step where it shows is labelled {@code here:}, with the diff of its
 * two traces (or its trace, for one revision) beside it.
 */
public final class FuzzReport {
  /** The JSON schema. */
  public static final String SCHEMA = "irqlab-fuzz/1";
  /** The label of the step a finding shows in. */
  public static final String HERE = "here";

  private final FuzzResult result;
  private final List<Entry> entries = new ArrayList<>();

  /** One finding, as the report writes it. */
  private record Entry(int number, FuzzResult.Finding finding, String file, Scenario scenario) {}

  public FuzzReport(FuzzResult result) {
    this.result = result;
    int n = 0;
    for (FuzzResult.Finding f : result.findings()) {
      n++;
      String file = String.format(Locale.ROOT, "%02d-%s", n, slug(f.signature()));
      entries.add(new Entry(n, f, file, labelled(f, "fuzz-" + file)));
    }
  }

  public FuzzResult result() {
    return result;
  }

  /** {@code register-producer-returns-ebusy-einval}: a signature as a file name. */
  static String slug(String signature) {
    String s = signature.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.length() <= 40 ? s : s.substring(0, 40).replaceAll("-[^-]*$", "");
  }

  /** The minimal scenario with its id, its signature as title, and the step it shows in labelled. */
  private static Scenario labelled(FuzzResult.Finding f, String id) {
    int at = f.shown() == null ? -1 : f.shown().step();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < f.minimal().steps().size(); i++) {
      Step s = f.minimal().steps().get(i);
      steps.add(new Step(i + 1, i == at ? HERE : null, s.op(), List.of()));
    }
    return new Scenario(id, f.signature(), "fuzz:" + id, steps, f.minimal().host());
  }

  private boolean two() {
    return result.b() != null;
  }

  // ------------------------------------------------------------------ files

  /** Writes each finding's {@code .irq} file and its {@code .diff} (or {@code .trace}) into {@code dir}. */
  public void write(Path dir) {
    for (Entry e : entries) {
      AtomicFile.write(dir.resolve(e.file() + ".irq"), irq(e));
      if (two()) {
        AtomicFile.write(dir.resolve(e.file() + ".diff"), lines(diff(e)));
      } else if (e.finding().traceA() != null) {
        AtomicFile.write(dir.resolve(e.file() + ".trace"), lines(Text.fold(e.finding().traceA().lines(), Text.WIDTH)));
      }
    }
  }

  /** The files {@link #write} writes, by name. */
  public List<String> files() {
    List<String> out = new ArrayList<>();
    for (Entry e : entries) {
      out.add(e.file() + ".irq");
      out.add(e.file() + (two() ? ".diff" : ".trace"));
    }
    return out;
  }

  private String irq(Entry e) {
    FuzzResult.Finding f = e.finding();
    List<String> out = new ArrayList<>();
    out.add(command() + ": finding " + e.number() + " of " + entries.size());
    out.addAll(Text.wrapLines(f.signature(), Text.WIDTH - 2));
    out.addAll(shown(f, "  ", Text.WIDTH - 2));
    out.addAll(Text.wrapLines(String.format(Locale.ROOT, "Found in %d of %d scenarios; shrunk from %d operations to %d%s.", f.count(),
        result.scenarios(), f.first().steps().size(), f.minimal().steps().size(),
        f.oneMinimal() ? "" : " (shrinking ran out of time: it may not be minimal)"), Text.WIDTH - 2));
    out.add("To run it:");
    for (String side : two() ? List.of(result.a(), result.b()) : List.of(result.a())) {
      String run = "  ./irqlab run " + e.file() + ".irq --revision " + id(side);
      if (run.length() > Text.WIDTH - 2) {
        out.add("  ./irqlab run " + e.file() + ".irq \\");
        out.add("      --revision " + id(side));
      } else {
        out.add(run);
      }
    }
    StringBuilder text = new StringBuilder();
    out.forEach(l -> text.append(("# " + l).stripTrailing()).append('\n'));
    return text + e.scenario().text();
  }

  /** {@code v6.16}: the revision of a side's label. */
  private static String id(String label) {
    int sp = label.indexOf(' ');
    return sp < 0 ? label : label.substring(0, sp);
  }

  private List<String> diff(Entry e) {
    FuzzResult.Finding f = e.finding();
    if (f.traceA() == null || f.traceB() == null) {
      return List.of();
    }
    return ReportDiff.unified(id(result.a()), id(result.b()), e.file(), f.traceA(), f.traceB());
  }

  /** What each side did, a line each: {@code v6.16: -EBUSY}, within {@code width} columns. */
  private List<String> shown(FuzzResult.Finding f, String indent, int width) {
    List<String> out = new ArrayList<>();
    if (f.shown() == null) {
      return out;
    }
    if (!two()) {
      Text.hanging(indent, brief(f.shown().a()), indent.length() + 2, width).forEach(out::add);
      return out;
    }
    String la = id(result.a()) + ": ";
    String lb = id(result.b()) + ": ";
    int w = Math.max(la.length(), lb.length());
    Text.hanging(indent + pad(la, w), brief(f.shown().a()), indent.length() + w, width).forEach(out::add);
    Text.hanging(indent + pad(lb, w), brief(f.shown().b()), indent.length() + w, width).forEach(out::add);
    return out;
  }

  /**
   * A side's {@code ; }-separated account, short: the same item in a row once, with how many
   * times; the first {@value #ITEMS} items, and how many more.
   */
  static String brief(String account) {
    if (account == null) {
      return "-";
    }
    List<String> items = new ArrayList<>();
    String[] all = account.split("; ");
    for (int i = 0; i < all.length; ) {
      int j = i;
      while (j < all.length && all[j].equals(all[i])) {
        j++;
      }
      items.add(j - i == 1 ? all[i] : all[i] + " (" + (j - i) + " times)");
      i = j;
    }
    if (items.size() <= ITEMS) {
      return String.join("; ", items);
    }
    return String.join("; ", items.subList(0, ITEMS)) + "; and " + (items.size() - ITEMS) + " more";
  }

  private static final int ITEMS = 3;

  private static String pad(String s, int w) {
    return s + " ".repeat(w - s.length());
  }

  /** The command that finds these again: the host its scenarios ran on, when not the default, as {@code --host}. */
  private String command() {
    String host = result.findings().isEmpty() ? "" : result.findings().get(0).minimal().host().describe();
    return "irqlab fuzz " + id(result.a()) + (two() ? " " + id(result.b()) : "") + " --seed " + result.seed()
        + (host.isEmpty() ? "" : " --host " + host.replace(' ', ','));
  }

  private static String lines(List<String> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }

  // ------------------------------------------------------------------ summary

  /**
   * The summary as text, within 80 columns: a line per finding, under the kind of behaviour it is,
   * then the first {@code details} findings with what each side did and their minimal scenario.
   * {@code dir} is where the files went, or null.
   */
  public String text(Path dir, int details) {
    List<String> out = new ArrayList<>();
    out.add(heading());
    Text.hanging("  ", figures(), 2).forEach(out::add);
    out.add("");
    if (entries.isEmpty()) {
      out.add(two() ? "No difference found." : "Nothing found.");
      return lines(out);
    }
    out.addAll(Text.wrapLines(found() + (dir == null ? ":" : ", written to " + dir + "/:"), Text.WIDTH));
    Difference.Aspect aspect = null;
    for (Entry e : entries) {
      FuzzResult.Finding f = e.finding();
      if (f.shown() != null && f.shown().aspect() != aspect) {
        aspect = f.shown().aspect();
        out.add("");
        out.add(heading(aspect));
      }
      String count = String.format(Locale.ROOT, "%,d", f.count());
      Text.hanging(String.format(Locale.ROOT, "%4d  ", e.number()), f.signature() + " (" + count + "x, "
          + f.minimal().steps().size() + " ops" + (f.oneMinimal() ? "" : ", not fully shrunk") + ")", 6).forEach(out::add);
    }
    int shown = Math.min(details, entries.size());
    if (shown > 0) {
      out.add("");
      out.addAll(Text.wrapLines(shown == entries.size() ? "Each of them in full:"
          : (shown == 1 ? "The first" : "The first " + shown) + " in full (every finding is in the files):", Text.WIDTH));
    }
    for (Entry e : entries.subList(0, shown)) {
      FuzzResult.Finding f = e.finding();
      out.add("");
      Text.hanging(String.format(Locale.ROOT, "%2d  ", e.number()), f.signature(), 4).forEach(out::add);
      out.addAll(Text.hanging("    ", String.format(Locale.ROOT, "in %d scenario%s; %s: %d operation%s, %s.irq", f.count(),
          f.count() == 1 ? "" : "s", f.oneMinimal() ? "minimal" : "shrunk (not to the end: time ran out)", f.minimal().steps().size(),
          f.minimal().steps().size() == 1 ? "" : "s", e.file()), 4));
      shown(f, "      ", Text.WIDTH).forEach(out::add);
      for (Step s : e.scenario().steps()) {
        out.add("      | " + s.text());
      }
    }
    return lines(out);
  }

  private static String heading(Difference.Aspect aspect) {
    return switch (aspect) {
      case FAULT -> "Kernel reports, tasks that died, interrupts lost, leaks:";
      case RETURN -> "Return codes:";
      case CALLBACKS -> "Callbacks:";
      case REGISTRY -> "The registry, the connections, the module refcount:";
      case INTERRUPTS -> "Where interrupts went:";
      case SYSTEM_CALLS -> "System calls:";
      case LOG -> "The kernel log:";
    };
  }

  /** How many findings shrinking ran out of time for. */
  private long notMinimal() {
    return result.findings().stream().filter(f -> !f.oneMinimal()).count();
  }

  private String heading() {
    return "irqlab fuzz: " + (two() ? result.a() + " against " + result.b() : result.a()) + ", seed " + result.seed();
  }

  private String found() {
    int n = entries.size();
    long cut = notMinimal();
    String shrunk = cut == 0 ? ", each shrunk to a minimal scenario" : ", each shrunk, " + cut + " not to the end";
    return n + (two() ? " difference" : " finding") + (n == 1 ? "" : "s") + shrunk;
  }

  private String figures() {
    double seconds = result.searchMillis() / 1000.0;
    long perMinute = result.searchMillis() == 0 ? 0 : Math.round(result.runs() * 60_000.0 / result.searchMillis());
    long cut = notMinimal();
    return String.format(Locale.ROOT, "%,d scenarios, %,d runs in %.1f s (%,d runs a minute)%s; shrinking: %,d runs in %.1f s.",
        result.scenarios(), result.runs(), seconds, perMinute,
        result.setAside() == 0 ? "" : String.format(Locale.ROOT, "; %,d set aside, their caller broke the manager's rules", result.setAside()),
        result.shrinkRuns(), result.shrinkMillis() / 1000.0)
        + (cut == 0 ? "" : String.format(Locale.ROOT, " Shrinking ran out of time for %d finding%s.", cut, cut == 1 ? "" : "s"));
  }

  /** The summary as markdown. */
  public String markdown(Path dir) {
    List<String> out = new ArrayList<>();
    out.add("## " + heading());
    out.add("");
    out.add(figures());
    out.add("");
    if (entries.isEmpty()) {
      out.add(two() ? "No difference found." : "Nothing found.");
      return lines(out);
    }
    out.add(found() + (dir == null ? "." : ", written to `" + dir + "/`."));
    for (Entry e : entries) {
      FuzzResult.Finding f = e.finding();
      out.add("");
      out.add("### " + e.number() + ". " + f.signature());
      out.add("");
      out.add(String.format(Locale.ROOT, "In %d scenarios; %s: %d operations, `%s.irq`.", f.count(),
          f.oneMinimal() ? "minimal" : "shrunk (not to the end: time ran out)", f.minimal().steps().size(), e.file()));
      if (f.shown() != null) {
        out.add("");
        out.add("| revision | what it did |");
        out.add("|---|---|");
        out.add("| " + id(result.a()) + " | `" + brief(f.shown().a()).replace("|", "\\|") + "` |");
        if (two()) {
          out.add("| " + id(result.b()) + " | `" + brief(f.shown().b()).replace("|", "\\|") + "` |");
        }
      }
      out.add("");
      out.add("```");
      e.scenario().steps().forEach(s -> out.add(s.text()));
      out.add("```");
    }
    return lines(out);
  }

  /** The summary as JSON ({@value #SCHEMA}). */
  public String json() {
    List<Json.Finding> findings = new ArrayList<>();
    for (Entry e : entries) {
      FuzzResult.Finding f = e.finding();
      findings.add(new Json.Finding(e.number(), f.signature(), f.count(), f.index(), f.shown() == null ? -1 : f.shown().step() + 1,
          f.shown() == null ? null : f.shown().a(), f.shown() == null ? null : f.shown().b(), f.first().steps().size(),
          f.minimal().steps().size(), f.oneMinimal(), e.scenario().text(), e.file() + ".irq", outcome(f.traceA()), outcome(f.traceB())));
    }
    return Reports.toJson(new Json(SCHEMA, result.a(), result.b(), result.seed(), result.scenarios(), result.runs(), result.setAside(),
        result.searchMillis(), result.shrinkRuns(), result.shrinkMillis(), findings));
  }

  private static String outcome(Trace t) {
    return t == null ? null : Compare.outcomeWord(t.outcome());
  }

  /**
   * The JSON document.
   *
   * @param schema {@value #SCHEMA}
   * @param a the revision fuzzed
   * @param b the one compared with, or null
   * @param seed the seed
   * @param scenarios scenarios generated
   * @param runs runs while searching
   * @param setAside scenarios set aside
   * @param searchMillis time searching
   * @param shrinkRuns runs while shrinking
   * @param shrinkMillis time shrinking
   * @param findings the findings
   */
  public record Json(String schema, String a, String b, long seed, long scenarios, long runs, long setAside, long searchMillis,
      long shrinkRuns, long shrinkMillis, List<Finding> findings) {

    /**
     * One finding.
     *
     * @param number its number in the report, from 1
     * @param signature what differs and where
     * @param count scenarios that showed it
     * @param firstScenario the number of the first (from 0)
     * @param step the step of the minimal scenario it shows in (from 1), or -1 for after the steps
     * @param a what A did there
     * @param b what B did there, or null
     * @param generatedOperations operations of the first scenario
     * @param operations operations of the minimal scenario
     * @param minimal false when shrinking ran out of time before no operation could go
     * @param scenario the minimal scenario in the text format
     * @param file its file
     * @param outcomeA how its run on A ended
     * @param outcomeB how its run on B ended, or null
     */
    public record Finding(int number, String signature, long count, long firstScenario, int step, String a, String b,
        int generatedOperations, int operations, boolean minimal, String scenario, String file, String outcomeA,
        String outcomeB) {}
  }
}
