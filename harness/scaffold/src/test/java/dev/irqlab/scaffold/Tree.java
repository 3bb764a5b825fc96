package dev.irqlab.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A copy of the repository files the scaffold reads, in a temporary folder, and snapshots of it. */
final class Tree {
  /** The repository this module is built in (tests run in harness/scaffold). */
  static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  private Tree() {}

  /** Copies revisions/ (without build output) and the poms that list revisions into {@code dir}. */
  static Path copyOfRepo(Path dir) {
    copy(REPO.resolve("revisions"), dir.resolve("revisions"));
    for (String pom : ModuleLists.dependents(REPO)) {
      copy(REPO.resolve(pom), dir.resolve(pom));
    }
    return dir;
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String rel = from.relativize(p).toString();
        if (Arrays.asList(rel.split("[/\\\\]")).contains("target")) {
          continue;
        }
        Path dest = rel.isEmpty() ? to : to.resolve(rel);
        Files.createDirectories(dest.getParent());
        Files.copy(p, dest);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code dir} with its content, by relative path. */
  static Map<String, String> snapshot(Path dir) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        out.put(rel, Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "<dir>");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Deletes {@code dir} and everything in it. */
  static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
