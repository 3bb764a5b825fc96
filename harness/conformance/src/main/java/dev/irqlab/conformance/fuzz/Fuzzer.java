package dev.irqlab.conformance.fuzz;

import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.Workers;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.HostSettings;
import dev.irqlab.spi.LoadedRevision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Differential fuzzing, as syzkaller and QuickCheck do it: random scenarios ({@link Generator}) run
 * on revision A and on revision B, each with its drivers, and every way their traces differ
 * ({@link Compare}) is a finding, grouped by signature; the first scenario of each finding is then
 * shrunk ({@link Shrinker}) to a minimal one that still shows it, the most serious kinds first
 * ({@link Difference.Aspect}), then the most often seen. With no B, a finding is what A
 * does that no kernel may: a report, a task that died, an interrupt lost, a leak.
 *
 * <p>A scenario whose caller broke the manager's rules on either side ({@link CallerRules}) shows
 * nothing about the manager and is set aside. Runs go to {@link Workers} in batches, so a
 * supervised worker JVM stops a run that hangs, and the hang is a finding like any other.
 */
public final class Fuzzer {
  /** How many scenarios go to the workers at once. */
  static final int BATCH = 256;

  /**
   * One side: a revision and the drivers it runs with.
   *
   * @param revision the revision
   * @param era its drivers
   */
  public record Side(LoadedRevision revision, DriverEra era) {
    public Side {
      Objects.requireNonNull(revision, "revision");
      Objects.requireNonNull(era, "era");
    }

    /** {@code v6.16}, or {@code v6.16 (v6.17 drivers)} when it runs with another era's. */
    public String label() {
      String id = revision.info().id();
      return era.id().equals(revision.info().defaultEra()) ? id : id + " (" + era.id() + " drivers)";
    }
  }

  /**
   * How long to search: a number of scenarios, a time, or both (whichever ends first).
   *
   * @param runs the most scenarios to generate, or 0 for no limit
   * @param millis the most time to search, or 0 for no limit
   */
  public record Budget(long runs, long millis) {
    public Budget {
      if (runs < 0 || millis < 0 || (runs == 0 && millis == 0)) {
        throw new IllegalArgumentException("a budget of runs or time: " + runs + " runs, " + millis + " ms");
      }
    }
  }

  /** What a fuzzing run reports as it goes. */
  public interface Progress {
    /**
     * @param scenarios scenarios generated so far
     * @param findings findings so far
     * @param elapsedMillis time since the search began
     */
    void searched(long scenarios, int findings, long elapsedMillis);

    /** Shrinking finding {@code n} of {@code of}. */
    void shrinking(int n, int of);

    Progress NONE = new Progress() {
      @Override
      public void searched(long scenarios, int findings, long elapsedMillis) {}

      @Override
      public void shrinking(int n, int of) {}
    };
  }

  private final Side a;
  private final Side b;
  private final Workers workers;
  private final LongSupplier clock;
  private boolean callerRules = true;
  private HostSettings host = HostSettings.defaults();

  /**
   * @param a the revision fuzzed
   * @param b the one it is compared with, or null to look for faults of A alone
   * @param workers where the scenarios run
   * @param clock milliseconds, for the time budget
   */
  public Fuzzer(Side a, Side b, Workers workers, LongSupplier clock) {
    this.a = Objects.requireNonNull(a, "a");
    this.b = b;
    this.workers = Objects.requireNonNull(workers, "workers");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Reads every scenario, also those whose caller broke the manager's rules: for a comparison in
   * which both sides are the same revision, where whatever differs is a change to the code,
   * whoever called it.
   */
  public Fuzzer anyCaller() {
    callerRules = false;
    return this;
  }

  /** Runs every scenario on {@code settings}, as a {@code host} line would (the default host otherwise). */
  public Fuzzer on(HostSettings settings) {
    host = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** The seed of scenario {@code index} of a run seeded {@code seed}. */
  static long scenarioSeed(long seed, long index) {
    return new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L)).nextLong();
  }

  /** Searches within {@code budget}, then shrinks the first scenario of every finding. */
  public FuzzResult run(long seed, Budget budget, Progress progress) {
    return run(seed, budget, progress, signature -> true);
  }

