package dev.irqlab.conformance.supervise;

import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.Workers;
import dev.irqlab.fork.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Runs scenarios in a worker JVM ({@link Worker}), as jcstress forks its VMs and syzkaller
 * restarts a crashed one: one JVM on the class path of this one, with a runner thread per core.
 * The worker ends a job that spins, blocks or deadlocks at the time limit with a thread dump,
 * and dies with one that exhausts its heap or calls {@code System.exit}; either way that job
 * gets a trace that says so ({@code HANG}, {@code DEADLOCK}, {@code CRASH}), and a fresh worker
 * runs the jobs the lost one had not ended. When it is not known which job took a worker down
 * (it ran out of memory, or died of a signal), those jobs run one at a time, and the one that
 * does it again is the one. Every other job's trace is the one it would have in this JVM.
 */
public final class Supervisor implements Workers, AutoCloseable {
  /** The heap of a worker: scenarios need a few megabytes; a runaway allocation fails fast. */
  public static final String HEAP = "256m";
  /** How many workers in a row may die running no job before a run gives up. */
  static final int MAX_FRUITLESS = 2;

  private final long limitMillis;
  private final int threads;
  private final String classPath;
  private WorkerJvm started;
  private boolean keep;

  /** A runner per core, on this JVM's class path. */
  public Supervisor(long limitMillis) {
    this(limitMillis, Runtime.getRuntime().availableProcessors(), ChildJvm.classPath());
  }

  /**
   * @param limitMillis how long one scenario may run
   * @param threads how many scenarios a worker runs at once
   * @param classPath the worker's: the revisions it can run are the services on it
   */
  public Supervisor(long limitMillis, int threads, String classPath) {
    if (limitMillis <= 0 || threads <= 0) {
      throw new IllegalArgumentException("a time limit and a number of threads are positive: " + limitMillis + " ms, " + threads);
    }
    this.limitMillis = limitMillis;
    this.threads = threads;
    this.classPath = classPath;
  }

  /**
   * Starts the worker now, so that it boots while this JVM does other work (loads the
   * revisions, reads a scenario); the next run takes it, or {@link #close} ends it.
   */
  public synchronized Supervisor start() {
    if (started == null) {
      started = worker();
    }
    return this;
  }

  /**
   * Keeps a run's worker for the next run, as long as it is alive, instead of ending it with the
   * run: for callers that run many small batches (the fuzzer), which would otherwise start a JVM
   * a batch. {@link #close} ends it.
   */
  public synchronized Supervisor keepWorker() {
    keep = true;
    return this;
  }

  /** Ends the worker started ahead that no run took, if any. */
  @Override
  public synchronized void close() {
    if (started != null) {
      started.close();
      started = null;
    }
  }

  /** The worker started ahead, or a new one. */
  private synchronized WorkerJvm take() {
    WorkerJvm w = started != null ? started : worker();
    started = null;
    return w;
  }

  private WorkerJvm worker() {
    try {
      return WorkerJvm.start(classPath, options(), limitMillis, threads, "irqlab-worker");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a worker JVM", e);
    }
  }

  /** {@code 5 s}, {@code 0.5 s}: a limit as a trace says it. */
  static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /**
   * Every job, all sent at once; after a worker is lost, the jobs it had not ended go to a fresh
   * one, and those that might have taken it down first, one at a time.
   */
  @Override
  public List<Trace> run(List<Job> jobs) {
    Trace[] traces = new Trace[jobs.size()];
    Pending pending = new Pending(jobs);
    WorkerJvm worker = null;
    int fruitless = 0;
    try {
      while (true) {
        if (worker == null) {
          worker = take();
        }
        pending.feed(worker);
        if (worker.inFlight() == 0) {
          return Arrays.asList(traces);
        }
        WorkerJvm.Event e = worker.next();
        fruitless = e instanceof WorkerJvm.Lost lost && lost.culprit() == null && lost.suspects().isEmpty() ? fruitless + 1 : 0;
        if (fruitless > MAX_FRUITLESS) {
          throw new IllegalStateException(MAX_FRUITLESS + 1 + " worker JVMs in a row died before running a job: " + ((WorkerJvm.Lost) e).why());
        }
        if (e instanceof WorkerJvm.Done d) {
          traces[d.number()] = d.trace();
        } else if (e instanceof WorkerJvm.Lost lost) {
          if (lost.culprit() != null) {
            traces[lost.culprit().number()] = lost.culprit().trace();
          }
          pending.lost(lost);
          worker = null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running scenarios", e);
    } finally {
      if (worker != null) {
        putBack(worker);
      }
    }
  }

  /** Keeps a worker done with its run for the next one, or ends it. */
  private synchronized void putBack(WorkerJvm worker) {
    if (keep && started == null && worker.inFlight() == 0 && worker.alive()) {
      started = worker;
    } else {
      worker.close();
    }
  }

  /** The jobs of a run that no worker has ended. */
  private static final class Pending {
    private final List<Job> jobs;
    /** Jobs a lost worker had not ended, to send first. */
    private final Deque<Integer> again = new ArrayDeque<>();
    /** Jobs a lost worker was running when nobody knows which of them took it down: one at a time. */
    private final Deque<Integer> alone = new ArrayDeque<>();
    private int next;

    Pending(List<Job> jobs) {
      this.jobs = jobs;
    }

    /** Sends every job, or the next suspect alone. */
    void feed(WorkerJvm worker) {
      if (!alone.isEmpty()) {
        if (worker.inFlight() == 0) {
          send(worker, alone.poll());
        }
        return;
      }
      while (!again.isEmpty()) {
        send(worker, again.poll());
      }
      while (next < jobs.size()) {
        send(worker, next++);
      }
    }

    private void send(WorkerJvm worker, int i) {
      worker.send(i, jobs.get(i));
    }

    /** What {@code lost} had not ended: its suspects alone, the rest again. */
    void lost(WorkerJvm.Lost lost) {
      first(again, lost.unfinished());
      first(alone, lost.suspects());
    }

    /** Puts {@code jobs} at the front of {@code queue}, in order. */
    private static void first(Deque<Integer> queue, List<Integer> jobs) {
      for (int i = jobs.size() - 1; i >= 0; i--) {
        queue.addFirst(jobs.get(i));
      }
    }
  }

  /** A worker's JVM options: its heap, and this JVM's locale, so that it formats as this one would. */
  private static List<String> options() {
    Locale l = Locale.getDefault();
    return List.of("-Xmx" + HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
        "-Duser.language=" + l.getLanguage(), "-Duser.country=" + l.getCountry());
  }
}
