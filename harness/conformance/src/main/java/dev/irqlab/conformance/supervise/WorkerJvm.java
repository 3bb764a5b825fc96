package dev.irqlab.conformance.supervise;

import dev.irqlab.conformance.Step;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.Workers;
import dev.irqlab.conformance.report.ReportException;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.fork.ChildJvm;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM as its supervisor sees it: jobs go in ahead of time (a thread of their own
 * writes them), so that its runners never wait for the next, and what comes out is read as
 * {@link Event}s. When it loses a job the hard way (a hang, a deadlock, a crash) it is {@link
 * Lost}, and the jobs it had not ended go to a fresh worker.
 */
final class WorkerJvm implements AutoCloseable {
  /** How long past the limit a worker may be silent before it is killed. */
  static final long GRACE_MILLIS = 10_000;
  /** The lines of its standard error a crash shows. */
  private static final int TAIL = 5;
  /** Put in the queue of messages when the worker's standard output ends. */
  private static final String END = "\0end";

  /** What became of the jobs in flight. */
  sealed interface Event permits Done, Lost {}

  /** A job ended, and the worker goes on. */
  record Done(int number, Trace trace) implements Event {}

  /**
   * The worker is gone.
   *
   * @param culprit the job that took it down, with its trace; null when that is not known
   * @param unfinished the jobs it had not ended and that did not do it, in the order sent
   * @param suspects when the culprit is not known: the jobs it was running, one of which did it
   * @param why how it was lost
   */
  record Lost(Done culprit, List<Integer> unfinished, List<Integer> suspects, String why) implements Event {}

  /** A job sent to the worker: whether a runner has it, and the steps it has reported. */
  private static final class Sent {
    final Workers.Job job;
    final List<Trace.StepTrace> steps = new ArrayList<>();
    boolean running;

    Sent(Workers.Job job) {
      this.job = job;
    }
  }

  private final Process process;
  private final long limitMillis;
  private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final Deque<String> errors = new ArrayDeque<>();
  private final Map<Integer, Sent> sent = new LinkedHashMap<>();
  private final Thread stderr;
  private boolean started;

  private WorkerJvm(Process process, long limitMillis, String name) {
    this.process = process;
    this.limitMillis = limitMillis;
    Thread writer = new Thread(this::write, name + "-in");
    writer.setDaemon(true);
    writer.start();
    ChildJvm.drain(process.getInputStream(), name + "-out", messages::add, () -> messages.add(END));
    this.stderr = ChildJvm.drain(process.getErrorStream(), name + "-err", this::error);
  }

  /** Starts a worker with {@code threads} runners on {@code classPath}, with {@code options}. */
  static WorkerJvm start(String classPath, List<String> options, long limitMillis, int threads, String name) throws IOException {
    Process p = ChildJvm.start(Worker.class, classPath, options, List.of(Long.toString(limitMillis), Integer.toString(threads)));
    return new WorkerJvm(p, limitMillis, name);
  }

  /** How many jobs were sent and have not ended. */
  int inFlight() {
    return sent.size();
  }

  /** True while its process runs. */
  boolean alive() {
    return process.isAlive();
  }

  /** Sends job {@code number}. */
  void send(int number, Workers.Job job) {
    sent.put(number, new Sent(job));
    requests.add(Reports.toJsonLine(Wire.Request.of(number, job)));
  }

