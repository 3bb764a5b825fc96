package dev.irqlab.scaffold;

import dev.irqlab.scaffold.ModuleLists.Edit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * A checked scaffold, not yet written: the new module's files and the module lists' new
 * content. {@link #write} puts the folder in place with one rename of a temporary folder, and
 * each list file with one rename of a temporary file.
 */
public final class RevisionPlan {
  private final Path root;
  private final NewRevision.Request request;
  private final String packageName;
  private final SortedMap<String, byte[]> files;
  private final List<Edit> edits;
  private final List<Placeholder> placeholders;

  RevisionPlan(Path root, NewRevision.Request request, String packageName, SortedMap<String, byte[]> files, List<Edit> edits,
      List<Placeholder> placeholders) {
    this.root = root;
    this.request = request;
    this.packageName = packageName;
    this.files = Collections.unmodifiableSortedMap(files);
    this.edits = List.copyOf(edits);
    this.placeholders = List.copyOf(placeholders);
  }

  /**
   * The new module's files, by path relative to its folder ({@code src/main/java/Provider.java}),
   * as {@link #write} would write them.
   */
  public SortedMap<String, byte[]> files() {
    return files;
  }

  /** The text left for the user to write, file by file in the order of {@link #files}. */
  public List<Placeholder> placeholders() {
    return placeholders;
  }

  /** The lines each module list gains. */
  public List<Insertion> insertions() {
    return edits.stream().map(Edit::insertion).toList();
  }

  /** Writes the module and the list edits; a {@link ScaffoldException} if it cannot, with nothing left behind. */
  public Scaffolded write() {
    Path revisions = root.resolve("revisions");
    Path target = revisions.resolve(request.id());
    List<Path> temps = new ArrayList<>();
    Path folder = null;
    try {
      folder = Files.createTempDirectory(revisions, "." + request.id() + ".new-");
      copyMode(revisions.resolve(request.parent()), folder);
      for (var f : files.entrySet()) {
        Path p = folder.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, f.getValue());
      }
      for (Edit e : edits) {
        Path temp = Files.createTempFile(e.path().getParent(), "." + e.path().getFileName(), ".new");
        temps.add(temp);
        Files.writeString(temp, e.after(), StandardCharsets.UTF_8);
        copyMode(e.path(), temp);
      }
      move(folder, target);
      folder = null;
      for (int i = 0; i < edits.size(); i++) {
        move(temps.get(i), edits.get(i).path());
      }
      temps.clear();
    } catch (FileAlreadyExistsException e) {
      throw new ScaffoldException("revision '" + request.id() + "' exists: revisions/" + request.id() + " appeared while it was being made");
    } catch (IOException e) {
      throw new ScaffoldException("cannot write revisions/" + request.id() + ": " + e);
    } finally {
      delete(folder);
      temps.forEach(RevisionPlan::delete);
    }
    List<String> created = files.keySet().stream().map(rel -> "revisions/" + request.id() + "/" + rel).toList();
    return new Scaffolded(request.id(), request.parent(), packageName, created, insertions(), placeholders);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Gives {@code to} the permissions of {@code from} where the file system has them. */
  private static void copyMode(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null) {
      Files.setPosixFilePermissions(to, view.readAttributes().permissions());
    }
  }

  private static void delete(Path path) {
    if (path == null || !Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: a temporary left behind is hidden and named after the revision.
    }
  }
}
