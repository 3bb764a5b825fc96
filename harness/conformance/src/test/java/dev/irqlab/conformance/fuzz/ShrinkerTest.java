package dev.irqlab.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Op;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.ScenarioParser;
import dev.irqlab.conformance.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Delta debugging over scenarios, with a property in place of runs. */
class ShrinkerTest {
  private static Scenario parse(String... lines) {
    return ScenarioParser.parse("test", "shrink", "title t\n" + String.join("\n", lines) + "\n");
  }

  private static Shrinker shrinker(Predicate<Scenario> property) {
    return new Shrinker(batch -> batch.stream().map(property::test).toList());
  }

  /** Two producers registered with one eventfd, the second under a failing add_consumer. */
  private static boolean twoOnOneEventfd(Scenario s) {
    List<String> keys = new ArrayList<>();
    for (Step st : s.steps()) {
      if (st.op() instanceof Op.Register r && r.name().startsWith("p")) {
        keys.add(r.key());
      }
    }
    return keys.size() >= 2 && keys.stream().distinct().count() < keys.size();
  }

  @Test
  void itDropsWhatThePropertyDoesNotNeedAndRenumbersTheNames() {
    Scenario big = parse("vm vm0", "eventfd efd3", "eventfd efd5", "producer p4 add=-EBUSY", "consumer c2 callbacks=none",
        "producer p7", "register c2 efd3", "route vm0 24 vcpu=1 vector=0x41", "register p7 efd5", "signal efd3",
        "register p4 efd5", "unregister c2", "free c2");
    Shrinker s = shrinker(ShrinkerTest::twoOnOneEventfd);
    Scenario small = s.shrink(big);
    assertEquals(String.join("\n", "scenario shrink", "title t", "eventfd efd0", "producer p0", "producer p1",
        "register p1 efd0", "register p0 efd0", ""), small.text());
    assertTrue(s.tested() > 0);
  }

  @Test
  void theResultIsOneMinimal() {
    for (long seed = 0; seed < 200; seed++) {
      Scenario generated = Generator.scenario(seed);
      if (!twoOnOneEventfd(generated)) {
        continue;
      }
      Scenario small = shrinker(ShrinkerTest::twoOnOneEventfd).shrink(generated);
      assertTrue(twoOnOneEventfd(small), small.text());
      List<Op> ops = small.steps().stream().map(Step::op).toList();
      for (int i = 0; i < ops.size(); i++) {
        List<Op> less = new ArrayList<>(ops);
        less.remove(i);
        List<Op> closed = Shrinker.closed(less);
        List<Step> steps = new ArrayList<>();
        closed.forEach(op -> steps.add(new Step(steps.size() + 1, null, op, List.of())));
        assertFalse(twoOnOneEventfd(new Scenario("x", "t", "test", steps)), "seed " + seed + ": step " + (i + 1) + " could go:\n" + small.text());
      }
    }
  }

  @Test
  void toldToStopItReturnsWhatItHasAndSaysItIsNotMinimal() {
    Scenario big = Generator.scenario(5);
    java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
    Shrinker s = new Shrinker(batch -> {
      batches.incrementAndGet();
      return batch.stream().map(x -> true).toList();
    }, () -> batches.get() >= 1);
    Scenario small = s.shrink(big);
    assertTrue(s.stopped());
    assertEquals(1, batches.get());
    assertTrue(small.steps().size() < big.steps().size(), small.text());
    Shrinker free = shrinker(x -> true);
    free.shrink(big);
    assertFalse(free.stopped());
  }

  @Test
  void droppingWhatCreatesANameDropsEveryUseOfIt() {
    Scenario s = parse("eventfd efd0", "producer p0", "register p0 efd0", "eventfd efd1", "signal efd1", "unregister p0");
    List<Op> ops = new ArrayList<>(s.steps().stream().map(Step::op).toList());
    ops.remove(1);
    assertEquals(List.of("eventfd efd0", "eventfd efd1", "signal efd1"), Shrinker.closed(ops).stream().map(Op::text).toList());
  }

  @Test
  void argumentsGetSimpler() {
    assertEquals(List.of("producer p0 callbacks=none", "producer p0 add=-EBUSY"),
        Shrinker.simpler(new Op.NewProducer("p0", -16, false)).stream().map(Op::text).toList());
    assertEquals(List.of(), Shrinker.simpler(new Op.NewProducer("p0", 0, true)));
    assertEquals("register p0 efd0", Shrinker.sameEventfd(new Op.Register("p0", "efd2"), "efd0").text());
    assertEquals(null, Shrinker.sameEventfd(new Op.Register("p0", "NULL"), "efd0"));
  }

  @Test
  void renumberingKeepsEachFamilyApartAndReadsBack() {
    Scenario s = parse("eventfd efd2", "producer p3", "consumer c1", "register p3 efd2", "vfio vfio1 msix=2",
        "set-irqs vfio1 msix 0 efd2", "fire vfio1.msix1");
    Scenario r = Shrinker.renumber(s);
    assertNotNull(r);
    assertEquals(String.join("\n", "scenario shrink", "title t", "eventfd efd0", "producer p0", "consumer c0", "register p0 efd0",
        "vfio vfio0 msix=2", "set-irqs vfio0 msix 0 efd0", "fire vfio0.msix1", ""), r.text());
  }
}
