package dev.irqlab.conformance.supervise;

import dev.irqlab.conformance.Runner;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.RevisionLoader;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM: reads jobs ({@link Wire.Request}) from its standard input and runs them on a few
 * runner threads, each job on its own kernel, writing what each did ({@link Wire.Message}) to
 * its standard output: each step as it is recorded, then the trace. Steps go out with the
 * message after them, so a worker killed from outside loses those of its running jobs.
 *
 * <p>A watchdog thread ends a job that deadlocks (as soon as a thread dump shows its runner in a
 * cycle) or runs past the time limit, with the thread dump; then, and after an {@link
 * OutOfMemoryError}, the worker halts, and its supervisor starts another. A shutdown hook
 * reports a {@code System.exit} and the job whose runner called it. What revision code prints
 * goes to the standard error.
 */
public final class Worker {
  /** How often the watchdog looks at the jobs in progress. */
  private static final long TICK_MILLIS = 50;
  /** A job that has run this long is checked for a deadlock at every tick. */
  private static final long DEADLOCK_CHECK_MILLIS = 250;
  /** Put in the queue of jobs for each runner when the input ends. */
  private static final Wire.Request END = new Wire.Request(-1, "", "", "", "", "", "", "");

  private final long limitMillis;
  private final PrintStream wire;
  private final BlockingQueue<Wire.Request> jobs = new LinkedBlockingQueue<>();
  private final Map<String, Revision> revisions = new HashMap<>();
  private final List<Thread> runners = new ArrayList<>();
  private final Set<Long> runnerIds = ConcurrentHashMap.newKeySet();
  private final Map<Thread, Running> running = new ConcurrentHashMap<>();

  /** A job in progress, and when it started ({@link System#nanoTime}). */
  private record Running(int job, long start) {}

  private Worker(long limitMillis, int threads, PrintStream wire) {
    this.limitMillis = limitMillis;
    this.wire = wire;
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::serve, "irqlab-scenario");
      t.setDaemon(true);
      runners.add(t);
      runnerIds.add(t.getId());
    }
  }

  /** {@code Worker LIMIT_MILLIS THREADS}: serves jobs until its standard input ends. */
  public static void main(String[] args) throws IOException, InterruptedException {
    PrintStream wire = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false, StandardCharsets.UTF_8);
    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.setOut(System.err);
    System.setIn(InputStream.nullInputStream());
    Worker w = new Worker(Long.parseLong(args[0]), Integer.parseInt(args[1]), wire);
    Runtime.getRuntime().addShutdownHook(new Thread(w::exiting, "irqlab-exit"));
    Thread watchdog = new Thread(w::watch, "irqlab-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    w.runners.forEach(Thread::start);
    w.revisions();
    w.send(Wire.Message.ready(ProcessHandle.current().pid()));
    for (String line; (line = input.readLine()) != null; ) {
      if (!line.isEmpty()) {
        w.jobs.add(Reports.fromJsonLine(line, Wire.Request.class));
      }
    }
    w.runners.forEach(t -> w.jobs.add(END));
    for (Thread t : w.runners) {
      t.join();
    }
  }

  /** A runner thread: jobs, until the input ends. */
  private void serve() {
    try {
      for (Wire.Request r; (r = jobs.take()) != END; ) {
        run(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(Wire.Request job) {
    Scenario s;
    Revision revision;
    DriverEra era;
    try {
      s = job.scenario();
      revision = revision(job.revision());
      era = DriverEra.byId(job.era());
    } catch (RuntimeException e) {
      send(Wire.Message.error(job.job(), e.getMessage()));
      return;
    }
    Thread me = Thread.currentThread();
    running.put(me, new Running(job.job(), System.nanoTime()));
    send(Wire.Message.start(job.job()));
    Wire.Message end;
    try {
      end = Wire.Message.trace(job.job(), Runner.run(s, revision, era, s.host(), step -> send(Wire.Message.step(job.job(), step))));
    } catch (OutOfMemoryError e) {
      end = Wire.Message.stop(job.job(), ThreadDump.crash(e, me.getName()));
    } catch (RuntimeException | Error e) {
      end = Wire.Message.stop(job.job(), new Trace.Outcome(Trace.Outcome.Kind.EXCEPTION, Runner.describe(e), -1));
    }
    synchronized (wire) {
      running.remove(me);
      send(end);
      if (end.stop() != null && end.stop().kind() == Trace.Outcome.Kind.CRASH) {
        Runtime.getRuntime().halt(1);
      }
    }
  }

  /** The watchdog thread: ends a job that deadlocks or runs past the limit, and the worker with it. */
  private void watch() {
    while (true) {
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      running.forEach(this::check);
    }
  }

  private void check(Thread runner, Running r) {
    long ran = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - r.start());
    Trace.Outcome stop = ran >= limitMillis ? ThreadDump.stuck(runner, runnerIds, Supervisor.seconds(limitMillis))
        : ran >= DEADLOCK_CHECK_MILLIS ? ThreadDump.deadlock(runner) : null;
    if (stop != null) {
      synchronized (wire) {
        if (running.get(runner) == r) {
          send(Wire.Message.stop(r.job(), stop));
          Runtime.getRuntime().halt(1);
        }
      }
    }
  }

  /** The revisions among the services on the class path, by id. */
  private synchronized Map<String, Revision> revisions() {
    if (revisions.isEmpty()) {
      for (Revision r : ServiceLoader.load(Revision.class)) {
        revisions.putIfAbsent(r.info().id(), r);
      }
    }
    return revisions;
  }

  /** The revision called {@code id} among the services on the class path, or made from the id ({@code c:PATH@REF}). */
  private Revision revision(String id) {
    Revision r;
    synchronized (this) {
      r = revisions().get(id);
      if (r == null && RevisionInfo.isMadeId(id)) {
        r = RevisionLoader.resolve(id).orElse(null);
        if (r != null) {
          revisions.put(id, r);
        }
      }
    }
    if (r == null) {
      throw new IllegalArgumentException("no revision '" + id + "' among the services on the worker's class path: " + revisions.keySet());
    }
    return r;
  }

  /** The shutdown hook: during a job, revision code called {@code System.exit}; the job is the caller's, if a runner called it. */
  private void exiting() {
    ThreadDump.Exit exit = running.isEmpty() ? null : ThreadDump.exit();
    if (exit != null) {
      Running r = running.get(exit.thread());
      send(Wire.Message.exit(r == null ? -1 : r.job(), exit.where()));
    }
  }

  /** Writes {@code m}; the end of a job, and anything after, goes out at once, steps with it. */
  private void send(Wire.Message m) {
    synchronized (wire) {
      wire.println(Reports.toJsonLine(m));
      if (m.step() == null) {
        wire.flush();
      }
    }
  }
}
