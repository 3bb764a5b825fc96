package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.List;
import java.util.Set;

/**
 * {@code no-collections}: a revision names no java.util type other than {@code Objects}, {@code
 * Locale} and {@code java.util.function}, and nothing of {@code java.util.stream}.
 *
 * <p>One exception, for the SPI's sake: the SPI's {@code IrqBypass.Snapshot} is a record of
 * {@code java.util.List}s, so the {@code @Override snapshot()} method, which copies the manager's
 * state out for the harness and is no part of the port, may use {@code java.util.List} and
 * {@code java.util.ArrayList}. Their imports pass only when every use of them is inside that
 * method.
 */
final class NoCollections extends NamespaceRule {
  /** The collection types the SPI's snapshot is made of, and the list that builds it. */
  static final Set<String> SNAPSHOT_TYPES = Set.of("java.util.List", "java.util.ArrayList");

  NoCollections() {
    super(
        "no-collections",
        Namespace.COLLECTIONS,
        "a revision keeps its data in the emulated kernel's structures (ListHead, XArray), not in"
            + " java.util collections");
  }

  @Override
  boolean allowed(RevisionSource source, TypeUse use) {
    if (!SNAPSHOT_TYPES.contains(use.name())) {
      return false;
    }
    if (use.kind() != TypeUse.Kind.IMPORT) {
      return inSnapshotView(use.node());
    }
    List<TypeUse> uses =
        source.typeUses().stream()
            .filter(u -> u.kind() == TypeUse.Kind.IMPORTED_NAME && u.name().equals(use.name()))
            .toList();
    return !uses.isEmpty() && uses.stream().allMatch(u -> inSnapshotView(u.node()));
  }

  /** True inside the method that implements the SPI's {@code IrqBypass.snapshot()}. */
  static boolean inSnapshotView(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof MethodDeclaration && isSnapshotView((MethodDeclaration) n)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSnapshotView(MethodDeclaration m) {
    return m.getNameAsString().equals("snapshot")
        && m.getParameters().isEmpty()
        && m.getAnnotationByName("Override").isPresent();
  }
}
