package dev.irqlab.rev.cases;

import static dev.irqlab.rev.v6_17.Provider.INFO; // BUG: no-other-revision

import dev.irqlab.rev.v6_16.Provider; // BUG: no-other-revision

/** Code borrowed from other revisions instead of copied from the parent. */
final class NoOtherRevisionPositiveCases {
  Object parent() {
    return new dev.irqlab.rev.xarray_v2_2023.Provider(); // BUG: no-other-revision
  }

  Object info() {
    return dev.irqlab.rev.v4_4.Provider.INFO; // BUG: no-other-revision
  }
}
