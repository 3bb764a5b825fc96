package dev.irqlab.crev;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles a C revision into its host program, with gcc and AddressSanitizer, against irqlab's
 * kernel shim; caches the program by content (the two files, the shim, the compiler and the
 * flags), so a second run of the same files compiles nothing.
 *
 * <p>The cache is the system property {@code irqlab.cache}, else {@code $IRQLAB_CACHE}, else {@code $XDG_CACHE_HOME/irqlab}, else {@code
 * ~/.cache/irqlab}; each build is made in a fresh folder and renamed into place, so two
 * processes compiling the same revision at once do not see each other's half.
 */
public final class CBuild {
  /** The shim's files, under the resource folder {@code dev/irqlab/crev/shim/}. */
  static final List<String> SHIM = List.of(
      "irqlab_host.c", "irqlab_host.h", "irqlab_glue.c", "include/irqlab_kernel.h",
      "include/linux/bug.h", "include/linux/cleanup.h", "include/linux/compiler.h", "include/linux/container_of.h",
      "include/linux/err.h", "include/linux/eventfd.h", "include/linux/export.h", "include/linux/init.h",
      "include/linux/kernel.h", "include/linux/list.h", "include/linux/lockdep.h", "include/linux/mm.h",
      "include/linux/module.h", "include/linux/mutex.h", "include/linux/printk.h", "include/linux/rculist.h",
      "include/linux/slab.h", "include/linux/spinlock.h", "include/linux/xarray.h");

  private static final List<String> FLAGS = List.of(
      "-std=gnu11", "-g", "-O0", "-w", "-fsanitize=address", "-fsanitize-recover=address", "-fno-omit-frame-pointer", "-fno-common");

  private CBuild() {}

  /** The host program for {@code source}, compiled now or found in the cache. */
  public static Path program(CSource source, CHeader header) {
    String cc = compiler();
    String ccVersion = version(cc);
    List<String> defines = header.defines();
    Path root = cacheRoot().resolve("c");
    String key = key(source, ccVersion, defines);
    Path done = root.resolve(key);
    Path program = done.resolve("irqlab-host");
    if (Files.isExecutable(program)) {
      return program;
    }
    try {
      Files.createDirectories(root);
      Path work = Files.createTempDirectory(root, "build-");
      try {
        compile(cc, source, defines, work);
        try {
          Files.move(work, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          // another process built the same program first: use theirs
        } catch (AtomicMoveNotSupportedException e) {
          throw new CRevisionException("the cache " + root + " cannot rename a folder in one step: set IRQLAB_CACHE to a local folder");
        }
      } finally {
        delete(work);
      }
    } catch (IOException e) {
      throw new CRevisionException("cannot write the compile cache " + root + ": " + e.getMessage() + " (set IRQLAB_CACHE to a writable folder)", e);
    }
    return program;
  }

  /** {@code $CC}, else gcc. */
  static String compiler() {
    String cc = System.getenv("CC");
    return cc == null || cc.isBlank() ? "gcc" : cc.strip();
  }

  static String version(String cc) {
    try {
      Process p = new ProcessBuilder(cc, "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new CRevisionException("the C compiler '" + cc + "' does not run: " + out.lines().findFirst().orElse(""));
      }
      return out.lines().findFirst().orElse(cc);
    } catch (IOException e) {
      throw new CRevisionException("no C compiler '" + cc + "': a C revision is compiled with gcc and AddressSanitizer"
          + " (Debian: apt-get install gcc); set CC to use another compiler");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CRevisionException("interrupted while looking for the C compiler", e);
    }
  }

  static Path cacheRoot() {
    String property = System.getProperty("irqlab.cache");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    String env = System.getenv("IRQLAB_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "irqlab").toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "irqlab");
  }

  private static String key(CSource source, String ccVersion, List<String> defines) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("irqlab-c/1\n" + ccVersion + "\n" + FLAGS + defines + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(source.source());
      sha.update((byte) 0);
      sha.update(source.header());
      for (String name : SHIM) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update(shim(name));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] shim(String name) {
    try (InputStream in = CBuild.class.getResourceAsStream("shim/" + name)) {
      if (in == null) {
        throw new IllegalStateException("irqlab's kernel shim lacks " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void compile(String cc, CSource source, List<String> defines, Path work) throws IOException {
    Path shim = work.resolve("shim");
    for (String name : SHIM) {
      Path f = shim.resolve(name);
      Files.createDirectories(f.getParent());
      Files.write(f, shim(name));
    }
    Path src = work.resolve("src");
    Path c = src.resolve(source.sourcePath());
    Path h = src.resolve("include/linux/irqbypass.h");
    Files.createDirectories(c.getParent());
    Files.createDirectories(h.getParent());
    Files.write(c, source.source());
    Files.write(h, source.header());
    List<String> maps = List.of("-ffile-prefix-map=" + src + "/=", "-ffile-prefix-map=" + shim + "/=irqlab/");
    run(source, src, command(cc, maps, List.of("-I", src.resolve("include").toString(), "-I", shim.resolve("include").toString(),
        "-c", source.sourcePath(), "-o", work.resolve("irqbypass.o").toString())));
    List<String> glue = new ArrayList<>(List.of("-I", src.resolve("include").toString(), "-I", shim.resolve("include").toString(),
        "-iquote", shim.toString()));
    glue.addAll(defines);
    glue.addAll(List.of("-c", shim.resolve("irqlab_glue.c").toString(), "-o", work.resolve("glue.o").toString()));
    run(source, src, command(cc, maps, glue));
    run(source, src, command(cc, maps, List.of("-iquote", shim.resolve("include").toString(), "-iquote", shim.toString(),
        "-c", shim.resolve("irqlab_host.c").toString(), "-o", work.resolve("host.o").toString())));
    run(source, src, List.of(cc, "-fsanitize=address", work.resolve("irqbypass.o").toString(), work.resolve("glue.o").toString(),
        work.resolve("host.o").toString(), "-o", work.resolve("irqlab-host").toString()));
  }

  private static List<String> command(String cc, List<String> maps, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(cc);
    out.addAll(FLAGS);
    out.addAll(maps);
    out.addAll(rest);
    return out;
  }

  private static void run(CSource source, Path dir, List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() == 0) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CRevisionException("interrupted while compiling " + source.id(), e);
    }
    String shown = out.replace(dir + "/", "").replace(dir.getParent().resolve("shim") + "/", "irqlab/");
    List<String> lines = shown.lines().filter(l -> l.contains("error") || l.startsWith(" ")).limit(12).toList();
    throw new CRevisionException(source.id() + ": " + source.sourcePath() + " does not build against irqlab's kernel shim:\n  "
        + String.join("\n  ", lines.isEmpty() ? shown.lines().limit(12).toList() : lines));
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover build folder in the cache does no harm
    }
  }
}
