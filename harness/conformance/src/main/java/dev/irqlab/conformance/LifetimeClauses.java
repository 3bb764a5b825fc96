package dev.irqlab.conformance;

import static dev.irqlab.conformance.ClauseKit.*;

import dev.irqlab.spi.Feature;
import java.util.List;

/** The clauses on object lifetime: when the manager may still touch a caller's struct. */
final class LifetimeClauses {
  private LifetimeClauses() {}

  /** Every clause of this category, in order. */
  static List<Clause> all() {
    ClauseKit.Book life = new ClauseKit.Book(Category.LIFETIME);
    life.clause("LIFE-01", "Once unregister returns, the manager never touches the object again.")
        .why("The device frees the struct it embeds right after unregistering it.", HEADER, KERNEL_DOC)
        .reads("free-after-unregister")
        .check(e -> {
          Trace t = Checks.completed(e, "free-after-unregister");
          List<String> kasan = t.reports("KASAN");
          return Verdict.check(kasan.isEmpty(), kasan.isEmpty() ? "" : kasan.get(0));
        });
    life.clause("LIFE-02", "A failed registration leaves the manager no pointer to the object.")
        .why("A caller told that registration failed frees its struct; the manager must not reach it later.", NAK)
        .reads("connect-fails-free")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          Trace t = e.trace("connect-fails-free");
          List<String> kasan = t.reports("KASAN");
          if (!kasan.isEmpty()) {
            return Verdict.fail(kasan.get(0));
          }
          Checks.completed(e, "connect-fails-free");
          return Verdict.PASS;
        });
    return life.clauses();
  }
}
