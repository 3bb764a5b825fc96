package dev.irqlab.conformance;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.scaffold.NewRevision;
import dev.irqlab.scaffold.RevisionId;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.Revision;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A mutant of {@code examples/mutants}: a unified diff against the sources of one revision,
 * made into a revision of its own as a user would make it ({@code ./irqlab new-revision NAME
 * --from PARENT}, then {@code patch -p3}), but in a temporary folder: the parent's {@code
 * src/main/java} as the scaffold copies it (package and id renamed, the parent's declarations
 * kept), the patch applied, the sources compiled with the system Java compiler and loaded beside
 * the real revisions. The patch file's name is the mutant's id.
 */
final class MutantPatch {
  /** A patched file's name: {@code a/revisions/PARENT/src/main/java/X.java} (the reader drops {@code a/}). */
  private static final Pattern PATCHED = Pattern.compile("^(?:[ab]/)?revisions/([^/]+)/(src/main/java/[^/]+\\.java)$");

  /** The patch file, as its path from the root of the checkout: what messages name. */
  private final String file;
  private final String id;
  private final String parent;
  private final UnifiedDiff diff;

  private MutantPatch(String file, String id, String parent, UnifiedDiff diff) {
    this.file = file;
    this.id = id;
    this.parent = parent;
    this.diff = diff;
  }

  /**
   * A mutant built and loaded.
   *
   * @param revision the mutant, as the loader would list it
   * @param sources its Java sources by path in the module ({@code src/main/java/X.java})
   * @param loader the class loader of its classes, to close when done
   */
  record Built(LoadedRevision revision, SortedMap<String, String> sources, URLClassLoader loader) {
    /** Line {@code n} (from 1) of the source file {@code name} ({@code IrqBypassManager.java}). */
    String line(String name, int n) {
      return sources.get("src/main/java/" + name).lines().skip(n - 1L).findFirst().orElse("");
    }
  }

  /** The patches in {@code dir}, by name. */
  static List<Path> in(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".patch")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mutant's id: the patch file's name without {@code .patch}. */
  static String id(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".patch".length());
  }

  /**
   * Reads {@code file}, a patch in the checkout at {@code root}: every file it patches must be a
   * main source of one revision.
   */
  static MutantPatch read(Path root, Path file) {
    String shown = root.relativize(file).toString().replace(File.separatorChar, '/');
    UnifiedDiff diff;
    try (InputStream in = Files.newInputStream(file)) {
      diff = UnifiedDiffReader.parseUnifiedDiff(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(shown + ": not a unified diff: " + e.getMessage(), e);
    }
    List<String> parents = new ArrayList<>();
    for (UnifiedDiffFile f : diff.getFiles()) {
      parents.add(matcher(shown, f.getFromFile()).group(1));
    }
    if (parents.isEmpty() || parents.stream().distinct().count() != 1) {
      throw new IllegalStateException(shown + ": expected a diff of one revision's src/main/java, found parents " + parents);
    }
    return new MutantPatch(shown, id(file), parents.get(0), diff);
  }

  private static Matcher matcher(String file, String name) {
    Matcher m = PATCHED.matcher(name == null ? "" : name);
    if (!m.matches()) {
      throw new IllegalStateException(file + ": patches '" + name + "', expected a/revisions/PARENT/src/main/java/NAME.java");
    }
    return m;
  }

  String id() {
    return id;
  }

  String parent() {
    return parent;
  }

  /**
   * The mutant's sources: the parent's {@code src/main/java} as {@code new-revision} copies it
   * from the checkout at {@code root}, with this patch applied.
   */
  SortedMap<String, String> sources(Path root, Collection<String> loadedIds) {
    SortedMap<String, String> out = new TreeMap<>();
    NewRevision.plan(root, NewRevision.Request.of(id, parent), loadedIds).files().forEach((rel, bytes) -> {
      if (rel.startsWith("src/main/java/") && rel.endsWith(".java")) {
        out.put(rel, new String(bytes, StandardCharsets.UTF_8));
      }
    });
    for (UnifiedDiffFile f : diff.getFiles()) {
      String rel = matcher(file, f.getFromFile()).group(2);
      String source = out.get(rel);
      if (source == null) {
        throw new IllegalStateException(file + ": patches revisions/" + parent + "/" + rel + ", which is not there");
      }
      try {
        List<String> patched = DiffUtils.patch(source.lines().toList(), f.getPatch());
        out.put(rel, String.join("\n", patched) + (source.endsWith("\n") ? "\n" : ""));
      } catch (PatchFailedException e) {
        throw new IllegalStateException(file + ": no longer applies to revisions/" + parent + "/" + rel + " (" + e.getMessage()
            + "): the port changed; make the mistake again on its sources and write the patch anew with diff -u", e);
      }
    }
    return out;
  }

  /** Makes the sources in {@code work}, compiles and loads them: the mutant, ready to run. */
  Built build(Path root, Path work, Collection<String> loadedIds) {
    SortedMap<String, String> sources = sources(root, loadedIds);
    try {
      Path classes = Files.createDirectories(work.resolve("classes"));
      compile(write(sources, work.resolve("src")), classes);
      URLClassLoader loader = new URLClassLoader(id, new URL[] {classes.toUri().toURL()}, MutantPatch.class.getClassLoader());
      Class<? extends Revision> provider = Class.forName(RevisionId.packageName(id) + ".Provider", true, loader).asSubclass(Revision.class);
      Revision revision = provider.getConstructor().newInstance();
      if (!id.equals(revision.info().id()) || !parent.equals(revision.info().parent())) {
        throw new IllegalStateException(file + ": the copy of " + parent + " names revision " + revision.info().id() + " with parent " + revision.info().parent());
      }
      return new Built(new LoadedRevision(revision, revision.info(), classes.toUri().toString()), sources, loader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(file + ": cannot load the mutant's Provider: " + e, e);
    }
  }

  private static List<Path> write(Map<String, String> sources, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Path p = dir.resolve(s.getKey());
      Files.createDirectories(p.getParent());
      out.add(Files.writeString(p, s.getValue(), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Compiles as the build compiles a revision: Java 17, against the emulated kernel and the SPI alone. */
  private void compile(List<Path> sources, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8",
          "-classpath", classPath(Kernel.class, Revision.class), "-d", classes.toString());
      boolean ok = javac.getTask(output, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
      if (!ok) {
        String errors = diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
            .collect(Collectors.joining("\n  "));
        throw new IllegalStateException(file + ": the patched copy of " + parent + " does not compile:\n  " + errors + output);
      }
    }
  }

  /** The class path of the jars (or folders) {@code types} come from. */
  private static String classPath(Class<?>... types) {
    List<String> out = new ArrayList<>();
    for (Class<?> t : types) {
      try {
        out.add(Path.of(t.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(File.pathSeparator, out);
  }
}
