package dev.irqlab.rev.v6_17_3;

import dev.irqlab.conformance.junit.RevisionConformance;

/** This revision's run of the conformance suite, with the drivers of its own era. */
class ConformanceTest extends RevisionConformance {
  ConformanceTest() {
    super(new Provider());
  }
}
