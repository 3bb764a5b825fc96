package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds every type a source file names: in its imports, as a fully qualified name in code
 * ({@code java.util.HashMap}, in a type or in an expression such as {@code
 * java.util.Collections.emptyList()}), or as a simple name (resolved by {@link NameResolver}).
 */
final class TypeUseFinder {
  private final NameResolver resolver;
  private final List<TypeUse> uses = new ArrayList<>();

  private TypeUseFinder(NameResolver resolver) {
    this.resolver = resolver;
  }

  static List<TypeUse> find(CompilationUnit unit, NameResolver resolver) {
    TypeUseFinder finder = new TypeUseFinder(resolver);
    unit.getImports().forEach(finder::addImport);
    unit.findAll(ClassOrInterfaceType.class).forEach(finder::addType);
    unit.findAll(Expression.class, TypeUseFinder::isNameChain).forEach(finder::addNameChain);
    unit.findAll(AnnotationExpr.class).forEach(a -> finder.addName(a.getNameAsString(), a));
    return List.copyOf(finder.uses);
  }

  private void addImport(ImportDeclaration i) {
    String name = i.getNameAsString();
    if (i.isAsterisk() && !i.isStatic()) {
      name = name + ".*";
    } else if (i.isStatic() && !i.isAsterisk()) {
      name = name.substring(0, name.lastIndexOf('.'));
    }
    uses.add(new TypeUse(name, i, TypeUse.Kind.IMPORT));
  }

  /** The outermost part of {@code java.util.Map.Entry<K, V>}, or a simple type name. */
  private void addType(ClassOrInterfaceType type) {
    boolean inner =
        type.getParentNode()
            .filter(p -> p instanceof ClassOrInterfaceType)
            .flatMap(p -> ((ClassOrInterfaceType) p).getScope())
            .filter(s -> s == type)
            .isPresent();
    if (!inner) {
      addName(type.getNameWithScope(), type);
    }
  }

  /**
   * The outermost name chain of an expression, e.g. {@code java.util.Collections} in {@code
   * java.util.Collections.emptyList()}, {@code Thread} in {@code Thread.sleep(1)}; a lone name is
   * a chain only as the receiver of a call or a method reference.
   */
  private static boolean isNameChain(Expression e) {
    if (!(e instanceof NameExpr || e instanceof FieldAccessExpr) || dotted(e).isEmpty()) {
      return false;
    }
    Optional<Node> parent = e.getParentNode();
    if (parent.filter(p -> p instanceof FieldAccessExpr).isPresent()) {
      return ((FieldAccessExpr) parent.get()).getScope() != e;
    }
    if (e instanceof NameExpr) {
      return parent.filter(p -> isReceiverOf(p, e)).isPresent();
    }
    return true;
  }

  private static boolean isReceiverOf(Node parent, Expression e) {
    if (parent instanceof MethodCallExpr) {
      return ((MethodCallExpr) parent).getScope().filter(s -> s == e).isPresent();
    }
    return parent instanceof MethodReferenceExpr && ((MethodReferenceExpr) parent).getScope() == e;
  }

  private static Optional<String> dotted(Expression e) {
    if (e instanceof NameExpr) {
      return Optional.of(((NameExpr) e).getNameAsString());
    }
    if (e instanceof FieldAccessExpr) {
      FieldAccessExpr f = (FieldAccessExpr) e;
      return dotted(f.getScope()).map(scope -> scope + "." + f.getNameAsString());
    }
    return Optional.empty();
  }

  private void addNameChain(Expression e) {
    String chain = dotted(e).orElseThrow();
    if (resolver.isVariable(chain.split("\\.", 2)[0])) {
      return;
    }
    addName(chain, e);
  }

  /**
   * Records a dotted name: up to its first upper-case segment when it starts with a package
   * ({@code java.util.HashMap.Entry} names {@code java.util.HashMap}), else by its first segment,
   * a simple name.
   */
  private void addName(String dotted, Node at) {
    List<String> segments = Arrays.asList(dotted.split("\\."));
    int type = 0;
    while (type < segments.size() && Namespace.isPackageSegment(segments.get(type))) {
      type++;
    }
    if (type == segments.size()) {
      return;
    }
    if (type == 0) {
      resolver.use(segments.get(0), at).ifPresent(uses::add);
    } else {
      String name = String.join(".", segments.subList(0, type + 1));
      uses.add(new TypeUse(name, at, TypeUse.Kind.QUALIFIED));
    }
  }
}
