package dev.irqlab.scaffold.patch;

import java.util.Locale;

/** How a member differs between the two revisions. */
public enum Change {
  /** Only in the revision after. */
  ADDED,
  /** Only in the revision before. */
  REMOVED,
  /** In both, with different code. */
  CHANGED,
  /** In both, with the same code but different Javadoc or comments. */
  COMMENTS;

  /** {@code added}, {@code removed}, {@code changed}, {@code comments}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the code differs: anything but {@link #COMMENTS}. */
  public boolean isCode() {
    return this != COMMENTS;
  }
}
