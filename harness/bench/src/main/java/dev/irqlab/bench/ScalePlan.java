package dev.irqlab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The workload of {@code irqlab scale}: the cost of one registration against the number of
 * objects already registered, from {@code 10} to {@code max} in steps of a half decade. The
 * registered objects are half producers, half consumers, none paired, so a list revision's
 * register walks all of them: the O(2n) of Sean Christopherson's 2025 commit message.
 *
 * @param max the most objects registered before a measurement
 * @param budgetSeconds how long one revision may take; a revision whose next fill would go past
 *     it stops there (a list revision's fill costs O(n^2))
 */
public record ScalePlan(long max, double budgetSeconds) {
  public ScalePlan {
    if (max < 10 || !(budgetSeconds > 0)) {
      throw new IllegalArgumentException("scale needs a maximum of at least 10 and a positive budget");
    }
  }

  /** 10, 32, 100, 316, ..., up to {@code max}: 10^(k/2), rounded. */
  public List<Long> sizes() {
    List<Long> sizes = new ArrayList<>();
    for (int k = 2; ; k++) {
      long n = Math.round(Math.pow(10, k / 2.0));
      if (n > max) {
        break;
      }
      sizes.add(n);
    }
    return sizes;
  }
}
