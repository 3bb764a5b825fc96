package dev.irqlab.scaffold.patch;

import com.github.javaparser.ast.body.TypeDeclaration;
import dev.irqlab.scaffold.patch.JavaSources.Parsed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The patch between the sources of two revisions, member by member (see the package
 * documentation for what is matched and what counts as a change).
 *
 * @param from the name of the revision before, as the output calls it
 * @param to the name of the revision after
 * @param files the files with a member that differs, by path
 */
public record SourceDiff(String from, String to, List<FileDiff> files) {
  public SourceDiff {
    files = List.copyOf(files);
  }

  /**
   * Compares the Java sources under {@code fromDir} with those under {@code toDir}.
   *
   * @throws dev.irqlab.scaffold.ScaffoldException when a folder is missing or a file does not
   *     parse
   */
  public static SourceDiff compare(String from, Path fromDir, String to, Path toDir) {
    SortedMap<String, Parsed> before = JavaSources.read(fromDir);
    SortedMap<String, Parsed> after = JavaSources.read(toDir);
    Map<String, String> renames = renames(before, after);
    List<FileDiff> files = new ArrayList<>();
    for (String path : new TreeSet<>(union(before, after))) {
      Parsed a = before.get(path);
      Parsed b = after.get(path);
      boolean anyName = a != null && b != null && a.unit().getTypes().size() == 1 && b.unit().getTypes().size() == 1;
      List<Entry> as = a == null ? List.of() : MemberFinder.find(a.unit(), a.lines(), new Normalizer(a.packageName(), renames), anyName);
      List<Entry> bs = b == null ? List.of() : MemberFinder.find(b.unit(), b.lines(), new Normalizer(b.packageName(), Map.of()), anyName);
      List<MemberChange> changes = Comparison.of(as, bs);
      if (!changes.isEmpty()) {
        FileDiff.Status status = a == null ? FileDiff.Status.ADDED : b == null ? FileDiff.Status.REMOVED : FileDiff.Status.MODIFIED;
        files.add(new FileDiff(path, status, changes));
      }
    }
    return new SourceDiff(from, to, files);
  }

  private static List<String> union(Map<String, Parsed> a, Map<String, Parsed> b) {
    List<String> out = new ArrayList<>(a.keySet());
    out.addAll(b.keySet());
    return out;
  }

  /**
   * The top-level classes renamed between the revisions: in each file of both with one top-level
   * type on each side, the old name to the new one when they differ.
   */
  private static Map<String, String> renames(Map<String, Parsed> before, Map<String, Parsed> after) {
    Map<String, String> out = new TreeMap<>();
    before.forEach((path, a) -> {
      Parsed b = after.get(path);
      if (b != null && a.unit().getTypes().size() == 1 && b.unit().getTypes().size() == 1) {
        TypeDeclaration<?> old = a.unit().getType(0);
        TypeDeclaration<?> now = b.unit().getType(0);
        if (!old.getNameAsString().equals(now.getNameAsString())) {
          out.put(old.getNameAsString(), now.getNameAsString());
        }
      }
    });
    return out;
  }

  /** Whether no member differs. */
  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** The lines all the diffs add. */
  public int insertions() {
    return files.stream().mapToInt(FileDiff::insertions).sum();
  }

  /** The lines all the diffs remove. */
  public int deletions() {
    return files.stream().mapToInt(FileDiff::deletions).sum();
  }
}
