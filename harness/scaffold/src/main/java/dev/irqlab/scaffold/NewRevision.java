package dev.irqlab.scaffold;

import com.github.javaparser.ast.CompilationUnit;
import dev.irqlab.scaffold.ModuleLists.Edit;
import dev.irqlab.scaffold.ModuleLists.Listing;
import dev.irqlab.scaffold.RevisionModules.Module;
import dev.irqlab.spi.Series;
import dev.irqlab.spi.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Makes a new revision module {@code revisions/<id>/} as a copy of a parent module, rewritten
 * with javaparser, and adds it wherever the revision modules are listed.
 *
 * <p>The copy: every file of the parent except {@code target/} and hidden files; the package
 * {@code dev.irqlab.rev.<parent>} becomes {@code dev.irqlab.rev.<id>} everywhere (declarations,
 * imports, qualified names, comments, the services file); the {@code RevisionInfo} chain names
 * the new id, the parent and the status (a proposal unless told otherwise), and the title and
 * authors given, else {@link Placeholder placeholders} for them, and a placeholder summary; the
 * date is the one given, else the parent's (never today's, so that the same command makes the
 * same bytes). What the parent says of itself in Javadoc becomes placeholders too
 * ({@link Descriptions}). The behaviour declarations (deviations, missing features, era) and the
 * links stay the parent's, so the copy passes the suite exactly as its parent does. javaparser
 * finds what to change, and only those characters change ({@link SourceEdits}): other comments
 * and formatting are kept. The pom gets the new artifactId, name and description.
 *
 * <p>The lists: {@code <module>id</module>} after the last module of revisions/pom.xml, and a
 * dependency after the last revision dependency of every other pom that has them; lines are
 * only inserted, so deleting the folder and those lines restores the tree.
 *
 * <p>Everything is checked before anything is written, and a refusal writes nothing: an id
 * that breaks {@link RevisionId}'s rule or is taken (a folder, a listed module, a provider's
 * id, a package, a dependency, or an id the caller found on its class path), an unknown parent.
 */
public final class NewRevision {
  private NewRevision() {}

  /**
   * What to make.
   *
   * @param id the new revision's id
   * @param parent the id of the revision to copy
   * @param title the new title, or null for a placeholder
   * @param authors the new authors, or empty for a placeholder
   * @param status the new status
   * @param date the new date, or null to keep the parent's
   * @param series the patch of a series it is, or null for none (the parent's series and
   *     aliases are never copied)
   */
  public record Request(String id, String parent, String title, List<String> authors, Status status, LocalDate date,
      Series series) {
    public Request {
      authors = List.copyOf(authors);
      if (status == null) {
        throw new IllegalArgumentException("status");
      }
    }

    /** A revision that is no patch of a series. */
    public Request(String id, String parent, String title, List<String> authors, Status status, LocalDate date) {
      this(id, parent, title, authors, status, date, null);
    }

    /** A proposal {@code id} copied from {@code parent}, with its date and placeholders for title and authors. */
    public static Request of(String id, String parent) {
      return new Request(id, parent, null, List.of(), Status.PROPOSAL, null);
    }
  }

  /** Checks {@code request} against the tree at {@code root} and computes what it writes. */
  public static RevisionPlan plan(Path root, Request request, Collection<String> loadedIds) {
    RevisionId.check(request.id());
    if (!Files.isRegularFile(root.resolve(ModuleLists.REVISIONS_POM))) {
      throw new ScaffoldException(root + " is not an irqbypass-lab checkout: " + ModuleLists.REVISIONS_POM + " is missing");
    }
    Listing modules = ModuleLists.modules(root);
    List<Module> found = RevisionModules.scan(root);
    Module parent = parent(request.parent(), modules, found);
    List<Listing> dependents = ModuleLists.dependents(root).stream().map(f -> ModuleLists.dependencies(root, f)).toList();
    refuseTaken(root, request.id(), modules, found, dependents, loadedIds);
    List<Placeholder> placeholders = new ArrayList<>();
    SortedMap<String, byte[]> files = copy(root, parent, request, placeholders);
    List<Edit> edits = new ArrayList<>();
    edits.add(ModuleLists.addModule(root, modules, request.id()));
    dependents.forEach(d -> edits.add(ModuleLists.addDependency(root, d, request.id())));
    return new RevisionPlan(root, request, RevisionId.packageName(request.id()), files, edits, placeholders);
  }

  /** Makes the module: {@link #plan} then {@link RevisionPlan#write}. */
  public static Scaffolded create(Path root, Request request, Collection<String> loadedIds) {
    return plan(root, request, loadedIds).write();
  }

  private static Module parent(String id, Listing modules, List<Module> found) {
    Module m = found.stream().filter(f -> f.folder().equals(id)).findFirst().orElse(null);
    if (id == null || m == null || modules.lineOf(id) < 0) {
      List<String> known = found.stream().map(Module::folder).filter(f -> modules.lineOf(f) > 0).toList();
      throw new ScaffoldException("unknown parent '" + id + "': the revisions are " + String.join(", ", known));
    }
    if (m.infoFile() == null) {
      throw new ScaffoldException("revisions/" + id + "/src/main/java: expected a provider with RevisionInfo.builder(\"" + id + "\")");
    }
    if (!id.equals(m.id())) {
      throw new ScaffoldException(m.infoFile() + ": names revision '" + m.id() + "', expected '" + id + "' (a module's folder is its id)");
    }
    String pkg = m.packageName();
    if (!pkg.startsWith(RevisionId.PACKAGE_PREFIX) || pkg.substring(RevisionId.PACKAGE_PREFIX.length()).contains(".")) {
      throw new ScaffoldException(m.infoFile() + ": expected package " + RevisionId.PACKAGE_PREFIX + "NAME, found '" + pkg + "'");
    }
    return m;
  }

