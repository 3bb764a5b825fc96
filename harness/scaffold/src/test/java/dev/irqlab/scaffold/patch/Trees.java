package dev.irqlab.scaffold.patch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small source trees for the tests, written into a temporary folder. */
final class Trees {
  private Trees() {}

  /** Writes {@code pathsAndTexts} (a path under {@code dir}, then its text, ...) and returns {@code dir}. */
  static Path write(Path dir, String... pathsAndTexts) {
    try {
      Files.createDirectories(dir);
      for (int i = 0; i < pathsAndTexts.length; i += 2) {
        Path file = dir.resolve(pathsAndTexts[i]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, pathsAndTexts[i + 1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Compares one file, {@code Manager.java}, written as {@code before} and {@code after}. */
  static SourceDiff diff(Path tmp, String before, String after) {
    return SourceDiff.compare("a", write(tmp.resolve("a"), "Manager.java", before), "b",
        write(tmp.resolve("b"), "Manager.java", after));
  }

  /** Each member that differs, as {@code change label}, in order. */
  static List<String> changes(SourceDiff d) {
    return d.files().stream().flatMap(f -> f.changes().stream()).map(c -> c.change().id() + " " + c.label()).toList();
  }
}
