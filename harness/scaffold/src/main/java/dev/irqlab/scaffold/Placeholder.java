package dev.irqlab.scaffold;

/**
 * Text of a new revision that the scaffold left for its author to write: a description of the
 * parent that does not describe the copy was replaced with text that starts {@value #MARK}.
 *
 * @param file the file, relative to the repository root, with {@code /}
 * @param what what to write there, for a person: {@code title, author, summary}
 */
public record Placeholder(String file, String what) {
  /** How every placeholder starts, so that {@code grep -rn 'TODO:'} finds them all. */
  public static final String MARK = "TODO:";
}
