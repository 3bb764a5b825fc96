package dev.irqlab.rev.cases;

import dev.irqlab.conformance.Scenario; // BUG: no-harness
import dev.irqlab.devices.*; // BUG: no-harness
import dev.irqlab.testkit.Fixtures; // BUG: no-harness

/** The harness seen from a revision. */
final class NoHarnessPositiveCases {
  void run() {
    dev.irqlab.cli.Main.main(new String[0]); // BUG: no-harness
  }

  dev.irqlab.scaffold.check.Finding last; // BUG: no-harness
}
