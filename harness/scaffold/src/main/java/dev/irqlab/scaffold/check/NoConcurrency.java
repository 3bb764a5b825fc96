package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.SynchronizedStmt;

/**
 * {@code no-concurrency}: no {@code java.util.concurrent} (atomics, locks, executors, concurrent
 * maps), no {@code synchronized} method or block, no {@code volatile} field, and no call of
 * {@code wait}, {@code notify} or {@code notifyAll} (with the arities of {@code Object}'s).
 */
final class NoConcurrency extends NamespaceRule {

  NoConcurrency() {
    super(
        "no-concurrency",
        Namespace.CONCURRENCY,
        "a revision serialises with the emulated kernel's locks (Mutex, SpinLock), which lockdep"
            + " checks, not with Java's concurrency utilities");
  }

  @Override
  public void check(RevisionSource source, Findings findings) {
    super.check(source, findings);
    for (MethodDeclaration m : source.unit().findAll(MethodDeclaration.class)) {
      if (m.isSynchronized()) {
        report(source, m, "synchronized method " + m.getNameAsString(), findings);
      }
    }
    source.unit().findAll(SynchronizedStmt.class)
        .forEach(s -> report(source, s, "synchronized block", findings));
    for (FieldDeclaration f : source.unit().findAll(FieldDeclaration.class)) {
      if (f.isVolatile()) {
        report(source, f, "volatile field " + f.getVariable(0).getNameAsString(), findings);
      }
    }
    for (MethodCallExpr call : source.unit().findAll(MethodCallExpr.class)) {
      if (isMonitorCall(call)) {
        report(source, call, "Object." + call.getNameAsString() + "()", findings);
      }
    }
  }

  private static boolean isMonitorCall(MethodCallExpr call) {
    int args = call.getArguments().size();
    return switch (call.getNameAsString()) {
      case "wait" -> args <= 2;
      case "notify", "notifyAll" -> args == 0;
      default -> false;
    };
  }
}
