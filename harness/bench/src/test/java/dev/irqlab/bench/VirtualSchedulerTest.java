package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelConfig;
import dev.irqlab.kernel.LockStat;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.kernel.Work;
import dev.irqlab.kernel.XArray;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The virtual clock: who gets a mutex when, worked out by hand from the cost model, and what a
 * run of the real code gives twice over. Only virtual time is asserted, never the host's.
 */
class VirtualSchedulerTest {
  /** Costs that leave only the walks and the scheduler's own steps: one list node is 1 ns. */
  private static final CostModel SIMPLE = CostModel.icx2023()
      .with(List.of("list-node=1ns", "alloc=0ns", "free=0ns", "lock=0ns", "syscall=0ns", "handover=10ns", "wakeup=5us", "switch=2us"));

  private final Kernel kernel = new Kernel(KernelConfig.benchmark());

  private static List<Long> values(Histogram h) {
    List<Long> out = new ArrayList<>();
    h.recordedValues().forEach(v -> LongStream.range(0, v.getCountAtValueIteratedTo()).forEach(i -> out.add(v.getValueIteratedTo())));
    return out;
  }

  /** Takes {@code m}, does {@code nanos} of work under it (at 1 ns a list node), releases it. */
  private static void hold(Kernel kernel, Mutex m, long nanos) {
    m.lock();
    kernel.work(Work.LIST_NODE, nanos);
    m.unlock();
  }

  /** The values of {@code h} are {@code expected}, to the histogram's precision (3 digits). */
  private static void assertValues(List<Long> expected, Histogram h) {
    assertEquals(expected.stream().map(h::highestEquivalentValue).toList(), values(h));
  }

