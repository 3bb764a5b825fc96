package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.Node;

/**
 * A rule that forbids the types of one {@link Namespace}, wherever a file names them: in an
 * import, as a fully qualified name in code, or as a {@code java.lang} name that needs no import.
 * A name that a single-type import resolves is reported once, at the import.
 */
abstract class NamespaceRule implements RevisionRule {
  private final String id;
  private final Namespace forbidden;
  private final String reason;

  NamespaceRule(String id, Namespace forbidden, String reason) {
    this.id = id;
    this.forbidden = forbidden;
    this.reason = reason;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public void check(RevisionSource source, Findings findings) {
    for (TypeUse use : source.typeUses()) {
      if (use.kind().reported() && source.namespace(use) == forbidden && !allowed(source, use)) {
        report(source, use.node(), use.name(), findings);
      }
    }
  }

  /** True for a use of a forbidden type that this rule lets through. */
  boolean allowed(RevisionSource source, TypeUse use) {
    return false;
  }

  /** Reports {@code what} (a type, a method, a modifier) at {@code node}, with the reason. */
  final void report(RevisionSource source, Node node, String what, Findings findings) {
    findings.report(source, node, this, what + ": " + reason);
  }
}
