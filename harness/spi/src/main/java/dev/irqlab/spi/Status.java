package dev.irqlab.spi;

/** Where a revision stands upstream. */
public enum Status {
  /** Merged into mainline (and possibly reverted later: the summary says so). */
  MERGED,
  /** Posted, then replaced by a later version or design. */
  SUPERSEDED,
  /** Posted and refused by a maintainer. */
  REJECTED,
  /** Not posted upstream: a change under study in this tool. */
  PROPOSAL
}
