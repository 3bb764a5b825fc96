package dev.irqlab.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A checkout of irqbypass-lab on disk: its root folder and the revision modules under
 * {@code revisions/}, each in a folder named after its id.
 */
public final class Checkout {
  /** The system property the {@code irqlab} launcher sets to the root of its checkout. */
  public static final String ROOT_PROPERTY = "irqlab.root";

  private final Path root;

  private Checkout(Path root) {
    this.root = root;
  }

  /**
   * The checkout at {@code root}.
   *
   * @throws ScaffoldException when {@code root} holds no {@code revisions/pom.xml}
   */
  public static Checkout at(Path root) {
    if (!isRoot(root)) {
      throw new ScaffoldException(root + " is not an irqbypass-lab checkout: it has no revisions/pom.xml");
    }
    return new Checkout(root.toAbsolutePath().normalize());
  }

  /**
   * The checkout named by {@code property} (the value of {@link #ROOT_PROPERTY}, or null), else
   * the first folder from {@code start} upwards that holds {@code revisions/pom.xml}.
   *
   * @throws ScaffoldException when there is none
   */
  public static Checkout find(String property, Path start) {
    if (property != null && !property.isBlank()) {
      return at(Path.of(property));
    }
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (isRoot(dir)) {
        return new Checkout(dir);
      }
    }
    throw new ScaffoldException("no irqbypass-lab checkout in " + start.toAbsolutePath().normalize()
        + " or above it (a folder with revisions/pom.xml): run irqlab from inside one");
  }

  private static boolean isRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("revisions").resolve("pom.xml"));
  }

  public Path root() {
    return root;
  }

  /** The ids of the revision modules: the folders under {@code revisions/} with a pom.xml, sorted. */
  public List<String> revisionIds() {
    try (Stream<Path> dirs = Files.list(root.resolve("revisions"))) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder of revision {@code id}, whether or not it exists. */
  public Path module(String id) {
    return root.resolve("revisions").resolve(id);
  }

  /**
   * The main Java sources of revision {@code id}: {@code revisions/<id>/src/main/java}.
   *
   * @throws ScaffoldException naming the revisions there are when {@code id} is not one of them,
   *     or the folder expected when the module has no sources
   */
  public Path sources(String id) {
    List<String> ids = revisionIds();
    if (!ids.contains(id)) {
      throw new ScaffoldException("unknown revision '" + id + "': the revisions in " + root.resolve("revisions")
          + " are " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
    }
    Path src = module(id).resolve("src").resolve("main").resolve("java");
    if (!Files.isDirectory(src)) {
      throw new ScaffoldException("revision " + id + " has no sources: expected the folder " + src);
    }
    return src;
  }
}
