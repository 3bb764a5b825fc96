package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CpusTest {

  @Test
  void byDefaultEveryTaskHasItsOwnCpu() {
    Kernel kernel = new Kernel();
    assertEquals(0, kernel.cpus().count());
    try (Kernel.Scope cpu = kernel.cpus().run(kernel)) {
      assertEquals(Task.Cpu.NONE, kernel.current().cpu());
    }
  }

  @Test
  void atMostThatManyTasksRunOutsideAMutexAndAWaiterGivesItsCpuUp() throws Exception {
    Kernel kernel = new Kernel(KernelConfig.defaults().withCpus(2));
    Mutex lock = new Mutex(kernel, "lock");
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger inside = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(pool.submit(() -> {
          try (Kernel.Scope cpu = kernel.cpus().run(kernel)) {
            for (int i = 0; i < 200; i++) {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              running.decrementAndGet();
              lock.lock();
              assertEquals(1, inside.incrementAndGet());
              inside.decrementAndGet();
              lock.unlock();
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertTrue(most.get() <= 2, "tasks outside the mutex at once: " + most.get());
    assertEquals(Task.Cpu.NONE, kernel.current().cpu());
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void aNegativeCountIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> KernelConfig.defaults().withCpus(-1));
  }
}
