package dev.irqlab.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One revision's (or the {@code HashMap}'s) scale run in a JVM of its own ({@link Forked}): the
 * small sizes are measured first, so a JIT still busy with code another revision ran would weigh
 * on them.
 */
public final class ScaleFork {
  private ScaleFork() {}

  /** Runs the scale of {@code name} (a revision id, or {@value ScaleRun#HASH_MAP}) in a child JVM. */
  public static ScaleResult run(String name, ScalePlan plan) throws IOException, InterruptedException {
    List<String> args = List.of(name, Long.toString(plan.max()), Double.toString(plan.budgetSeconds()));
    return fromProperties(Forked.run(ScaleFork.class, args, n -> {}));
  }

  /** The child: {@code NAME MAX BUDGET}. */
  public static void main(String[] args) throws Exception {
    ScaleRun run = new ScaleRun(new ScalePlan(Long.parseLong(args[1]), Double.parseDouble(args[2])));
    ScaleResult r = args[0].equals(ScaleRun.HASH_MAP) ? run.runHashMap() : run.run(Revisions.byId(args[0]));
    Forked.result(toProperties(r));
  }

  static Properties toProperties(ScaleResult r) {
    Properties p = new Properties();
    p.setProperty("name", r.name());
    if (r.stopped() != null) {
      p.setProperty("stopped", r.stopped());
    }
    p.setProperty("points", Integer.toString(r.points().size()));
    for (int i = 0; i < r.points().size(); i++) {
      ScaleResult.Point pt = r.points().get(i);
      p.setProperty(i + ".size", Long.toString(pt.size()));
      p.setProperty(i + ".register", Double.toString(pt.registerNs()));
      p.setProperty(i + ".unregister", Double.toString(pt.unregisterNs()));
      p.setProperty(i + ".visits", Double.toString(pt.listVisits()));
    }
    return p;
  }

  static ScaleResult fromProperties(Properties p) {
    List<ScaleResult.Point> points = new ArrayList<>();
    int n = Integer.parseInt(p.getProperty("points"));
    for (int i = 0; i < n; i++) {
      points.add(new ScaleResult.Point(
          Long.parseLong(p.getProperty(i + ".size")),
          Double.parseDouble(p.getProperty(i + ".register")),
          Double.parseDouble(p.getProperty(i + ".unregister")),
          Double.parseDouble(p.getProperty(i + ".visits"))));
    }
    return new ScaleResult(p.getProperty("name"), points, p.getProperty("stopped"));
  }
}
