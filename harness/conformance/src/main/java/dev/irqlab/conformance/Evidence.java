package dev.irqlab.conformance;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.RevisionInfo;
import java.util.Collection;

/** What a clause's check may look at: the traces of one revision's run of the suite. */
public interface Evidence {
  /** The revision under test. */
  RevisionInfo revision();

  /** The drivers it ran with. */
  DriverEra era();

  /** The trace of one scenario of the suite. */
  Trace trace(String scenario);

  /** Every trace of the run. */
  Collection<Trace> traces();

  /**
   * Notes that the check is reading step {@code step} of {@code scenario}, so that a failure it
   * reports without saying where is placed there. Does nothing by default.
   */
  default void reading(String scenario, String step) {}
}
