package dev.irqlab.conformance;

import dev.irqlab.conformance.supervise.Supervisor;
import dev.irqlab.devices.DriverChange;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.Deviation;
import dev.irqlab.spi.Feature;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the suite on revisions and grades every cell. Each scenario runs on its own {@link
 * dev.irqlab.kernel.Kernel}, in parallel, within a time limit, on {@link Workers}: by default in
 * supervised worker JVMs, so that a revision that throws, hangs, deadlocks or crashes its JVM
 * yields traces (and cells) that say so, and everything else runs and is graded as it would be
 * without it.
 */
public final class Conformance {
  /** How long one scenario may run before its trace says it hung, by default. */
  public static final long TIME_LIMIT_SECONDS = 5;

  private final Suite suite;
  private final Workers workers;

  /** The suite on supervised worker JVMs, one per core, with the default time limit. */
  public Conformance(Suite suite) {
    this(suite, new Supervisor(TIME_LIMIT_SECONDS * 1000));
  }

  public Conformance(Suite suite, Workers workers) {
    this.suite = Objects.requireNonNull(suite, "suite");
    this.workers = Objects.requireNonNull(workers, "workers");
  }

  public Suite suite() {
    return suite;
  }

  /**
   * Runs the suite on each revision, with the drivers of {@code era} (or, when null, of each
   * revision's own era).
   */
  public Matrix run(List<LoadedRevision> revisions, String era) {
    List<Workers.Job> jobs = new ArrayList<>();
    List<DriverEra> eras = new ArrayList<>();
    for (LoadedRevision r : revisions) {
      DriverEra drivers = DriverEra.byId(era != null ? era : r.info().defaultEra());
      eras.add(drivers);
      for (Scenario s : suite.scenarios()) {
        jobs.add(new Workers.Job(s, r, drivers));
      }
    }
    List<Trace> traces = workers.run(jobs);
    List<Column> columns = new ArrayList<>();
    int n = suite.scenarios().size();
    for (int i = 0; i < revisions.size(); i++) {
      columns.add(grade(revisions.get(i), eras.get(i), traces.subList(i * n, (i + 1) * n)));
    }
    return new Matrix(Matrix.SCHEMA, suite.clauses().stream().map(Matrix.ClauseInfo::of).toList(),
        suite.scenarios().stream().map(Matrix.ScenarioInfo::of).toList(), columns);
  }

  /** Grades one revision's traces: every clause's verdict against the revision's declarations. */
  public Column grade(LoadedRevision r, DriverEra era, List<Trace> traces) {
    RevisionInfo info = r.info();
    Map<String, Trace> byScenario = new LinkedHashMap<>();
    traces.forEach(t -> byScenario.put(t.scenario(), t));
    List<Cell> cells = new ArrayList<>();
    for (Clause c : suite.clauses()) {
      Verdict v = verdict(c, new Reading(info, era, byScenario));
      Deviation d = info.deviation(c.id()).orElse(null);
      cells.add(Grading.cell(c, v, d));
    }
    Map<String, String> lacks = new LinkedHashMap<>();
    info.lacks().forEach((f, why) -> lacks.put(f.label(), why));
    Column.RevisionSummary summary = new Column.RevisionSummary(info.id(), info.title(), info.status().name().toLowerCase(java.util.Locale.ROOT),
        info.parent(), info.date().toString(), era.id(), info.defaultEra(), r.source(), lacks);
    return new Column(summary, cells, traces);
  }

  /** The traces of one run, as a check reads them; it remembers where the check last read. */
  private static final class Reading implements Evidence {
    private final RevisionInfo info;
    private final DriverEra era;
    private final Map<String, Trace> byScenario;
    private String scenario;
    private String step;

    Reading(RevisionInfo info, DriverEra era, Map<String, Trace> byScenario) {
      this.info = info;
      this.era = era;
      this.byScenario = byScenario;
    }

    @Override
    public RevisionInfo revision() {
      return info;
    }

    @Override
    public DriverEra era() {
      return era;
    }

    @Override
    public Trace trace(String scenario) {
      Trace t = byScenario.get(scenario);
      if (t == null) {
        throw new IllegalArgumentException("no trace of scenario " + scenario);
      }
      if (!scenario.equals(this.scenario)) {
        this.scenario = scenario;
        this.step = null;
      }
      return t;
    }

    @Override
    public Collection<Trace> traces() {
      return byScenario.values();
    }

    @Override
    public void reading(String scenario, String step) {
      this.scenario = scenario;
      this.step = step;
    }

    /** Where the check was reading, as the finding of a failure it placed nowhere. */
    Finding at(String text) {
      return scenario == null ? null : new Finding(scenario, step, null, text);
    }
  }

  /**
   * One clause's verdict: N/A for a missing feature or driver change, or for a driver change the
   * clause needs absent; else its check.
   */
  static Verdict verdict(Clause c, Evidence e) {
    for (Feature f : c.needs()) {
      String why = e.revision().lacks().get(f);
      if (why != null) {
        return Verdict.na("needs " + f.label() + ": " + why);
      }
    }
    for (DriverChange change : c.driverChanges()) {
      if (!e.era().has(change)) {
        return Verdict.na("needs drivers that " + change.summary() + " (" + change.commit() + "), which the " + e.era().id() + " era does not have");
      }
    }
    for (DriverChange change : c.absentDriverChanges()) {
      if (e.era().has(change)) {
        return Verdict.na("needs drivers that do not " + change.summary() + "; those of the " + e.era().id() + " era do (" + change.commit() + ")");
      }
    }
    try {
      Verdict v = c.check().check(e);
      if (v.findings().isEmpty() && e instanceof Reading r) {
        return v.orFoundAt(r.at(v.detail()));
      }
      return v;
    } catch (Stopped s) {
      return new Verdict(Verdict.Kind.FAIL, s.getMessage(), List.of(s.finding));
    }
  }

  /** Thrown by {@link Checks} when a clause needs a step the run did not reach. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Finding finding;

    Stopped(String message, Finding finding) {
      super(message, null, false, false);
      this.finding = finding;
    }
  }
}
