package dev.irqlab.conformance.fuzz;

import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.Workers;
import dev.irqlab.conformance.supervise.Supervisor;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Differential fuzzing of a revision as this JVM runs it against the same revision as it was
 * built: the one in this JVM's threads, the other in a worker JVM that loads the revision's class
 * files afresh from the class path. They are the same code, so every trace must be the same; a
 * difference is either a port that does not behave the same twice (it depends on identity hash
 * codes, the time, a static) or a change made to the classes of this JVM alone, as a mutation
 * tester makes: then the fuzzer kills the mutants that change any behaviour its scenarios reach,
 * whether or not a clause reads it. Both sides are the same revision, so a scenario whose caller
 * breaks the manager's rules (frees what is registered, leaves it registered at the end) is read
 * too: what differs is still the code's doing.
 */
public final class AsBuilt {
  /** How long one scenario may run, on either side. */
  static final long LIMIT_MILLIS = 10_000;

  private AsBuilt() {}

  /**
   * Fuzzes {@code runs} scenarios from {@code seed} on {@code revision} here and in a worker JVM,
   * with the drivers of its era, and returns what differed (shrunk).
   */
  public static FuzzResult fuzz(Revision revision, long seed, long runs) {
    LoadedRevision here = new LoadedRevision(revision, revision.info(), "this JVM");
    LoadedRevision built = new LoadedRevision(revision, revision.info(), "its class files, in a worker JVM");
    DriverEra era = DriverEra.byId(revision.info().defaultEra());
    Workers inProcess = Workers.inProcess(Math.max(1, Runtime.getRuntime().availableProcessors()), LIMIT_MILLIS);
    try (Supervisor worker = new Supervisor(LIMIT_MILLIS).keepWorker()) {
      Workers both = jobs -> route(jobs, built, worker, inProcess);
      AtomicLong clock = new AtomicLong();
      return new Fuzzer(new Fuzzer.Side(here, era), new Fuzzer.Side(built, era), both, clock::incrementAndGet).anyCaller()
          .run(seed, new Fuzzer.Budget(runs, 0), Fuzzer.Progress.NONE);
    }
  }

  /** The jobs on {@code to} run on {@code there}, the others on {@code elsewhere}; traces in the order of the jobs. */
  private static List<Trace> route(List<Workers.Job> jobs, LoadedRevision to, Workers there, Workers elsewhere) {
    List<Workers.Job> a = new ArrayList<>();
    List<Workers.Job> b = new ArrayList<>();
    for (Workers.Job j : jobs) {
      (j.revision() == to ? a : b).add(j);
    }
    // The worker JVM runs its share while this one runs the other.
    CompletableFuture<List<Trace>> fa = CompletableFuture.supplyAsync(
        () -> a.isEmpty() ? List.of() : there.run(a));
    List<Trace> tb = b.isEmpty() ? List.of() : elsewhere.run(b);
    List<Trace> ta = fa.join();
    List<Trace> out = new ArrayList<>();
    int ia = 0;
    int ib = 0;
    for (Workers.Job j : jobs) {
      out.add(j.revision() == to ? ta.get(ia++) : tb.get(ib++));
    }
    return out;
  }
}