  /**
   * Searches within {@code budget}, then shrinks the first scenario of every finding whose
   * signature {@code only} accepts; the others are not reported.
   */
  public FuzzResult run(long seed, Budget budget, Progress progress, Predicate<String> only) {
    long start = clock.getAsLong();
    Map<String, Found> found = new LinkedHashMap<>();
    long scenarios = 0;
    long runs = 0;
    long setAside = 0;
    while (true) {
      long elapsed = clock.getAsLong() - start;
      long left = budget.runs() == 0 ? BATCH : Math.min(BATCH, budget.runs() - scenarios);
      if (left <= 0 || (budget.millis() > 0 && elapsed >= budget.millis())) {
        break;
      }
      List<Scenario> batch = new ArrayList<>();
      for (int i = 0; i < left; i++) {
        batch.add(Generator.scenario(scenarioSeed(seed, scenarios + i)).withHost(host));
      }
      List<Outcome> outcomes = runAll(batch);
      runs += (long) batch.size() * sides();
      for (int i = 0; i < batch.size(); i++) {
        Outcome o = outcomes.get(i);
        if (o == null) {
          setAside++;
          continue;
        }
        Scenario s = batch.get(i);
        long index = scenarios + i;
        o.differences().stream().filter(d -> only.test(d.signature())).filter(distinct(new HashSet<>()))
            .forEach(d -> found.computeIfAbsent(d.signature(), x -> new Found(s, index, d.aspect())).count++);
      }
      scenarios += batch.size();
      progress.searched(scenarios, found.size(), clock.getAsLong() - start);
    }
    long searchMillis = clock.getAsLong() - start;
    List<FuzzResult.Finding> findings = new ArrayList<>();
    int n = 0;
    long shrinkRuns = 0;
    List<Map.Entry<String, Found>> ordered = new ArrayList<>(found.entrySet());
    ordered.sort(Comparator.comparing((Map.Entry<String, Found> e) -> e.getValue().aspect)
        .thenComparing(e -> -e.getValue().count).thenComparing(e -> e.getValue().index));
    // With a time budget, shrinking may take as long again as the search, and no longer.
    long shrinkEnd = budget.millis() > 0 ? clock.getAsLong() + budget.millis() : Long.MAX_VALUE;
    for (Map.Entry<String, Found> e : ordered) {
      progress.shrinking(++n, found.size());
      String signature = e.getKey();
      Found f = e.getValue();
      Shrinker shrinker = new Shrinker(candidates -> holds(candidates, signature), () -> clock.getAsLong() >= shrinkEnd);
      Scenario small = shrinker.shrink(f.first);
      shrinkRuns += (long) shrinker.tested() * sides();
      Outcome o = runAll(List.of(small)).get(0);
      Difference shown = o == null ? null
          : o.differences().stream().filter(d -> d.signature().equals(signature)).findFirst().orElse(null);
      findings.add(new FuzzResult.Finding(signature, f.count, f.index, f.first, small, !shrinker.stopped(), shown,
          o == null ? null : o.a(), o == null ? null : o.b()));
    }
    long totalMillis = clock.getAsLong() - start;
    return new FuzzResult(a.label(), b == null ? null : b.label(), seed, scenarios, runs, setAside, searchMillis,
        shrinkRuns, totalMillis - searchMillis, findings);
  }

  private int sides() {
    return b == null ? 1 : 2;
  }

  /** Whether each candidate still shows {@code signature}. */
  private List<Boolean> holds(List<Scenario> candidates, String signature) {
    List<Outcome> outcomes = runAll(candidates);
    List<Boolean> out = new ArrayList<>();
    for (Outcome o : outcomes) {
      out.add(o != null && o.differences().stream().anyMatch(d -> d.signature().equals(signature)));
    }
    return out;
  }

  /** What a scenario showed: its traces and differences; null when its caller broke the rules. */
  private record Outcome(Trace a, Trace b, List<Difference> differences) {}

  private List<Outcome> runAll(List<Scenario> scenarios) {
    List<Workers.Job> jobs = new ArrayList<>();
    for (Scenario s : scenarios) {
      jobs.add(new Workers.Job(s, a.revision(), a.era()));
      if (b != null) {
        jobs.add(new Workers.Job(s, b.revision(), b.era()));
      }
    }
    List<Trace> traces = workers.run(jobs);
    List<Outcome> out = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      Trace ta = traces.get(i * sides());
      Trace tb = b == null ? null : traces.get(i * sides() + 1);
      if (callerRules && (CallerRules.broken(s, ta) >= 0 || (tb != null && CallerRules.broken(s, tb) >= 0))) {
        out.add(null);
        continue;
      }
      out.add(new Outcome(ta, tb, tb == null ? Compare.faults(s, ta) : Compare.differences(s, ta, tb)));
    }
    return out;
  }

  /** Lets one difference of each signature through. */
  private static Predicate<Difference> distinct(Set<String> seen) {
    return d -> seen.add(d.signature());
  }

  /** A signature's first scenario, and how many scenarios showed it. */
  private static final class Found {
    final Scenario first;
    final long index;
    final Difference.Aspect aspect;
    long count;

    Found(Scenario first, long index, Difference.Aspect aspect) {
      this.first = first;
      this.index = index;
      this.aspect = aspect;
    }
  }
}