  /** The writer thread: requests, a line each, until the worker or its input is gone. */
  private void write() {
    try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      for (String r; !(r = requests.take()).equals(END); ) {
        in.write(r);
        in.write('\n');
        if (requests.isEmpty()) {
          in.flush();
        }
      }
    } catch (IOException | InterruptedException e) {
      // The worker is gone: the end of its output tells how.
    }
  }

  /** Waits for a job to end or for the worker to be lost. */
  Event next() throws InterruptedException {
    Wire.Message exit = null;
    while (true) {
      String line = messages.poll(limitMillis + GRACE_MILLIS, TimeUnit.MILLISECONDS);
      if (line == null) {
        process.destroyForcibly();
        return lost(-1, Trace.Outcome.Kind.HANG, "did not finish within " + Supervisor.seconds(limitMillis)
            + "; its worker JVM said nothing for " + Supervisor.seconds(GRACE_MILLIS) + " more and was killed");
      }
      if (line.equals(END)) {
        return died(exit);
      }
      Wire.Message m = read(line);
      if (m == null) {
        continue;
      }
      if (m.ready() != null) {
        started = true;
      } else if (m.exit() != null) {
        exit = m;
      } else {
        Event e = event(m);
        if (e != null) {
          return e;
        }
      }
    }
  }

  /** The event a message about a job makes, or null when the job goes on. */
  private Event event(Wire.Message m) {
    Sent s = sent.get(m.job());
    if (s == null) {
      throw new IllegalStateException("a worker JVM reported job " + m.job() + ", which it was not running");
    }
    if (m.error() != null) {
      throw new IllegalStateException("a worker JVM cannot run " + s.job.scenario().id() + " on " + s.job.revision().id() + ": " + m.error());
    }
    if (m.start() || m.step() != null) {
      s.running = true;
      if (m.step() != null) {
        s.steps.add(m.step());
      }
      return null;
    }
    if (m.trace() != null) {
      Trace t = m.trace();
      sent.remove(m.job());
      return new Done(m.job(), new Trace(t.scenario(), t.revision(), t.era(), s.steps, t.end(), t.teardown(), t.machine(), t.outcome(), t.host()));
    }
    if (m.stop().kind() == Trace.Outcome.Kind.EXCEPTION) {
      sent.remove(m.job());
      return stopped(m.job(), s, m.stop().kind(), m.stop().detail());
    }
    process.destroyForcibly();
    // Out of memory, any job running may be the one that ran it out: only one alone tells.
    int culprit = m.stop().kind() == Trace.Outcome.Kind.CRASH ? -1 : m.job();
    return lost(culprit, m.stop().kind(), m.stop().detail());
  }

  /** A message, or null for a line that is none (kept with the standard error). */
  private Wire.Message read(String line) {
    try {
      return Reports.fromJsonLine(line, Wire.Message.class);
    } catch (ReportException e) {
      error(line);
      return null;
    }
  }

  /** The worker's output ended: it exited, was killed, or never started. */
  private Event died(Wire.Message exit) throws InterruptedException {
    if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
    stderr.join(1000);
    int code = process.exitValue();
    if (!started) {
      throw new IllegalStateException("a worker JVM did not start (exit status " + code + ")" + tail());
    }
    if (exit != null) {
      return lost(exit.job(), Trace.Outcome.Kind.CRASH, "System.exit(" + code + ")" + exit.exit());
    }
    String how = code > 128 ? "was killed by signal " + (code - 128) : "exited with status " + code;
    return lost(-1, Trace.Outcome.Kind.CRASH, "the worker JVM " + how + tail());
  }

  /**
   * The worker is lost: job {@code culprit} stopped with {@code kind} and {@code detail}. When
   * that is -1 (not known), and one job was running, that one did it; else those running are
   * suspects.
   */
  private Lost lost(int culprit, Trace.Outcome.Kind kind, String detail) {
    requests.add(END);
    List<Integer> running = sent.entrySet().stream().filter(e -> e.getValue().running).map(Map.Entry::getKey).toList();
    int who = culprit < 0 && running.size() == 1 ? running.get(0) : culprit;
    Sent s = sent.remove(who);
    List<Integer> suspects = s == null ? running : List.of();
    List<Integer> unfinished = sent.keySet().stream().filter(n -> !suspects.contains(n)).toList();
    return new Lost(s == null ? null : stopped(who, s, kind, detail), unfinished, suspects, detail);
  }

  /**
   * The trace of a job that stopped: the steps it reported, then the step it stopped in, with
   * {@code kind} for its result and nothing known of what it did, unless that was the teardown.
   */
  private static Done stopped(int number, Sent s, Trace.Outcome.Kind kind, String detail) {
    Workers.Job j = s.job;
    List<Trace.StepTrace> steps = new ArrayList<>(s.steps);
    if (steps.size() < j.scenario().steps().size()) {
      Step at = j.scenario().steps().get(steps.size());
      steps.add(new Trace.StepTrace(at.line(), at.label(), at.op().text(), kind.name().toLowerCase(Locale.ROOT), List.of(), null));
    }
    return new Done(number, new Trace(j.scenario().id(), j.revision().id(), j.era().id(), steps, null, List.of(),
        Trace.MachineState.NONE, new Trace.Outcome(kind, detail, s.steps.size()), j.scenario().host().describe()));
  }

  private void error(String line) {
    synchronized (errors) {
      errors.addLast(line);
      if (errors.size() > TAIL) {
        errors.removeFirst();
      }
    }
  }

  /** The last lines of its standard error, each on a line of its own, indented. */
  private String tail() {
    synchronized (errors) {
      StringBuilder out = new StringBuilder();
      errors.forEach(l -> out.append("\n  ").append(l));
      return out.toString();
    }
  }

  /** Ends the worker: its standard input closes, and it is killed if it does not exit at once. */
  @Override
  public void close() {
    requests.add(END);
    try {
      if (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
