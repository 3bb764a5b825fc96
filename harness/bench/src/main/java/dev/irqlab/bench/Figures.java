package dev.irqlab.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A histogram of nanoseconds in a few numbers, as {@code /proc/lock_stat} and a benchmark table
 * show them.
 *
 * @param count how many values
 * @param mean the average, in ns (0 with no value)
 * @param min the smallest, in ns
 * @param p50 the median, in ns
 * @param p99 the 99th percentile, in ns
 * @param p999 the 99.9th percentile, in ns
 * @param max the largest, in ns
 */
public record Figures(long count, double mean, long min, long p50, long p99, long p999, long max) {

  /** No value at all. */
  public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

  /** Every value of {@code h}. */
  public static Figures of(Histogram h) {
    if (h.getTotalCount() == 0) {
      return NONE;
    }
    return new Figures(
        h.getTotalCount(),
        h.getMean(),
        h.getMinValue(),
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9),
        h.getMaxValue());
  }

  /**
   * The values of {@code waitTime} above 0: the waits of contended acquisitions only, which is
   * what lock_stat's {@code waittime-min/max/total} columns cover (an acquisition that found the
   * lock free waited 0 ns and is counted in {@code acquisitions} only).
   */
  public static Figures contended(Histogram waitTime) {
    Histogram waits = new Histogram(waitTime.getNumberOfSignificantValueDigits());
    for (HistogramIterationValue v : waitTime.recordedValues()) {
      if (v.getValueIteratedTo() > 0) {
        waits.recordValueWithCount(v.getValueIteratedTo(), v.getCountAtValueIteratedTo());
      }
    }
    return of(waits);
  }
}