  @Test
  void spinnersTakeAHeldMutexInTheOrderTheyAskedEachAHandoverAfterTheRelease() throws Exception {
    Mutex lock = new Mutex(kernel, "lock");
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      tasks.add(() -> hold(kernel, lock, 100));
    }
    VirtualScheduler scheduler = new VirtualScheduler(kernel, SIMPLE, 3);
    scheduler.run(tasks, "t");
    LockStat.Snapshot s = lock.stat().snapshot();
    assertValues(List.of(0L, 110L, 220L), s.waitTime()); // 100 ns held, then a 10 ns handover, twice
    assertValues(List.of(100L, 100L, 100L), s.holdTime());
    assertEquals(2, s.contentions());
    assertEquals(320, scheduler.makespanNanos());
    assertTrue(scheduler.errors().stream().allMatch(e -> e == null));
  }

  @Test
  void aTaskWhoseCpuHasAnotherReadySleepsAndIsWokenAndASpinnerYieldsItsCpu() throws Exception {
    Mutex a = new Mutex(kernel, "a");
    Mutex b = new Mutex(kernel, "b");
    // Two CPUs: t0 and t2 share CPU 0, t1 has CPU 1.
    Runnable t0 = () -> {
      a.lock();
      hold(kernel, b, 0); // held by t1, and t2 is ready on this CPU: t0 sleeps
      a.unlock();
    };
    Runnable t1 = () -> hold(kernel, b, 1000);
    Runnable t2 = () -> hold(kernel, a, 0); // held by t0, asleep: t2 spins until t0 is woken and needs the CPU back
    new VirtualScheduler(kernel, SIMPLE, 2).run(List.of(t0, t1, t2), "t");
    // t0 asks for b at 0; t1 releases it at 1000; t0 is woken 5 us later and takes it, but t2
    // spins on its CPU, so t2 goes to sleep and t0 runs after a 2 us switch: 8000.
    assertValues(List.of(0L, 8000L), b.stat().snapshot().waitTime());
    assertValues(List.of(0L, 1000L), b.stat().snapshot().holdTime());
    // t2 ran at 2000 (a switch after t0 slept), asked for a, slept at 6000; t0 released a at
    // 8000 and t2 woke 5 us later: a wait of 11000 ns; t0 held a from 0 to 8000.
    assertValues(List.of(0L, 11000L), a.stat().snapshot().waitTime());
    assertValues(List.of(0L, 8000L), a.stat().snapshot().holdTime());
  }

  @Test
  void aTaskThatTakesAMutexFreedWhileItsSleeperWakesMakesTheNextReleaseHandItOver() throws Exception {
    Mutex lock = new Mutex(kernel, "lock");
    Mutex other = new Mutex(kernel, "other");
    // One CPU each for t0 and t1; t2 shares t0's CPU so that t0 sleeps; t1 comes back for the
    // lock 1 us after releasing it, while t0 is still waking (5 us).
    Runnable t0 = () -> {
      other.lock(); // free: t0 holds it while t2 waits for the CPU
      kernel.work(Work.LIST_NODE, 10);
      hold(kernel, lock, 0); // held by t1, t2 ready here: sleeps
      other.unlock();
    };
    Runnable t1 = () -> {
      hold(kernel, lock, 100);
      kernel.work(Work.LIST_NODE, 1000);
      hold(kernel, lock, 10_000); // free again: taken while t0 wakes
    };
    Runnable t2 = () -> {};
    new VirtualScheduler(kernel, SIMPLE, 2).run(List.of(t0, t1, t2), "t");

    // t0 asked at 10; woken at 100 + 5000, it found the lock taken at 1100 by t1, which held it
    // 10 us; the release at 11100 handed it to t0, which ran 5 us later: 16100 - 10.
    assertValues(List.of(0L, 0L, 16090L), lock.stat().snapshot().waitTime());
  }

  @Test
  void aReleaseWakesTheFirstSleeperEvenWhenASpinnerTakesTheMutexSoTheNextReleaseIsItsHandoff() throws Exception {
    Mutex lock = new Mutex(kernel, "lock");
    // Two CPUs: t0 and t2 on CPU 0, t1 and t3 on CPU 1.
    Runnable t0 = () -> hold(kernel, lock, 10_000);
    Runnable t1 = () -> hold(kernel, lock, 0); // at 0, held, t3 ready on this CPU: sleeps
    Runnable t2 = () -> { // runs at 12000, once t0 has ended and CPU 0 switched
      kernel.work(Work.LIST_NODE, 8200);
      hold(kernel, lock, 0); // at 20200: handed to t1 at 20010, so t2 spins instead of taking it
    };
    // t3 runs at 2000, after t1 slept, spins, and takes the mutex a 10 ns handover after t0's
    // release at 10000; at its release, 20010, t1 (woken at 15000 and beaten by t3) has asked
    // for the handoff.
    Runnable t3 = () -> hold(kernel, lock, 10_000);
    new VirtualScheduler(kernel, SIMPLE, 2).run(List.of(t0, t1, t2, t3), "t");
    // t0 waits 0; t3 from 2000 to 10010; t1 from 0 to 25010, a wake-up after the handoff; t2
    // from 20200 to a handover after t1's release at 25010. Woken only once no task spun, t1
    // would have been beaten by t2 too, which would then have waited 0.
    assertValues(List.of(0L, 4820L, 8010L, 25010L), lock.stat().snapshot().waitTime());
  }

  @Test
  void aSleepingTaskGivesItsCpuToTheNextAndRunsAgainWhenItsTimeIsUp() throws Exception {
    Mutex lock = new Mutex(kernel, "lock");
    VirtualScheduler scheduler = new VirtualScheduler(kernel, SIMPLE, 1);
    List<Long> took = new ArrayList<>();
    Runnable sleeper = () -> {
      kernel.work(Work.LIST_NODE, 1000);
      scheduler.sleep(kernel.current(), 10_000);
      lock.lock();
      took.add(scheduler.now(kernel.current()));
      lock.unlock();
    };
    Runnable other = () -> {
      lock.lock();
      took.add(scheduler.now(kernel.current()));
      kernel.work(Work.LIST_NODE, 500);
      lock.unlock();
    };
    scheduler.run(List.of(sleeper, other), "t"); // one CPU for both
    // The sleeper works until 1000 and sleeps: the other runs after a 2 us switch, at 3000, and
    // ends at 3500; the sleeper's time is up at 11000, and the CPU is free.
    assertEquals(List.of(3000L, 11000L), took);
    assertEquals(11000, scheduler.makespanNanos());
  }

  @Test
  void tasksLeftWaitingForAMutexNobodyReleasesAreReportedNotHung() {
    Mutex lock = new Mutex(kernel, "forgotten");
    Runnable keeps = lock::lock;
    Runnable waits = () -> {
      lock.lock();
      lock.unlock();
    };
    VirtualScheduler scheduler = new VirtualScheduler(kernel, SIMPLE, 2);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> scheduler.run(List.of(keeps, waits), "t"));
    assertTrue(e.getMessage().startsWith("1 tasks never ended: 1 tasks wait for forgotten, held by"), e.getMessage());
    assertNull(kernel.scheduler(), "the kernel's mutexes are the host's again");
  }

  /** A small manager: 16 tasks register 50 keys each, each under the lock after {@code lookups} lookups of it. */
  private static long[] register(int lookups) throws InterruptedException {
    Kernel kernel = new Kernel(KernelConfig.benchmark());
    Mutex lock = new Mutex(kernel, "lock");
    XArray<Object> entries = new XArray<>(kernel, "entries");
    List<Runnable> tasks = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      long base = 0xffff888100000000L + t * 0x10000L;
      tasks.add(() -> {
        for (int i = 0; i < 50; i++) {
          long key = base + i * 64L;
          lock.lock();
          for (int l = 0; l < lookups; l++) {
            entries.load(key);
          }
          entries.store(key, lock, Gfp.KERNEL);
          lock.unlock();
          kernel.work(Work.SYSCALL, 2);
        }
      });
    }
    VirtualScheduler scheduler = new VirtualScheduler(kernel, CostModel.icx2023(), 16);
    scheduler.run(tasks, "t");
    LockStat.Snapshot s = lock.stat().snapshot();
    return new long[] {Math.round(s.waitTime().getMean() * 1000), Math.round(s.holdTime().getMean() * 1000), scheduler.makespanNanos(),
        s.contentions()};
  }

  @Test
  void theSameRunGivesTheSameFiguresAndOneMoreLookupUnderTheLockIsToldApart() throws Exception {
    long[] once = register(1);
    assertEquals(once[0], register(1)[0]);
    assertEquals(List.of(once[0], once[1], once[2], once[3]), LongStream.of(register(1)).boxed().toList());
    long[] more = register(2);
    assertTrue(more[1] > once[1], "a second xa_load makes the hold longer: " + more[1] + " against " + once[1]);
    assertTrue(more[0] > once[0], "and the waits behind it: " + more[0] + " against " + once[0]);
    assertNotEquals(once[2], more[2]);
  }
}