  /** Checks that each of {@code ids} is a valid id that nothing in the tree at {@code root} nor {@code loadedIds} has. */
  static void checkFree(Path root, List<String> ids, Collection<String> loadedIds) {
    ids.forEach(RevisionId::check);
    Listing modules = ModuleLists.modules(root);
    List<Module> found = RevisionModules.scan(root);
    List<Listing> dependents = ModuleLists.dependents(root).stream().map(f -> ModuleLists.dependencies(root, f)).toList();
    ids.forEach(id -> refuseTaken(root, id, modules, found, dependents, loadedIds));
  }

  private static void refuseTaken(Path root, String id, Listing modules, List<Module> found, List<Listing> dependents, Collection<String> loadedIds) {
    if (Files.exists(root.resolve("revisions").resolve(id), LinkOption.NOFOLLOW_LINKS)) {
      throw new ScaffoldException("revision '" + id + "' exists: revisions/" + id + " is already there");
    }
    if (modules.lineOf(id) > 0) {
      throw new ScaffoldException(modules.file() + ":" + modules.lineOf(id) + ": already lists module '" + id + "'");
    }
    for (Module m : found) {
      if (id.equals(m.id())) {
        throw new ScaffoldException("revision '" + id + "' exists: " + m.infoFile() + " provides it");
      }
      if (RevisionId.packageName(id).equals(m.packageName())) {
        throw new ScaffoldException("'" + id + "' would use package " + m.packageName() + ", which revisions/" + m.folder() + " has");
      }
    }
    if (loadedIds.contains(id)) {
      throw new ScaffoldException("revision '" + id + "' exists: a revision module on the class path provides it");
    }
    for (Listing d : dependents) {
      if (d.lineOf(id) > 0) {
        throw new ScaffoldException(d.file() + ":" + d.lineOf(id) + ": already depends on " + ModulePom.artifact(id));
      }
    }
  }

  /** The new module's files, by path relative to its folder; adds the placeholders left in them to {@code placeholders}. */
  private static SortedMap<String, byte[]> copy(Path root, Module parent, Request request, List<Placeholder> placeholders) {
    Path from = root.resolve("revisions").resolve(parent.folder());
    PackageRenamer renamer = new PackageRenamer(parent.packageName(), RevisionId.packageName(request.id()));
    SortedMap<String, byte[]> out = new TreeMap<>();
    for (String rel : files(from)) {
      String file = "revisions/" + parent.folder() + "/" + rel;
      byte[] bytes = read(from.resolve(rel));
      if (rel.equals("pom.xml")) {
        String description = request.title() != null ? request.title()
            : request.series() != null ? "Patch " + request.series().position() + " of series " + request.series().name()
                + ": a copy of revision " + parent.folder() + ", to be changed into that patch."
            : "A copy of revision " + parent.folder() + ", to be changed into a new design.";
        bytes = utf8(ModulePom.rewrite(file, text(bytes), parent.folder(), request.id(), description));
      } else if (rel.endsWith(".java")) {
        String made = "revisions/" + request.id() + "/" + rel;
        bytes = utf8(java(file, text(bytes), parent, renamer, request, what -> placeholders.add(new Placeholder(made, what))));
      } else if (rel.startsWith("src/main/resources/META-INF/services/")) {
        bytes = utf8(PackageRenamer.mention(parent.packageName()).matcher(text(bytes))
            .replaceAll(Matcher.quoteReplacement(RevisionId.packageName(request.id()))));
      }
      out.put(rel, bytes);
    }
    return out;
  }

  /**
   * A copied source: first its descriptions become placeholders, then, in what is left, the
   * package is renamed and the provider's {@code RevisionInfo} rewritten. The port's own classes
   * (the main sources but the provider) keep their comments, so that they keep every line where
   * it was: until the code changes, a report names the same place as on the parent, and a patch
   * written against the parent's sources applies to the copy.
   */
  private static String java(String file, String source, Module parent, PackageRenamer renamer, Request request,
      Consumer<String> placeholders) {
    SourceEdits described = new SourceEdits(file, source);
    List<String> what = new ArrayList<>();
    if (file.equals(parent.infoFile())) {
      what.add(InfoRewriter.placeholders(request));
    }
    boolean port = file.startsWith("revisions/" + parent.folder() + "/src/main/") && !file.equals(parent.infoFile());
    what.add(new Descriptions(request.id(), parent.id()).rewrite(JavaSources.parse(file, source), described, !port));
    String text = described.apply();
    CompilationUnit cu = JavaSources.parse(file + " (described)", text);
    SourceEdits edits = new SourceEdits(file, text);
    renamer.rename(cu, edits);
    if (file.equals(parent.infoFile())) {
      InfoRewriter.rewrite(cu, edits, parent.id(), request);
    }
    what.removeIf(String::isEmpty);
    if (!what.isEmpty()) {
      placeholders.accept(String.join(", ", what));
    }
    String out = edits.apply();
    Matcher left = PackageRenamer.mention(parent.packageName()).matcher(out);
    if (left.find()) {
      int line = (int) out.substring(0, left.start()).chars().filter(c -> c == '\n').count() + 1;
      throw new ScaffoldException(file + ":" + line + ": cannot rewrite this use of package " + parent.packageName());
    }
    JavaSources.parse(file + " (rewritten)", out);
    return out;
  }

  /** The files of a module folder, without target/ and hidden files, as sorted relative paths. */
  private static List<String> files(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(rel -> !rel.equals("target") && !rel.startsWith("target/") && !rel.startsWith(".") && !rel.contains("/."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ScaffoldException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
