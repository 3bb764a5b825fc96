package dev.irqlab.conformance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all: into a temporary file next to it, then renamed over it, so
 * that a reader (or a crash) never sees half of it.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /**
   * Writes {@code text} (UTF-8) to {@code file}, replacing it.
   *
   * @throws ReportException naming the file and why it could not be written
   */
  public static void write(Path file, String text) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    String temp = "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
    Path tmp = dir.resolve(temp);
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
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
      throw new ReportException("cannot write " + file + ": " + reason(e), e);
    }
  }

  /** What went wrong with a file, in a few words. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName().toLowerCase(Locale.ROOT) : m;
  }
}
