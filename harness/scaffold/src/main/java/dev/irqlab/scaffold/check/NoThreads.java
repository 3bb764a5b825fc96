package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.expr.MethodCallExpr;

/**
 * {@code no-threads}: no {@code Thread} (so no {@code Runnable} started on one), {@code
 * ThreadLocal}, {@code InheritableThreadLocal}, {@code ThreadGroup}, {@code java.util.Timer} or
 * {@code TimerTask}, and no parallel stream ({@code parallelStream()}, {@code parallel()}), which
 * runs on the common pool's threads.
 */
final class NoThreads extends NamespaceRule {

  NoThreads() {
    super(
        "no-threads",
        Namespace.THREADS,
        "a revision runs in its caller's task (the emulated kernel's Task) and starts no Java"
            + " threads");
  }

  @Override
  public void check(RevisionSource source, Findings findings) {
    super.check(source, findings);
    for (MethodCallExpr call : source.unit().findAll(MethodCallExpr.class)) {
      String name = call.getNameAsString();
      boolean parallel = name.equals("parallelStream") || name.equals("parallel");
      if (parallel && call.getArguments().isEmpty()) {
        report(source, call, name + "()", findings);
      }
    }
  }
}
