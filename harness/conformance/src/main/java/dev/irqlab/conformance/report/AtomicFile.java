package dev.irqlab.conformance.report;

import dev.irqlab.conformance.io.FileKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all: into a temporary file next to it, then renamed over it, so
 * that a reader (or a crash) never sees half of it. Only a regular file is replaced: a path that
 * names a directory, a device, a FIFO or a socket is refused. A symbolic link is followed, and
 * its target written the same way, so the link stays.
 */
public final class AtomicFile {
  /** As many links as Linux follows before {@code ELOOP}. */
  private static final int MAX_LINKS = 40;

  private AtomicFile() {}

  /**
   * Writes {@code text} (UTF-8) to {@code file}, replacing it.
   *
   * @throws ReportException naming the file and why it could not be written
   */
  public static void write(Path file, String text) {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code bytes} to {@code file} (or to the file its links lead to), replacing it.
   *
   * @throws ReportException naming the file and why it could not be written
   */
  public static void write(Path file, byte[] bytes) {
    Path target = check(file);
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(bytes);
      }
      keepPermissions(target, tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the write failed already; that is what the user needs to know
      }
      throw new ReportException("cannot write " + file + ": " + FileKind.reason(e), e);
    }
  }

  /**
   * The file a write to {@code file} replaces: {@code file} itself, or the end of its chain of
   * symbolic links, as an absolute path whose folder exists. Call it before a long run, so that a
   * bad output path fails first.
   *
   * @throws ReportException naming the file and what is wrong: {@code cannot write /dev/null: it
   *     is a character device, not a regular file}
   */
  public static Path check(Path file) {
    Path target = follow(file);
    Path dir = target.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      Path shown = target.equals(file.toAbsolutePath()) && file.getParent() != null ? file.getParent() : dir;
      String why = Files.exists(dir) ? shown + " is not a directory" : "no such directory " + shown;
      throw new ReportException("cannot write " + file + ": " + why, null);
    }
    try {
      Optional<String> kind = FileKind.notRegular(target);
      if (kind.isPresent()) {
        String what = target.equals(file.toAbsolutePath()) ? "it is " : "it links to " + target + ", ";
        throw new ReportException("cannot write " + file + ": " + what + kind.get() + ", not a regular file", null);
      }
    } catch (IOException e) {
      throw new ReportException("cannot write " + file + ": " + FileKind.reason(e), e);
    }
    return target;
  }

  /** The end of {@code file}'s chain of symbolic links, absolute; {@code file} when it is none. */
  private static Path follow(Path file) {
    Path p = file.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == MAX_LINKS) {
        throw new ReportException("cannot write " + file + ": too many levels of symbolic links", null);
      }
      try {
        p = p.resolveSibling(Files.readSymbolicLink(p));
      } catch (IOException e) {
        throw new ReportException("cannot write " + file + ": " + FileKind.reason(e), e);
      }
    }
    return p;
  }

  /** A file replaced keeps its permissions (a new one gets the umask's). */
  private static void keepPermissions(Path target, Path tmp) throws IOException {
    PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (old != null && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Set<PosixFilePermission> perms = old.readAttributes().permissions();
      Files.setPosixFilePermissions(tmp, perms);
    }
  }
}
