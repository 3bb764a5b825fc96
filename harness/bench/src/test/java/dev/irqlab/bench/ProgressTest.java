package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** The estimate of the time left, on a clock the test moves. */
class ProgressTest {
  private static final long S = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong();
  private final Progress progress = new Progress(new PrintWriter(new StringWriter()), false, 200, now::get).items(2, 100, 1);

  @Test
  void nothingIsEstimatedBeforeAnyUnitIsDone() {
    progress.started("a");
    now.set(5 * S);
    assertEquals(-1, progress.left());
    assertTrue(progress.line().contains("5s  a"), progress.line());
  }

  /** Item a makes 25 units by {@code first} seconds, 50 by {@code second}; the estimate then. */
  private long leftAfter(long first, long second) {
    progress.started("a");
    IntConsumer a = progress.of("a");
    now.set(first * S);
    a.accept(25);
    progress.left();
    now.set(second * S);
    a.accept(25);
    return progress.left();
  }

  @Test
  void anItemWhoseTimeGrowsLinearlyIsExtrapolatedLinearlyAndTheNextIsTakenToCostAsMuch() {
    assertEquals(60 * S, leftAfter(10, 20), "20 s more for a, 40 s for b");
    assertTrue(progress.line().contains("~1m00s left"), progress.line());
  }

  @Test
  void anItemWhoseUnitsCostMoreAndMoreIsExtrapolatedAsTheSquare() {
    assertEquals(280 * S, leftAfter(10, 40), "half the units took 40 s: 160 s for a in all, and as much for b");
  }

  @Test
  void aFinishedItemIsWhatTheNextOneIsExpectedToCost() {
    progress.started("a");
    progress.of("a").accept(100);
    now.set(30 * S);
    progress.finished("a", "a done");
    progress.started("b");
    now.set(31 * S);
    assertEquals(30 * S, progress.left());
    assertEquals("1m30s", Progress.clockTime(90 * S));
    assertEquals("1h02m", Progress.clockTime(3720 * S));
  }
}
