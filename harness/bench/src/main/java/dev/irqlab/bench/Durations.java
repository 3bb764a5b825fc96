package dev.irqlab.bench;

import java.util.Locale;

/** Nanoseconds as a person reads them: {@code 314 ns}, {@code 47.6 us}, {@code 117.9 ms}, {@code 11.43 s}. */
public final class Durations {
  private Durations() {}

  /** {@code ns} in the largest unit that keeps it at or above 1, with 3 or 4 significant digits. */
  public static String format(double ns) {
    if (ns < 1_000) {
      return String.format(Locale.ROOT, "%.0f ns", ns);
    }
    if (ns < 1_000_000) {
      return scaled(ns / 1e3, "us");
    }
    if (ns < 1_000_000_000) {
      return scaled(ns / 1e6, "ms");
    }
    return scaled(ns / 1e9, "s");
  }

  private static String scaled(double v, String unit) {
    String digits = v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s";
    return String.format(Locale.ROOT, digits, v, unit);
  }
}
