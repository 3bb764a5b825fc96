package dev.irqlab.conformance;

import static dev.irqlab.kernel.Errno.EBUSY;

import java.util.List;

/** The scenarios of the standard suite, in Java. */
public final class Scenarios {
  private Scenarios() {}

  /** Every scenario of the standard suite, in order. */
  public static List<Scenario> all() {
    return List.of(
        Scenario.builder("connect-fails", "a producer whose connect the consumer refuses")
            .eventfd("efd0").consumer("c0", -EBUSY).producer("p0")
            .register("c0", "efd0")
            .label("connect").register("p0", "efd0")
            .label("unregister").unregister("p0")
            .unregister("c0")
            .build());
  }
}
