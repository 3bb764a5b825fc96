package dev.irqlab.crev;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a {@code c:PATH[@REF]} revision's two files come from, and their bytes.
 *
 * <p>{@code PATH} is a kernel tree ({@code virt/lib/irqbypass.c} and {@code
 * include/linux/irqbypass.h} in it) or a directory holding {@code irqbypass.c} and {@code
 * irqbypass.h}. {@code ~} is the home directory; a relative path is taken from the working
 * directory. With {@code @REF}, the files are read with {@code git -C PATH show REF:./FILE}, so
 * PATH may be a folder inside a repository.
 *
 * @param id the revision id as the user wrote it ({@code c:~/src/linux@v6.17})
 * @param tree the directory, absolute
 * @param ref the git ref, or null for the files on disk
 * @param source {@code irqbypass.c}'s bytes
 * @param header {@code irqbypass.h}'s bytes
 * @param sourcePath where {@code irqbypass.c} is in the tree ({@code virt/lib/irqbypass.c})
 * @param date the commit date of the ref (of HEAD for a work tree in git), else the file's date
 * @param author the author of that commit, or null
 */
public record CSource(String id, Path tree, String ref, byte[] source, byte[] header, String sourcePath, LocalDate date, String author) {
  /** The prefix of a C revision's id. */
  public static final String PREFIX = "c:";

  private static final String TREE_C = "virt/lib/irqbypass.c";
  private static final String TREE_H = "include/linux/irqbypass.h";

  /** True when {@code id} names a C revision. */
  public static boolean names(String id) {
    return id != null && id.startsWith(PREFIX);
  }

  /** Reads the files {@code id} names. */
  public static CSource resolve(String id) {
    String rest = id.substring(PREFIX.length());
    String path = rest;
    String ref = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0 && at > rest.lastIndexOf('/')) {
      path = rest.substring(0, at);
      ref = rest.substring(at + 1);
      if (ref.isEmpty()) {
        throw new CRevisionException(id + ": nothing after '@': write c:PATH@REF with a git ref, or c:PATH for the files on disk");
      }
    }
    if (path.isEmpty()) {
      throw new CRevisionException(id + ": no path: write c:PATH, PATH being a kernel tree or a directory with irqbypass.c and irqbypass.h");
    }
    Path tree = expand(path);
    if (!Files.isDirectory(tree)) {
      throw new CRevisionException(id + ": " + tree + " is not a directory");
    }
    return ref == null ? onDisk(id, tree) : inGit(id, tree, ref);
  }

  private static Path expand(String path) {
    String p = path;
    if (p.equals("~") || p.startsWith("~/")) {
      p = System.getProperty("user.home") + p.substring(1);
    }
    return Path.of(p).toAbsolutePath().normalize();
  }

  private static CSource onDisk(String id, Path tree) {
    Path c = tree.resolve(TREE_C);
    Path h = tree.resolve(TREE_H);
    String sourcePath = TREE_C;
    if (!Files.isRegularFile(c)) {
      c = tree.resolve("irqbypass.c");
      h = tree.resolve("irqbypass.h");
      sourcePath = "irqbypass.c";
      if (!Files.isRegularFile(c)) {
        throw new CRevisionException(id + ": " + tree + " holds neither " + TREE_C + " (a kernel tree) nor irqbypass.c");
      }
    }
    if (!Files.isRegularFile(h)) {
      throw new CRevisionException(id + ": " + tree + " has " + tree.relativize(c) + " but no " + tree.relativize(h));
    }
    try {
      LocalDate date = LocalDate.ofInstant(Files.getLastModifiedTime(c).toInstant(), ZoneOffset.UTC);
      String author = null;
      if (Files.exists(tree.resolve(".git"))) {
        Git.Result log = Git.run(tree, "log", "-1", "--format=%cs%n%an <%ae>", "HEAD");
        if (log.ok()) {
          String[] lines = log.out().split("\n", -1);
          date = LocalDate.parse(lines[0].strip());
          author = lines.length > 1 && !lines[1].isBlank() ? lines[1].strip() : null;
        }
      }
      return new CSource(id, tree, null, Files.readAllBytes(c), Files.readAllBytes(h), sourcePath, date, author);
    } catch (IOException e) {
      throw new CRevisionException(id + ": cannot read " + c + ": " + e.getMessage(), e);
    }
  }

  private static CSource inGit(String id, Path tree, String ref) {
    Git.Result check = Git.run(tree, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (!check.ok()) {
      throw new CRevisionException(id + ": git in " + tree + " knows no commit '" + ref + "'" + Git.why(check));
    }
    String c = TREE_C;
    String h = TREE_H;
    Git.Result source = Git.run(tree, "show", ref + ":./" + c);
    if (!source.ok()) {
      c = "irqbypass.c";
      h = "irqbypass.h";
      source = Git.run(tree, "show", ref + ":./" + c);
      if (!source.ok()) {
        throw new CRevisionException(id + ": " + ref + " has no " + TREE_C);
      }
    }
    Git.Result header = Git.run(tree, "show", ref + ":./" + h);
    if (!header.ok()) {
      throw new CRevisionException(id + ": " + ref + " has " + c + " but no " + h);
    }
    Git.Result log = Git.run(tree, "log", "-1", "--format=%cs%n%an <%ae>", ref);
    String[] lines = log.out().split("\n", -1);
    LocalDate date = log.ok() ? LocalDate.parse(lines[0].strip()) : LocalDate.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
    String author = log.ok() && lines.length > 1 && !lines[1].isBlank() ? lines[1].strip() : null;
    return new CSource(id, tree, ref, source.bytes(), header.bytes(), c, date, author);
  }

  /** The git blob id of {@code irqbypass.c}, shortened to 12 digits, as {@code git log --raw} shows it. */
  public String sourceBlob() {
    return blob(source);
  }

  /** The git blob id of {@code irqbypass.h}, shortened. */
  public String headerBlob() {
    return blob(header);
  }

  static String blob(byte[] content) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha1.digest(content)).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code ~/src/linux at v6.17}, or {@code ~/src/linux (work tree)}. */
  public String where() {
    String shown = tree.toString();
    String home = System.getProperty("user.home");
    if (home != null && !home.isEmpty() && (shown.equals(home) || shown.startsWith(home + "/"))) {
      shown = "~" + shown.substring(home.length());
    }
    return shown + (ref == null ? " (files on disk)" : " at " + ref);
  }

  /** Runs git. */
  static final class Git {
    private Git() {}

    record Result(int exit, byte[] bytes, String err) {
      boolean ok() {
        return exit == 0;
      }

      String out() {
        return new String(bytes, StandardCharsets.UTF_8);
      }
    }

    static Result run(Path dir, String... args) {
      List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
      command.addAll(List.of(args));
      try {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        byte[] err;
        byte[] out;
        try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
          ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
          Thread drain = new Thread(() -> {
            try {
              e.transferTo(errBuf);
            } catch (IOException ignored) {
              // the process ended
            }
          });
          drain.start();
          out = o.readAllBytes();
          drain.join(TimeUnit.SECONDS.toMillis(30));
          err = errBuf.toByteArray();
        }
        int exit = p.waitFor();
        return new Result(exit, out, new String(err, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CRevisionException("git is needed to read a ref (c:PATH@REF) and could not be run: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CRevisionException("interrupted while running git", e);
      }
    }

    static String why(Result r) {
      String first = r.err().strip().lines().findFirst().orElse("");
      return first.isEmpty() ? "" : " (" + first + ")";
    }
  }
}
