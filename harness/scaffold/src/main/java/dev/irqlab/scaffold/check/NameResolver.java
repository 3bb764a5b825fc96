package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the simple names of one source file without a class path, as javac would for the
 * names the check cares about: types declared in the file, single-type imports, the module's
 * own types, then {@code java.lang}.
 */
final class NameResolver {
  private final Set<String> declaredTypes = new HashSet<>();
  private final Set<String> variables = new HashSet<>();
  private final Map<String, String> imports = new HashMap<>();
  private final RevisionModule module;

  NameResolver(CompilationUnit unit, RevisionModule module) {
    this.module = module;
    unit.findAll(TypeDeclaration.class).forEach(t -> declaredTypes.add(t.getNameAsString()));
    unit.findAll(TypeParameter.class).forEach(t -> declaredTypes.add(t.getNameAsString()));
    unit.findAll(VariableDeclarator.class).forEach(v -> variables.add(v.getNameAsString()));
    unit.findAll(Parameter.class).forEach(p -> variables.add(p.getNameAsString()));
    unit.findAll(LambdaExpr.class)
        .forEach(l -> l.getParameters().forEach(p -> variables.add(p.getNameAsString())));
    for (ImportDeclaration i : unit.getImports()) {
      if (!i.isStatic() && !i.isAsterisk()) {
        String name = i.getNameAsString();
        imports.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
  }

  /** The type a simple name used at {@code at} stands for; empty when it is not one to check. */
  Optional<TypeUse> use(String simple, Node at) {
    if (declaredTypes.contains(simple)) {
      return Optional.empty();
    }
    if (imports.containsKey(simple)) {
      return Optional.of(new TypeUse(imports.get(simple), at, TypeUse.Kind.IMPORTED_NAME));
    }
    if (module.typeNames().contains(simple) || !Namespace.WATCHED_LANG_NAMES.contains(simple)) {
      return Optional.empty();
    }
    return Optional.of(new TypeUse("java.lang." + simple, at, TypeUse.Kind.IMPLICIT));
  }

  /** True when the file declares a type of that simple name (a nested class, a type variable). */
  boolean declaresType(String simple) {
    return declaredTypes.contains(simple);
  }

  /** The qualified name of a single-type import of that simple name, if any. */
  Optional<String> imported(String simple) {
    return Optional.ofNullable(imports.get(simple));
  }

  /** True when a field, parameter or local variable of the file has this name. */
  boolean isVariable(String name) {
    return variables.contains(name);
  }
}
