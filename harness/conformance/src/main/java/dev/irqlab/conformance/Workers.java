package dev.irqlab.conformance;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.LoadedRevision;
import java.util.List;
import java.util.Objects;

/**
 * Where the scenarios of a run execute, each within a time limit: threads of this JVM ({@link
 * #inProcess}), or worker JVMs that a {@link dev.irqlab.conformance.supervise.Supervisor}
 * watches, kills and restarts, so that a revision that spins, deadlocks, exhausts the heap or
 * exits stops only the runs it was in.
 */
public interface Workers {
  /**
   * One scenario to run on one revision with one era's drivers.
   *
   * @param scenario what to run
   * @param revision on which revision
   * @param era with which drivers
   */
  record Job(Scenario scenario, LoadedRevision revision, DriverEra era) {
    public Job {
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(revision, "revision");
      Objects.requireNonNull(era, "era");
    }
  }

  /** Runs every job and returns its trace, in the order of {@code jobs}. */
  List<Trace> run(List<Job> jobs);

  /**
   * {@code threads} threads of this JVM. A run over {@code limitMillis} gets a {@code HANG}
   * trace and is interrupted, which stops only code that checks for it. For unit tests of
   * revisions the class path does not provide as services, and for a run whose code a tool in
   * this JVM must see, as the mutation tester does ({@code RevisionConformance}).
   */
  static Workers inProcess(int threads, long limitMillis) {
    return new InProcess(threads, limitMillis);
  }
}
