package dev.irqlab.rev.proposal_report_errors;

import dev.irqlab.conformance.junit.RevisionConformance;

/** This revision's run of the conformance suite, with the drivers of its own era. */
class ConformanceTest extends RevisionConformance {
  ConformanceTest() {
    super(new Provider());
  }
}
