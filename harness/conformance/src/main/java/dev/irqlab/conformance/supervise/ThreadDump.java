package dev.irqlab.conformance.supervise;

import dev.irqlab.conformance.Trace;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * In a worker JVM: what a job that does not end is doing, from a thread dump. A cycle of
 * threads waiting for each other's locks ({@link ThreadMXBean#findDeadlockedThreads}) that its
 * runner thread is in is a {@code DEADLOCK}; anything else past the time limit is a {@code
 * HANG}. Each names its threads, the lock each waits for and who holds it, and their {@link
 * Frames}. Locks are named by class and order of appearance ({@code Object#1}), not by identity
 * hash, so the same run reads the same.
 */
final class ThreadDump {
  private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
  private final Map<Integer, String> locks = new HashMap<>();

  /** The deadlock that {@code runner} is in, or null when it is in none. */
  static Trace.Outcome deadlock(Thread runner) {
    return new ThreadDump().findDeadlock(runner);
  }

  /**
   * A {@code DEADLOCK} if {@code runner} is in one, else a {@code HANG}: {@code runner} past
   * {@code limit}, and the threads that run revision code but no other job ({@code runners}).
   */
  static Trace.Outcome stuck(Thread runner, Set<Long> runners, String limit) {
    ThreadDump dump = new ThreadDump();
    Trace.Outcome deadlock = dump.findDeadlock(runner);
    return deadlock != null ? deadlock : dump.hang(runner, runners, limit);
  }

  private Trace.Outcome findDeadlock(Thread runner) {
    long[] ids = mx.findDeadlockedThreads();
    if (ids == null || Arrays.stream(ids).noneMatch(id -> id == runner.getId())) {
      return null;
    }
    Map<Long, ThreadInfo> byId = new LinkedHashMap<>();
    Arrays.stream(mx.getThreadInfo(ids, true, true)).filter(i -> i != null).sorted(Comparator.comparing(ThreadInfo::getThreadName))
        .forEach(i -> byId.put(i.getThreadId(), i));
    List<ThreadInfo> cycle = new ArrayList<>();
    for (ThreadInfo t = byId.get(runner.getId()); t != null && !cycle.contains(t); t = byId.get(t.getLockOwnerId())) {
      cycle.add(t);
    }
    if (cycle.isEmpty()) {
      return null;
    }
    List<String> names = cycle.stream().map(ThreadInfo::getThreadName).toList();
    String who = names.size() == 2 ? names.get(0) + " and " + names.get(1) : String.join(", ", names);
    List<String> out = new ArrayList<>();
    out.add(who + " wait for each other's locks, at " + Frames.where(cycle.get(0).getStackTrace()));
    cycle.forEach(i -> describe(i, out));
    return new Trace.Outcome(Trace.Outcome.Kind.DEADLOCK, String.join("\n", out), -1);
  }

  private Trace.Outcome hang(Thread runner, Set<Long> runners, String limit) {
    List<ThreadInfo> threads = new ArrayList<>();
    ThreadInfo main = null;
    for (ThreadInfo i : mx.dumpAllThreads(false, false)) {
      if (i.getThreadId() == runner.getId()) {
        main = i;
      } else if (!runners.contains(i.getThreadId()) && Arrays.stream(i.getStackTrace()).anyMatch(Frames::isRevision)) {
        threads.add(i);
      }
    }
    threads.sort(Comparator.comparing(ThreadInfo::getThreadName));
    List<String> out = new ArrayList<>();
    out.add("did not finish within " + limit + (main == null ? "" : ", at " + Frames.where(main.getStackTrace())));
    if (main != null) {
      threads.add(0, main);
    }
    threads.forEach(i -> describe(i, out));
    return new Trace.Outcome(Trace.Outcome.Kind.HANG, String.join("\n", out), -1);
  }

  /** {@code NAME STATE on LOCK held by OWNER}, then its frames. */
  private void describe(ThreadInfo i, List<String> out) {
    StringBuilder line = new StringBuilder(i.getThreadName()).append(' ').append(i.getThreadState());
    LockInfo lock = i.getLockInfo();
    if (lock != null) {
      line.append(" on ").append(name(lock));
      if (i.getLockOwnerName() != null) {
        line.append(" held by ").append(i.getLockOwnerName());
      }
    }
    out.add(line.toString());
    out.addAll(Frames.lines(i.getStackTrace(), 0, "  "));
  }

  private String name(LockInfo lock) {
    String cls = lock.getClassName().substring(lock.getClassName().lastIndexOf('.') + 1);
    return locks.computeIfAbsent(lock.getIdentityHashCode(), h -> String.format(Locale.ROOT, "%s#%d", cls, locks.size() + 1));
  }

  /** A {@code CRASH} for {@code e} (an {@link OutOfMemoryError}) thrown on {@code thread}. */
  static Trace.Outcome crash(Throwable e, String thread) {
    List<String> out = new ArrayList<>();
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    out.add(e.getClass().getSimpleName() + message + ", at " + Frames.where(e.getStackTrace()));
    out.add(thread + " threw " + e.getClass().getName());
    out.addAll(Frames.lines(e.getStackTrace(), 0, "  "));
    return new Trace.Outcome(Trace.Outcome.Kind.CRASH, String.join("\n", out), -1);
  }

  /**
   * The thread that called {@code System.exit}, from a shutdown hook, and where: {@code , at
   * FRAME} and its frames from {@code Runtime.exit} on, for a detail that starts {@code
   * System.exit(STATUS)}.
   */
  record Exit(Thread thread, String where) {}

  /** Who is calling {@code System.exit}, or null when nobody is (the JVM was signalled). */
  static Exit exit() {
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      StackTraceElement[] stack = e.getValue();
      for (int i = stack.length - 1; i >= 0; i--) {
        String cls = stack[i].getClassName();
        if (("java.lang.Runtime".equals(cls) || "java.lang.System".equals(cls)) && "exit".equals(stack[i].getMethodName())) {
          List<String> out = new ArrayList<>();
          out.add(", at " + Frames.where(stack));
          out.add(e.getKey().getName() + " called " + cls.substring("java.lang.".length()) + ".exit");
          out.addAll(Frames.lines(stack, i, "  "));
          return new Exit(e.getKey(), String.join("\n", out));
        }
      }
    }
    return null;
  }
}
