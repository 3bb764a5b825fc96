package dev.irqlab.rev.v6_16; // BUG: revision-package

import dev.irqlab.spi.Revision;

/** A file copied from another revision and not renamed. */
abstract class RevisionPackagePositiveCases implements Revision {}
