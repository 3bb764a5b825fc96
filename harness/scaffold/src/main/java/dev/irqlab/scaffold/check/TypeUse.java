package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.Node;

/**
 * A type (or a package, for an on-demand import) that a source file names.
 *
 * @param name the qualified name: {@code java.util.HashMap}, {@code java.util.*}
 * @param node where it is named
 * @param kind how it is named
 */
public record TypeUse(String name, Node node, Kind kind) {

  /** How a source file names a type. */
  public enum Kind {
    /** An import declaration (static or not, single or on demand). */
    IMPORT,
    /** A simple name in code that a single-type import resolves: reported at the import. */
    IMPORTED_NAME,
    /** A fully qualified name in code, e.g. {@code new java.util.HashMap<>()}. */
    QUALIFIED,
    /** A simple name in code that resolves to {@code java.lang} with no import. */
    IMPLICIT;

    /** True when a finding is reported at this use (imported names are reported at the import). */
    public boolean reported() {
      return this != IMPORTED_NAME;
    }
  }
}
