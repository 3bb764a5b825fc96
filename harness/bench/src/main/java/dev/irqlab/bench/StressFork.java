package dev.irqlab.bench;

import dev.irqlab.spi.LoadedRevision;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * One revision's stress in a JVM of its own ({@link Forked}), with a heap of 2 GiB: 174000 irqfds
 * on any revision fit in it.
 */
public final class StressFork {
  private static final int PROGRESS_EVERY = 500;

  private StressFork() {}

  /** Runs {@code revision}'s stress in a child JVM; {@code progress} hears about each irqfd made. */
  public static StressResult run(LoadedRevision revision, StressPlan plan, IntConsumer progress)
      throws IOException, InterruptedException {
    List<String> args = List.of(revision.id(), Integer.toString(plan.threads()), Integer.toString(plan.irqfds()),
        Boolean.toString(plan.producers()), Integer.toString(plan.cpus()), plan.clock().name(), plan.costs().describe(),
        Long.toString(plan.think()), Long.toString(plan.seed()), churn(plan.churn()));
    return fromProperties(Forked.run(StressFork.class, args, progress));
  }

  /** The child: {@code REVISION THREADS IRQFDS PRODUCERS CPUS CLOCK COSTS THINK SEED CHURN}. */
  public static void main(String[] args) throws Exception {
    StressPlan plan = new StressPlan(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]),
        Integer.parseInt(args[4]), StressPlan.Clock.valueOf(args[5]), CostModel.icx2023().with(List.of(args[6].split(" "))), Long.parseLong(args[7]),
        Long.parseLong(args[8]), churn(args[9]));
    PrintStream err = System.err;
    AtomicInteger done = new AtomicInteger();
    StressResult r = new StressRun(Revisions.byId(args[0]), plan, n -> {
      if (done.addAndGet(n) % PROGRESS_EVERY == 0) {
        Forked.progress(err, PROGRESS_EVERY);
      }
    }).run();
    Forked.progress(err, done.get() % PROGRESS_EVERY);
    Forked.result(toProperties(r));
  }

  /** {@code churn} as one argument: its numbers separated by commas, or {@code -} for none. */
  static String churn(StressPlan.Churn c) {
    return c == null ? "-" : c.backgroundVms() + "," + c.testVms() + "," + c.rounds() + "," + c.irqfdsPerVm() + ","
        + c.backgroundSleepNs() + "," + c.testSleepNs() + "," + c.testStartNs() + "," + c.forkNs();
  }

  /** The churn of {@link #churn(StressPlan.Churn)}'s argument. */
  static StressPlan.Churn churn(String arg) {
    if (arg.equals("-")) {
      return null;
    }
    long[] v = java.util.Arrays.stream(arg.split(",")).mapToLong(Long::parseLong).toArray();
    return new StressPlan.Churn((int) v[0], (int) v[1], (int) v[2], (int) v[3], v[4], v[5], v[6], v[7]);
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
    p.setProperty("makespan", Double.toString(r.makespan()));
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
        Double.parseDouble(p.getProperty("makespan")),
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
