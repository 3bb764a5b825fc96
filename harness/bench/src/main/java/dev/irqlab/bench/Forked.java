package dev.irqlab.bench;

import dev.irqlab.fork.ChildJvm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.IntConsumer;

/**
 * A measurement in a JVM of its own, as JMH forks one per benchmark: a fresh heap of {@value
 * #HEAP} and a JIT that has compiled no other revision's code, so revisions are measured alike
 * whatever ran before them.
 *
 * <p>Where the host offers transparent huge pages on request ({@value #THP} reads {@code
 * [madvise]} or {@code [always]}), the child asks for them for its heap: a long list walk reads
 * entries spread over the heap, and with 4 KiB pages most of those reads also miss the TLB.
 *
 * <p>The child's JIT keeps {@link VirtualScheduler#lock} a call ({@value #SCHEDULER_LOCK}). C2
 * compiles a revision's registration as one unit, and inlined there, the scheduler's hand-off to
 * the next task (its event loop, the semaphores of the task threads) used up the unit's inlining
 * budget before the list walk that follows {@code mutex_lock}: each step of the walk was then
 * three calls and an iterator on the heap, the slower the longer the list, and whether a later
 * recompilation inlined it depended on the host's timing. Out of line, the walk is
 * inlined from the first compilation on. The figures, in virtual time, do not change.
 *
 * <p>The child is a {@code main} on the parent's class path ({@link ChildJvm}). It reports
 * progress on its standard error ({@code progress N} lines, see {@link #progress}) and its result
 * on its standard output as {@link Properties} ({@link #result}).
 */
final class Forked {
  /** The heap of each child. */
  static final String HEAP = "2g";
  /** Where Linux says whether transparent huge pages are on, off, or on request. */
  static final String THP = "/sys/kernel/mm/transparent_hugepage/enabled";
  /** The method the child's JIT never inlines (see the class comment), as {@code CompileCommand} names it. */
  static final String SCHEDULER_LOCK = "dev.irqlab.bench.VirtualScheduler::lock";
  private static final String PROGRESS = "progress ";

  private Forked() {}

  /** Runs {@code main} with {@code args} in a child JVM and returns what it printed as its result. */
  static Properties run(Class<?> main, List<String> args, IntConsumer progress) throws IOException, InterruptedException {
    List<String> options = new ArrayList<>();
    options.add("-Xmx" + HEAP);
    options.add("-XX:CompileCommand=quiet"); // the child's standard output is its result
    options.add("-XX:CompileCommand=dontinline," + SCHEDULER_LOCK);
    if (hugePages(Path.of(THP))) {
      options.add("-XX:+UseTransparentHugePages");
    }
    Process child = ChildJvm.start(main, ChildJvm.classPath(), options, args);
    StringBuilder errors = new StringBuilder();
    Thread err = ChildJvm.drain(child.getErrorStream(), "fork-" + main.getSimpleName(), line -> readError(line, progress, errors));
    byte[] out = child.getInputStream().readAllBytes();
    int code = child.waitFor();
    err.join();
    if (code != 0) {
      throw new IllegalStateException(String.format(Locale.ROOT, "%s %s: the child JVM exited with %d:%n%s", main.getSimpleName(), args, code, errors));
    }
    Properties p = new Properties();
    p.load(new ByteArrayInputStream(out));
    return p;
  }

  /**
   * Whether {@code setting} (the contents of {@value #THP}) lets a process have transparent huge
   * pages; false when it cannot be read, as on a host that is not Linux.
   */
  static boolean hugePages(Path setting) {
    try {
      String s = Files.readString(setting, StandardCharsets.US_ASCII);
      return s.contains("[always]") || s.contains("[madvise]");
    } catch (IOException e) {
      return false;
    }
  }

  private static void readError(String line, IntConsumer progress, StringBuilder errors) {
    if (line.startsWith(PROGRESS)) {
      progress.accept(Integer.parseInt(line.substring(PROGRESS.length())));
    } else {
      errors.append(line).append('\n');
    }
  }

  /** In the child: tells the parent {@code n} more units are done. */
  static void progress(PrintStream err, int n) {
    err.println(PROGRESS + n);
  }

  /** In the child: prints the result for the parent. */
  static void result(Properties p) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.store(out, null);
    System.out.write(out.toByteArray());
    System.out.flush();
  }
}
