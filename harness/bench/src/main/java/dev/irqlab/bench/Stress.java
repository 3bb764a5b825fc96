package dev.irqlab.bench;

import dev.irqlab.spi.LoadedRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The stress on several revisions: {@code jobs} revisions at a time, each with its own threads
 * and, when {@code fork}ed, in a JVM of its own ({@link StressFork}); results in the order the
 * revisions were given.
 */
public final class Stress {
  private Stress() {}

  public static StressReport run(List<LoadedRevision> revisions, StressPlan plan, int jobs, boolean fork, Progress progress)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, revisions.size())));
    progress.items(revisions.size(), plan.irqfds(), jobs);
    try {
      List<Future<StressResult>> pending = new ArrayList<>();
      for (LoadedRevision r : revisions) {
        pending.add(pool.submit(() -> {
          progress.started(r.id());
          IntConsumer made = progress.of(r.id());
          StressResult result = fork ? StressFork.run(r, plan, made) : new StressRun(r, plan, made).run();
          progress.finished(r.id(), String.format(Locale.ROOT, "%-15s done in %s, mutex wait avg %s",
              r.id(), Durations.format(result.seconds() * 1e9), Durations.format(result.waitTime().mean())));
          return result;
        }));
      }
      List<StressResult> results = new ArrayList<>();
      for (Future<StressResult> f : pending) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
      }
      return new StressReport(plan, results);
    } finally {
      pool.shutdownNow();
    }
  }
}
