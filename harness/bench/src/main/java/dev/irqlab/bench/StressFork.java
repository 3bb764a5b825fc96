package dev.irqlab.bench;

import dev.irqlab.spi.LoadedRevision;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * One revision's stress in a JVM of its own, as JMH forks one per benchmark: each revision gets
 * a fresh heap of {@value #HEAP} and a JIT that has compiled no other revision's walks, so the
 * revisions are measured alike whatever ran before them.
 *
 * <p>The child is {@link #main} on the parent's class path. It reports progress on its standard
 * error ({@code progress N} lines) and its {@link StressResult} on its standard output as
 * {@link Properties}.
 */
public final class StressFork {
  /** The heap of each child: 174000 irqfds on any revision fit in it. */
  public static final String HEAP = "2g";
  private static final String PROGRESS = "progress ";
  private static final int PROGRESS_EVERY = 500;

  private StressFork() {}

  /** Runs {@code revision}'s stress in a child JVM; {@code progress} hears about each irqfd made. */
  public static StressResult run(LoadedRevision revision, StressPlan plan, IntConsumer progress)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + HEAP);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StressFork.class.getName());
    command.add(revision.id());
    command.add(Integer.toString(plan.threads()));
    command.add(Integer.toString(plan.irqfds()));
    command.add(Boolean.toString(plan.producers()));
    command.add(Integer.toString(plan.cpus()));
    Process child = new ProcessBuilder(command).start();
    StringBuilder errors = new StringBuilder();
    Thread err = new Thread(() -> readErrors(child, progress, errors), "stress-" + revision.id());
    err.start();
    byte[] out = child.getInputStream().readAllBytes();
    int code = child.waitFor();
    err.join();
    if (code != 0) {
      throw new IllegalStateException(String.format(Locale.ROOT, "%s: the stress JVM exited with %d:%n%s", revision.id(), code, errors));
    }
    Properties p = new Properties();
    p.load(new ByteArrayInputStream(out));
    return fromProperties(p);
  }

  private static void readErrors(Process child, IntConsumer progress, StringBuilder errors) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith(PROGRESS)) {
          progress.accept(Integer.parseInt(line.substring(PROGRESS.length())));
        } else {
          errors.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The child: {@code REVISION THREADS IRQFDS PRODUCERS CPUS}. */
  public static void main(String[] args) throws Exception {
    StressPlan plan = new StressPlan(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]), Integer.parseInt(args[4]));
    PrintStream err = System.err;
    AtomicInteger done = new AtomicInteger();
    StressResult r = new StressRun(Revisions.byId(args[0]), plan, n -> {
      if (done.addAndGet(n) % PROGRESS_EVERY == 0) {
        err.println(PROGRESS + PROGRESS_EVERY);
      }
    }).run();
    err.println(PROGRESS + done.get() % PROGRESS_EVERY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    toProperties(r).store(out, null);
    System.out.write(out.toByteArray());
    System.out.flush();
  }

  static Properties toProperties(StressResult r) {
    Properties p = new Properties();
    p.setProperty("revision", r.revision());
    p.setProperty("era", r.era());
    p.setProperty("lock", r.lock());
    p.setProperty("irqfds", Integer.toString(r.irqfds()));
    p.setProperty("failed", Integer.toString(r.failed()));
    p.setProperty("consumers", Integer.toString(r.consumers()));
    p.setProperty("connections", Integer.toString(r.connections()));
    p.setProperty("seconds", Double.toString(r.seconds()));
    p.setProperty("acquisitions", Long.toString(r.acquisitions()));
    p.setProperty("contentions", Long.toString(r.contentions()));
    putFigures(p, "wait", r.waitTime());
    putFigures(p, "hold", r.holdTime());
    p.setProperty("listVisitsPerRegistration", Double.toString(r.listVisitsPerRegistration()));
    p.setProperty("reports", Integer.toString(r.reports()));
    return p;
  }

  static StressResult fromProperties(Properties p) {
    return new StressResult(
        p.getProperty("revision"),
        p.getProperty("era"),
        p.getProperty("lock"),
        Integer.parseInt(p.getProperty("irqfds")),
        Integer.parseInt(p.getProperty("failed")),
        Integer.parseInt(p.getProperty("consumers")),
        Integer.parseInt(p.getProperty("connections")),
        Double.parseDouble(p.getProperty("seconds")),
        Long.parseLong(p.getProperty("acquisitions")),
        Long.parseLong(p.getProperty("contentions")),
        figures(p, "wait"),
        figures(p, "hold"),
        Double.parseDouble(p.getProperty("listVisitsPerRegistration")),
        Integer.parseInt(p.getProperty("reports")));
  }

  private static void putFigures(Properties p, String prefix, Figures f) {
    p.setProperty(prefix + ".count", Long.toString(f.count()));
    p.setProperty(prefix + ".mean", Double.toString(f.mean()));
    p.setProperty(prefix + ".min", Long.toString(f.min()));
    p.setProperty(prefix + ".p50", Long.toString(f.p50()));
    p.setProperty(prefix + ".p99", Long.toString(f.p99()));
    p.setProperty(prefix + ".p999", Long.toString(f.p999()));
    p.setProperty(prefix + ".max", Long.toString(f.max()));
  }

  private static Figures figures(Properties p, String prefix) {
    return new Figures(
        Long.parseLong(p.getProperty(prefix + ".count")),
        Double.parseDouble(p.getProperty(prefix + ".mean")),
        Long.parseLong(p.getProperty(prefix + ".min")),
        Long.parseLong(p.getProperty(prefix + ".p50")),
        Long.parseLong(p.getProperty(prefix + ".p99")),
        Long.parseLong(p.getProperty(prefix + ".p999")),
        Long.parseLong(p.getProperty(prefix + ".max")));
  }
}
