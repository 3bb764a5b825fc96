package dev.irqlab.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs scenarios on a pool of threads of this JVM, in parallel, each on its own kernel. A run
 * over the time limit is cancelled with an interrupt; code that ignores it keeps its thread.
 */
final class InProcess implements Workers {
  private final int threads;
  private final long limitMillis;

  InProcess(int threads, long limitMillis) {
    this.threads = threads;
    this.limitMillis = limitMillis;
  }

  @Override
  public List<Trace> run(List<Job> jobs) {
    ThreadFactory daemons = r -> {
      Thread t = new Thread(r, "irqlab-scenario");
      t.setDaemon(true);
      return t;
    };
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemons);
    try {
      List<Future<Trace>> futures = new ArrayList<>();
      for (Job j : jobs) {
        futures.add(pool.submit(() -> Runner.run(j.scenario(), j.revision().revision(), j.era())));
      }
      List<Trace> traces = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        traces.add(await(futures.get(i), jobs.get(i)));
      }
      return traces;
    } finally {
      pool.shutdownNow();
    }
  }

  private Trace await(Future<Trace> f, Job j) {
    try {
      return f.get(limitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return stopped(j, Trace.Outcome.Kind.HANG, "did not finish within " + limitMillis / 1000 + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + j.scenario().id() + " on " + j.revision().id(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return stopped(j, Trace.Outcome.Kind.EXCEPTION, Runner.describe(cause));
    }
  }

  private static Trace stopped(Job j, Trace.Outcome.Kind kind, String detail) {
    return new Trace(j.scenario().id(), j.revision().id(), j.era().id(), List.of(), null, List.of(), Trace.MachineState.NONE,
        new Trace.Outcome(kind, detail, 0), j.scenario().host().describe());
  }
}
