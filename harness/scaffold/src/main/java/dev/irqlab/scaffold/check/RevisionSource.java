package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.List;

/** One parsed source file of a revision module, with the names it uses resolved. */
public final class RevisionSource {
  private final String file;
  private final CompilationUnit unit;
  private final RevisionModule module;
  private final String ownPackage;
  private final NameResolver resolver;
  private final List<TypeUse> typeUses;

  RevisionSource(String file, CompilationUnit unit, RevisionModule module) {
    this.file = file;
    this.unit = unit;
    this.module = module;
    this.ownPackage =
        unit.getPackageDeclaration().map(PackageDeclaration::getNameAsString).orElse("");
    this.resolver = new NameResolver(unit, module);
    this.typeUses = TypeUseFinder.find(unit, resolver);
  }

  /** The file as findings name it. */
  public String file() {
    return file;
  }

  public CompilationUnit unit() {
    return unit;
  }

  public RevisionModule module() {
    return module;
  }

  /** The package the file declares, or "" for none. */
  public String ownPackage() {
    return ownPackage;
  }

  /** Every type the file names, in imports and in code. */
  public List<TypeUse> typeUses() {
    return typeUses;
  }

  /** Where {@code use} lives, seen from this file's package. */
  public Namespace namespace(TypeUse use) {
    return Namespace.of(use.name(), ownPackage);
  }

  /**
   * The qualified name of a type as written in this file: imported, declared here (returned as
   * written), or else as written ({@code String}, {@code java.util.List}).
   */
  public String qualifiedName(ClassOrInterfaceType type) {
    String written = type.getNameWithScope();
    String first = written.split("\\.", 2)[0];
    if (written.equals(first) && !resolver.declaresType(first)) {
      return resolver.imported(first).orElse(written);
    }
    return written;
  }

  /** True when the file itself declares a type of this simple name. */
  public boolean declaresType(String simple) {
    return resolver.declaresType(simple);
  }
}
