package dev.irqlab.rev.cases;

import dev.irqlab.spi.Revision;

/** A file in the revision's own package. */
abstract class RevisionPackageNegativeCases implements Revision {}
