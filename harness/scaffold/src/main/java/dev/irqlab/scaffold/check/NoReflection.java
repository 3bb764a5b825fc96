package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Set;

/**
 * {@code no-reflection}: no {@code java.lang.reflect}, no {@code java.lang.invoke} ({@code
 * MethodHandles}, {@code VarHandle}), no {@code ClassLoader}, and no call of the reflective
 * methods of {@code Class} ({@code forName}, {@code getDeclaredField}, {@code newInstance}, ...),
 * whatever the receiver. Class literals ({@code Foo.class}) stay allowed: the SPI keys a
 * revision's private fields by class.
 */
final class NoReflection extends NamespaceRule {
  private static final Set<String> REFLECTIVE_CALLS =
      Set.of(
          "forName",
          "getDeclaredField",
          "getDeclaredFields",
          "getDeclaredMethod",
          "getDeclaredMethods",
          "getDeclaredConstructor",
          "getDeclaredConstructors",
          "getDeclaredClasses",
          "getField",
          "getFields",
          "getMethod",
          "getMethods",
          "getConstructor",
          "getConstructors",
          "getRecordComponents",
          "setAccessible",
          "newInstance");

  NoReflection() {
    super(
        "no-reflection",
        Namespace.REFLECTION,
        "a revision reaches other code through the SPI and the emulated kernel only, not through"
            + " reflection");
  }

  @Override
  public void check(RevisionSource source, Findings findings) {
    super.check(source, findings);
    for (MethodCallExpr call : source.unit().findAll(MethodCallExpr.class)) {
      if (REFLECTIVE_CALLS.contains(call.getNameAsString())) {
        report(source, call, call.getNameAsString() + "()", findings);
      }
    }
  }
}
