package dev.irqlab.bench;

/**
 * A base-10 logarithmic axis over whole decades, {@code 10^lo} to {@code 10^hi}, drawn over the
 * pixels {@code from} to {@code to} ({@code from > to} for an axis that goes up the page).
 */
record LogAxis(int lo, int hi, double from, double to) {
  LogAxis {
    if (hi <= lo) {
      throw new IllegalArgumentException("an axis from 10^" + lo + " to 10^" + hi);
    }
  }

  /**
   * The fewest whole decades that hold {@code min} to {@code max} (both positive), ends included:
   * for points, which may sit on the axis.
   */
  static LogAxis covering(double min, double max, double from, double to) {
    check(min, max);
    int lo = floorDecade(min);
    return new LogAxis(lo, Math.max(ceilDecade(Math.max(min, max)), lo + 1), from, to);
  }

  /**
   * The fewest whole decades that hold {@code min} to {@code max} (both positive) with {@code min}
   * above the lowest: for bars that grow from the axis, so that the shortest has a length too.
   */
  static LogAxis forBars(double min, double max, double from, double to) {
    check(min, max);
    int lo = floorDecade(min);
    if (pow10(lo) == min) {
      lo--;
    }
    return new LogAxis(lo, Math.max(ceilDecade(Math.max(min, max)), lo + 1), from, to);
  }

  private static void check(double min, double max) {
    if (!(min > 0) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("a log axis needs finite values above 0, not " + min + " to " + max);
    }
  }

  /** The largest {@code e} with {@code 10^e <= v}. */
  private static int floorDecade(double v) {
    int e = (int) Math.floor(Math.log10(v));
    while (pow10(e) > v) {
      e--;
    }
    while (pow10(e + 1) <= v) {
      e++;
    }
    return e;
  }

  /** The smallest {@code e} with {@code 10^e >= v}. */
  private static int ceilDecade(double v) {
    int e = (int) Math.ceil(Math.log10(v));
    while (pow10(e) < v) {
      e++;
    }
    while (pow10(e - 1) >= v) {
      e--;
    }
    return e;
  }

  static double pow10(int e) {
    return Math.pow(10, e);
  }

  /** Where {@code value} is, in pixels; a value beyond the axis is drawn at its end. */
  double at(double value) {
    double v = Math.log10(Math.min(Math.max(value, pow10(lo)), pow10(hi)));
    return from + (v - lo) / (hi - lo) * (to - from);
  }

  /**
   * Every how many decades a label goes, so that labels {@code size} pixels long (along the
   * axis) do not touch: 1, or more on a long range in few pixels.
   */
  int labelStep(double size) {
    double perDecade = Math.abs(to - from) / (hi - lo);
    return Math.max(1, (int) Math.ceil((size + 6) / perDecade));
  }

  /** Whether decade {@code e} gets a label, every {@code step} decades (at the multiples of it). */
  static boolean labelled(int e, int step) {
    return Math.floorMod(e, step) == 0;
  }
}
