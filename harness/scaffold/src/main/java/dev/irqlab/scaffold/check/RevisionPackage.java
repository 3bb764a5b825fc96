package dev.irqlab.scaffold.check;

import com.github.javaparser.ast.PackageDeclaration;
import java.util.Optional;

/**
 * {@code revision-package}: every source file of a revision declares the package of the Provider
 * that the module's {@code META-INF/services/dev.irqlab.spi.Revision} names (without that file,
 * {@code dev.irqlab.rev.} and the id with . and - as _), and that package is under {@code
 * dev.irqlab.rev}. So a module copied from another is renamed throughout, and the check's idea of
 * "the revision's own package" is the one ServiceLoader loads.
 */
final class RevisionPackage implements RevisionRule {
  private static final String PREFIX = "dev.irqlab.rev.";

  @Override
  public String id() {
    return "revision-package";
  }

  @Override
  public void check(RevisionSource source, Findings findings) {
    RevisionModule module = source.module();
    Optional<PackageDeclaration> declared = source.unit().getPackageDeclaration();
    if (declared.isEmpty()) {
      findings.report(source, source.unit(), this,
          "no package declaration: " + module.packageSource());
      return;
    }
    String name = declared.get().getNameAsString();
    if (!name.startsWith(PREFIX)) {
      findings.report(source, declared.get(), this,
          "package " + name + ": a revision's sources are in a package of their own under "
              + PREFIX.substring(0, PREFIX.length() - 1));
    } else if (!name.equals(module.expectedPackage())) {
      findings.report(source, declared.get(), this,
          "package " + name + ": " + module.packageSource());
    }
  }
}
