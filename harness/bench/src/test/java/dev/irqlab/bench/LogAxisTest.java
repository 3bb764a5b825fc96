package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The charts' log axes: which decades they span, where a value is drawn, which ticks get labels. */
class LogAxisTest {
  private static final Pattern DURATION = Pattern.compile("([0-9.]+) (ns|us|ms|s)");
  private static final Map<String, Integer> NS_EXPONENT = Map.of("ns", 0, "us", 3, "ms", 6, "s", 9);

  /** Nanoseconds a tick label such as {@code 100 us} stands for. */
  static BigDecimal nanoseconds(String label) {
    Matcher m = DURATION.matcher(label);
    assertTrue(m.matches(), () -> "not a duration: " + label);
    return new BigDecimal(m.group(1)).scaleByPowerOfTen(NS_EXPONENT.get(m.group(2)));
  }

  @ParameterizedTest(name = "{0} to {1}")
  @CsvSource({
    "1000, 1000", // all values equal, on a decade
    "500, 500", // all equal, between decades
    "100, 101", // a narrow range starting on a decade
    "999.999, 1000.001", // a narrow range across a decade
    "0.002, 0.003", // below a nanosecond
    "1, 1e12", // a wide range
    "3e-4, 7e15", // a wider one
  })
  void barsStartBelowTheSmallestValueAndReachTheLargestInsideThePlot(double min, double max) {
    LogAxis x = LogAxis.forBars(min, max, 100, 800);
    assertTrue(LogAxis.pow10(x.lo()) < min, () -> x + " starts at or above " + min);
    assertTrue(max <= LogAxis.pow10(x.hi()), () -> x + " ends below " + max);
    assertTrue(LogAxis.pow10(x.lo() + 1) >= min, () -> x + " starts a decade too low for " + min);
    assertTrue(x.hi() - 1 == x.lo() || LogAxis.pow10(x.hi() - 1) < max, () -> x + " ends a decade too high for " + max);
    assertTrue(x.at(min) > 100 && x.at(min) <= x.at(max) && x.at(max) <= 800, () -> x.at(min) + " to " + x.at(max));
  }

  @ParameterizedTest(name = "{0} to {1}")
  @CsvSource({"10, 1000000", "1000, 1000", "0.5, 0.5", "42, 43", "1e-3, 1e15"})
  void pointsLieOnTheAxisEndsIncludedAlsoUpThePage(double min, double max) {
    LogAxis y = LogAxis.covering(min, max, 460, 50);
    assertTrue(LogAxis.pow10(y.lo()) <= min && max <= LogAxis.pow10(y.hi()), y::toString);
    assertTrue(y.at(min) <= 460 && y.at(min) >= y.at(max) && y.at(max) >= 50, () -> y.at(min) + " to " + y.at(max));
  }

  @Test
  void decadesFromTheSizesOfAScaleRunAreTheFiveOfThem() {
    LogAxis x = LogAxis.covering(10, 1_000_000, 80, 600);
    assertEquals(1, x.lo());
    assertEquals(6, x.hi());
    assertEquals(80, x.at(10), 1e-9);
    assertEquals(600, x.at(1_000_000), 1e-9);
    assertEquals(184, x.at(100), 1e-9);
  }

  @Test
  void anAxisWithoutAPositiveValueIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> LogAxis.covering(0, 10, 0, 100));
    assertThrows(IllegalArgumentException.class, () -> LogAxis.forBars(Double.NaN, 10, 0, 100));
    assertThrows(IllegalArgumentException.class, () -> LogAxis.forBars(1, Double.POSITIVE_INFINITY, 0, 100));
  }

  @Test
  void labelsThinOutWhenTheyWouldTouch() {
    LogAxis few = LogAxis.forBars(1e3, 1e9, 100, 800);
    assertEquals(1, few.labelStep(40));
    LogAxis many = LogAxis.forBars(3e-4, 7e15, 100, 800);
    int step = many.labelStep(50);
    assertTrue(step > 1);
    assertTrue(step * 700.0 / (many.hi() - many.lo()) >= 50, () -> "step " + step);
    assertTrue(LogAxis.labelled(3, 3) && LogAxis.labelled(-3, 3) && !LogAxis.labelled(4, 3));
  }

  @Test
  void aDecadeOfNanosecondsIsNamedInItsOwnUnit() {
    for (int e = -4; e <= 14; e++) {
      assertEquals(0, BigDecimal.ONE.scaleByPowerOfTen(e).compareTo(nanoseconds(Plot.decadeOfNs(e))), Plot.decadeOfNs(e) + " for 10^" + e);
    }
    assertEquals("0.1 ns", Plot.decadeOfNs(-1));
    assertEquals("100 us", Plot.decadeOfNs(5));
    assertEquals("1000 s", Plot.decadeOfNs(12));
  }

  @Test
  void aDecadeOfACountHasItsSuffix() {
    assertEquals("10", Plot.decadeOfCount(1));
    assertEquals("100k", Plot.decadeOfCount(5));
    assertEquals("1M", Plot.decadeOfCount(6));
    assertEquals("1000G", Plot.decadeOfCount(12));
  }
}
