package dev.irqlab.scaffold;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The revision modules under revisions/, as their sources say: folder, id and package. */
final class RevisionModules {
  static final String SERVICES = "src/main/resources/META-INF/services/dev.irqlab.spi.Revision";

  private RevisionModules() {}

  /**
   * One module folder.
   *
   * @param folder its folder under revisions/
   * @param id the id its {@code RevisionInfo.builder(...)} names, or null when none is found
   * @param packageName the package of its provider, or null when none is found
   * @param infoFile the file with the builder call, relative to the repository root, or null
   * @param series the name of the patch series its builder puts it in, or null
   */
  record Module(String folder, String id, String packageName, String infoFile, String series) {}

  /** Every folder under revisions/ with a pom.xml, by name. */
  static List<Module> scan(Path root) {
    Path revisions = root.resolve("revisions");
    List<Module> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(revisions)) {
      for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList()) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(".") && !name.equals("target")) {
          out.add(read(root, dir));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Module read(Path root, Path dir) throws IOException {
    String folder = dir.getFileName().toString();
    Path sources = dir.resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      return new Module(folder, null, servicesPackage(dir), null, null);
    }
    List<Path> java;
    try (Stream<Path> files = Files.walk(sources)) {
      java = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    for (Path f : java) {
      String text = Files.readString(f);
      if (text.contains("RevisionInfo.builder(")) {
        String file = root.relativize(f).toString().replace('\\', '/');
        CompilationUnit cu = JavaSources.parse(file, text);
        List<MethodCallExpr> builders = InfoRewriter.builders(cu);
        if (!builders.isEmpty()) {
          String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
          return new Module(folder, InfoRewriter.builderId(builders.get(0)), pkg, file, InfoRewriter.seriesName(builders.get(0)));
        }
      }
    }
    return new Module(folder, null, servicesPackage(dir), null, null);
  }

  /** The package of the first provider the services file names, or null. */
  private static String servicesPackage(Path dir) throws IOException {
    Path services = dir.resolve(SERVICES);
    if (!Files.isRegularFile(services)) {
      return null;
    }
    return Files.readAllLines(services).stream()
        .map(l -> l.replaceFirst("#.*", "").strip())
        .filter(l -> l.contains("."))
        .map(l -> l.substring(0, l.lastIndexOf('.')))
        .findFirst()
        .orElse(null);
  }
}
