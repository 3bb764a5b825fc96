package dev.irqlab.scaffold.check;

/**
 * The check found something: its message is the one-line summary. It carries no stack trace, as
 * it reports the user's sources, not a fault of the check.
 */
public final class RevisionCheckFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RevisionCheckFailure(String summary) {
    super(summary, null, false, false);
  }
}
