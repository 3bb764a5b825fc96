package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FiguresTest {

  @Test
  void contendedLeavesOutTheAcquisitionsThatDidNotWait() {
    Histogram wait = new Histogram(3);
    wait.recordValueWithCount(0, 1_000);
    wait.recordValue(20);
    wait.recordValue(1_000_000);
    Figures all = Figures.of(wait);
    Figures contended = Figures.contended(wait);
    assertEquals(1_002, all.count());
    assertEquals(0, all.min());
    assertEquals(2, contended.count());
    assertEquals(20, contended.min());
    assertEquals(1_000_000, contended.max(), 1_000);
    assertEquals(500_010, contended.mean(), 1_000);
  }

  @Test
  void noValueIsNone() {
    assertEquals(Figures.NONE, Figures.contended(new Histogram(3)));
  }

  @Test
  void durationsReadLikeTheMailingList() {
    assertEquals("314 ns", Durations.format(314));
    assertEquals("47.6 us", Durations.format(47_637));
    assertEquals("118 ms", Durations.format(117_855_314));
    assertEquals("11.4 s", Durations.format(11_428_340_858.0));
    assertEquals("2.50 s", Durations.format(2.5e9));
  }
}
