package dev.irqlab.bench;

import java.util.List;

/**
 * How registration cost grew with the number of registered objects for one revision (or the
 * {@code java.util.HashMap} reference).
 *
 * @param name the revision's id, or {@value ScaleRun#HASH_MAP}
 * @param points one per size measured, in order
 * @param stopped why the larger sizes were not measured, or null when all were
 */
public record ScaleResult(String name, List<Point> points, String stopped) {
  public ScaleResult {
    points = List.copyOf(points);
  }

  /**
   * One size.
   *
   * @param size objects registered before each measured registration
   * @param registerNs the median cost of one registration, in ns
   * @param unregisterNs the median cost of unregistering it again, in ns
   * @param listVisits list nodes visited per registration
   */
  public record Point(long size, double registerNs, double unregisterNs, double listVisits) {}

  /** The point at {@code size}, or null when it was not measured. */
  public Point at(long size) {
    return points.stream().filter(p -> p.size() == size).findFirst().orElse(null);
  }
}
