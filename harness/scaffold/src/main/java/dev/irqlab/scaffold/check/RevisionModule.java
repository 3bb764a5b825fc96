package dev.irqlab.scaffold.check;

import java.util.Set;

/**
 * The module a source file belongs to.
 *
 * @param id the revision id, the module's folder name (e.g. {@code v6.17})
 * @param expectedPackage the package all its sources declare: that of the Provider its services
 *     file names, or else {@link #packageOf the conventional one}
 * @param packageSource where {@code expectedPackage} comes from, for messages
 * @param typeNames the simple names of the top-level types declared in the module's sources,
 *     which its files name without an import
 * @param enumNames the simple names of the enums declared anywhere in the module's sources
 */
public record RevisionModule(
    String id,
    String expectedPackage,
    String packageSource,
    Set<String> typeNames,
    Set<String> enumNames) {

  /** Where a revision registers its Provider, under {@code src/main/resources}. */
  public static final String SERVICES_FILE = "META-INF/services/dev.irqlab.spi.Revision";

  public RevisionModule {
    typeNames = Set.copyOf(typeNames);
    enumNames = Set.copyOf(enumNames);
  }

  /** The package of revision {@code id}: {@code dev.irqlab.rev.} and the id with . and - as _. */
  public static String packageOf(String id) {
    return "dev.irqlab.rev." + id.replace('.', '_').replace('-', '_');
  }
}
