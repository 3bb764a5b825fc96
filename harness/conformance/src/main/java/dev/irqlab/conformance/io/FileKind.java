package dev.irqlab.conformance.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;

/** What a path names, in the words of {@code stat(1)}: a regular file, a directory, a character device, ... */
public final class FileKind {
  private static final int S_IFMT = 0170000;

  private FileKind() {}

  /**
   * What {@code path} is when it exists and is not a regular file ({@code "a directory"}, {@code
   * "a character device"}, {@code "a FIFO"}, ...), following symbolic links; empty for a regular
   * file or a path that does not exist.
   */
  public static Optional<String> notRegular(Path path) throws IOException {
    Integer mode = mode(path);
    if (mode != null) {
      return switch (mode & S_IFMT) {
        case 0100000 -> Optional.empty();
        case 0040000 -> Optional.of("a directory");
        case 0020000 -> Optional.of("a character device");
        case 0060000 -> Optional.of("a block device");
        case 0010000 -> Optional.of("a FIFO");
        case 0140000 -> Optional.of("a socket");
        default -> Optional.of("not a regular file");
      };
    }
    BasicFileAttributes a = basic(path);
    if (a == null || a.isRegularFile()) {
      return Optional.empty();
    }
    return Optional.of(a.isDirectory() ? "a directory" : "not a regular file (a device, FIFO or socket)");
  }

  /** The {@code st_mode} of {@code path}, null where the file system has no unix view or the path does not exist. */
  private static Integer mode(Path path) throws IOException {
    try {
      return (Integer) Files.getAttribute(path, "unix:mode");
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static BasicFileAttributes basic(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** What went wrong with a file, in a few words: {@code no such file or directory}, {@code permission denied}. */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemLoopException) {
      return "too many levels of symbolic links";
    }
    String m = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
    return Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }
}
