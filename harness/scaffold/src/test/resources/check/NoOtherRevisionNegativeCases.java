package dev.irqlab.rev.cases;

import dev.irqlab.rev.cases.Helper;
import dev.irqlab.spi.Revision;

/** The revision's own package, by simple or qualified name. */
final class NoOtherRevisionNegativeCases {
  Helper helper;
  dev.irqlab.rev.cases.Provider provider;

  Revision self() {
    return new dev.irqlab.rev.cases.Provider();
  }
}
