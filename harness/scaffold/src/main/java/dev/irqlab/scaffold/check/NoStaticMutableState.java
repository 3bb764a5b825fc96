package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code no-static-mutable-state}: every static field (explicitly static, or a field of an
 * interface), and every field of an enum (one per constant, so shared as a static is), is final
 * and of a type known to be immutable: a primitive, {@code String} or a boxed
 * primitive, one of the SPI's and the emulated kernel's value types listed in {@link
 * #IMMUTABLE_TYPES}, or an enum the revision declares. An array, a collection, a kernel object
 * ({@code Mutex}, {@code ListHead}) or any other type is reported: without a class path the check
 * cannot prove it immutable, and a revision has no need of it.
 */
final class NoStaticMutableState implements RevisionRule {
  private static final Set<String> JAVA_VALUE_TYPES =
      Set.of("String", "Boolean", "Byte", "Character", "Short", "Integer", "Long", "Float",
          "Double");
  /** Records of immutable values and enums, from the SPI and the emulated kernel. */
  static final Set<String> IMMUTABLE_TYPES =
      Set.of(
          "dev.irqlab.spi.RevisionInfo",
          "dev.irqlab.spi.Link",
          "dev.irqlab.spi.Deviation",
          "dev.irqlab.spi.Status",
          "dev.irqlab.spi.Feature",
          "dev.irqlab.kernel.Gfp",
          "dev.irqlab.kernel.LogLevel",
          "dev.irqlab.kernel.ModuleState",
          "dev.irqlab.kernel.EventKind");
  private static final String REASON =
      ": a revision keeps its state in the loaded instance, one per Kernel, so that every run"
          + " starts afresh";

  @Override
  public String id() {
    return "no-static-mutable-state";
  }

  @Override
  public void check(RevisionSource source, Findings findings) {
    for (FieldDeclaration field : source.unit().findAll(FieldDeclaration.class)) {
      Node parent = field.getParentNode().orElse(null);
      boolean inInterface = isInterface(parent);
      String what;
      if (field.isStatic() || inInterface) {
        what = "static field %s";
      } else if (parent instanceof EnumDeclaration) {
        what = "field %s of enum " + ((EnumDeclaration) parent).getNameAsString() + ", shared as a"
            + " static is,";
      } else {
        continue;
      }
      for (VariableDeclarator v : field.getVariables()) {
        Optional<String> problem =
            field.isFinal() || inInterface
                ? mutableType(source, v.getType())
                : Optional.of(" is not final");
        problem.ifPresent(
            p -> findings.report(
                source, v, this, String.format(Locale.ROOT, what, v.getNameAsString()) + p + REASON));
      }
    }
  }

  private static boolean isInterface(Node parent) {
    return parent instanceof AnnotationDeclaration
        || parent instanceof ClassOrInterfaceDeclaration
            && ((ClassOrInterfaceDeclaration) parent).isInterface();
  }

  /** Why a value of {@code type} may be mutable; empty when it is known to be immutable. */
  private static Optional<String> mutableType(RevisionSource source, Type type) {
    if (type.isPrimitiveType()) {
      return Optional.empty();
    }
    if (type.isArrayType()) {
      return Optional.of(" is an array (" + type.asString() + "), whose elements stay writable");
    }
    if (type.isClassOrInterfaceType() && isImmutable(source, type.asClassOrInterfaceType())) {
      return Optional.empty();
    }
    return Optional.of(" has type " + type.asString() + ", which is not known to be immutable");
  }

  private static boolean isImmutable(RevisionSource source, ClassOrInterfaceType type) {
    String name = source.qualifiedName(type);
    if (name.startsWith("java.lang.")) {
      return JAVA_VALUE_TYPES.contains(name.substring("java.lang.".length()));
    }
    if (!name.contains(".") && !source.declaresType(name) && JAVA_VALUE_TYPES.contains(name)) {
      return true;
    }
    return IMMUTABLE_TYPES.contains(name)
        || !name.contains(".") && source.module().enumNames().contains(name);
  }
}
