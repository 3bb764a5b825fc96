package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class StressPlanTest {
  private static final StressPlan PLAN = StressPlan.virtual(4, 40, false, 4, CostModel.icx2023());

  private static List<Long> draws(StressPlan plan, int task, int n) {
    LongSupplier s = plan.pauses().get(task);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.getAsLong());
    }
    return out;
  }

  @Test
  void withoutAThinkTimeEveryPauseIsZero() {
    assertEquals(List.of(0L, 0L, 0L), draws(PLAN, 2, 3));
  }

  @Test
  void theSameSeedGivesTheSamePausesAndAnotherSeedOthers() {
    StressPlan a = PLAN.thinking(50_000, 1);
    assertEquals(draws(a, 3, 100), draws(a, 3, 100), "a task's pauses depend on the seed and its index only");
    assertNotEquals(draws(a, 0, 100), draws(a, 1, 100), "two tasks draw apart");
    assertNotEquals(draws(a, 0, 100), draws(PLAN.thinking(50_000, 2), 0, 100));
  }

  @Test
  void thePausesAreExponentialWithTheThinkTimeForMean() {
    List<Long> d = draws(PLAN.thinking(50_000, 1), 0, 100_000);
    double mean = d.stream().mapToLong(Long::longValue).average().orElseThrow();
    assertEquals(50_000, mean, 50_000 * 0.02, "the mean");
    long belowMean = d.stream().filter(x -> x < 50_000).count();
    assertEquals(1 - Math.exp(-1), belowMean / 100_000.0, 0.01, "P(X < mean) of an exponential distribution");
    assertTrue(d.stream().allMatch(x -> x >= 0));
  }
}
