package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

  @Test
  void theReproducerFourTimesOverIsThe174000IrqfdsOf2023() {
    StressPlan.Churn once = StressPlan.Churn.reproducer(1);
    assertEquals(43_500, once.irqfds(), "900 background VMs and 20 test VMs of 100 rounds, 15 irqfds each");
    assertEquals(920, once.tasks());
    assertEquals(StressPlan.IRQFDS_2023, StressPlan.Churn.reproducer(4).irqfds());
    assertThrows(IllegalArgumentException.class, () -> StressPlan.Churn.reproducer(0));
  }

  @Test
  void theProcessesStartAsTheParentForksThemTheTestOnesAfterItsPause() {
    StressPlan.Churn c = new StressPlan.Churn(3, 2, 1, 1, 0, 0, 1_000_000, 100);
    List<Long> starts = new ArrayList<>();
    for (int t = 0; t < c.tasks(); t++) {
      starts.add(c.startNs(t));
    }
    assertEquals(List.of(0L, 100L, 200L, 1_000_300L, 1_000_400L), starts);
  }

  @Test
  void aChurnRunsInVirtualTimeWithNoProducersNorThinkTime() {
    StressPlan.Churn c = StressPlan.Churn.reproducer(1);
    StressPlan plan = StressPlan.churn(c, 144, CostModel.icx2023(), 1);
    assertEquals(920, plan.threads());
    assertEquals(43_500, plan.irqfds());
    assertThrows(IllegalArgumentException.class,
        () -> new StressPlan(920, 43_500, false, 144, StressPlan.Clock.HOST, CostModel.icx2023(), 0, 1, c));
    assertThrows(IllegalArgumentException.class,
        () -> new StressPlan(920, 43_500, true, 144, StressPlan.Clock.VIRTUAL, CostModel.icx2023(), 0, 1, c));
    assertThrows(IllegalArgumentException.class, () -> plan.thinking(1000, 1));
    assertThrows(IllegalArgumentException.class, () -> new StressPlan.Churn(0, 0, 1, 1, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new StressPlan.Churn(1, 0, 1, 1, -1, 0, 0, 0));
  }

  @Test
  void theTimerSlackIsBelow50usAndTheSameForTheSameSeed() {
    StressPlan plan = StressPlan.churn(StressPlan.Churn.reproducer(1), 144, CostModel.icx2023(), 1);
    List<Long> a = new ArrayList<>();
    List<Long> b = new ArrayList<>();
    LongSupplier x = plan.slacks().get(5);
    LongSupplier y = plan.slacks().get(5);
    for (int i = 0; i < 10_000; i++) {
      a.add(x.getAsLong());
      b.add(y.getAsLong());
    }
    assertEquals(a, b);
    assertTrue(a.stream().allMatch(v -> v >= 0 && v < StressPlan.TIMER_SLACK_NS), "within the slack");
    assertEquals(StressPlan.TIMER_SLACK_NS / 2.0, a.stream().mapToLong(Long::longValue).average().orElseThrow(), 1000, "uniform");
  }
}
