package dev.irqlab.devices.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  private final Kernel kernel = new Kernel();
  private final WorkQueue wq = new WorkQueue(kernel, "events");

  @Test
  void workRunsOnceInQueueOrderWhenFlushed() {
    List<String> ran = new ArrayList<>();
    Work a = new Work("a", () -> ran.add("a"));
    Work b = new Work("b", () -> ran.add("b"));
    assertTrue(wq.queue(a));
    assertTrue(wq.queue(b));
    assertFalse(wq.queue(a), "already pending");
    assertEquals(2, wq.pending());
    wq.flush();
    assertEquals(List.of("a", "b"), ran);
    assertEquals(0, wq.pending());
    assertFalse(a.isPending());
  }

  @Test
  void flushWorkRunsOnlyThatWorkAndCancelDropsIt() {
    AtomicInteger runs = new AtomicInteger();
    Work a = new Work("a", runs::incrementAndGet);
    Work b = new Work("b", runs::incrementAndGet);
    wq.queue(a);
    wq.queue(b);
    wq.flush(a);
    assertEquals(1, runs.get());
    assertTrue(wq.cancel(b));
    wq.flush();
    assertEquals(1, runs.get());
  }

  @Test
  void manyTasksQueueAndFlushAndEveryWorkRunsOnce() throws Exception {
    int tasks = 8;
    int each = 2_000;
    AtomicInteger runs = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(tasks);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < tasks; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            wq.queue(new Work("w", runs::incrementAndGet));
            wq.flush();
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(tasks * each, runs.get());
    assertEquals(0, wq.pending());
  }
}
