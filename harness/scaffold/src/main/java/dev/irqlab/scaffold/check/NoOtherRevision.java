package dev.irqlab.scaffold.check;

/**
 * {@code no-other-revision}: a revision names no type of another revision's package ({@code
 * dev.irqlab.rev.*} other than its own).
 */
final class NoOtherRevision extends NamespaceRule {

  NoOtherRevision() {
    super(
        "no-other-revision",
        Namespace.OTHER_REVISION,
        "a revision is a snapshot of its own: copy what it needs from its parent instead of using"
            + " another revision");
  }
}
