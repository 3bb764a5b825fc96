package dev.irqlab.rev.producer_fix_2023;

import dev.irqlab.conformance.junit.RevisionConformance;

/** This revision's run of the conformance suite, with the drivers of its own era. */
class ConformanceTest extends RevisionConformance {
  ConformanceTest() {
    super(new Provider());
  }
}
