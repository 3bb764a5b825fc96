package dev.irqlab.fork;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts a {@code main} of this program in a child JVM: the {@code java} of this JVM's home,
 * the caller's options, a class path (by default this JVM's own), the main class and its
 * arguments.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The class path this JVM was started with: what a child runs on unless told otherwise. */
  public static String classPath() {
    return System.getProperty("java.class.path");
  }

  /** {@code JAVA_HOME/bin/java OPTIONS -cp CLASS_PATH MAIN ARGS}, with this JVM's Java home. */
  public static List<String> command(Class<?> main, String classPath, List<String> options, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.add("-cp");
    command.add(classPath);
    command.add(main.getName());
    command.addAll(args);
    return command;
  }

  /** Starts {@link #command}; its standard streams are pipes to this JVM. */
  public static Process start(Class<?> main, String classPath, List<String> options, List<String> args) throws IOException {
    return new ProcessBuilder(command(main, classPath, options, args)).start();
  }

  /**
   * Hands each line of {@code stream} (UTF-8) to {@code lines} on a daemon thread called {@code
   * name}, until the stream ends or cannot be read (the child was killed); returns the thread.
   */
  public static Thread drain(InputStream stream, String name, Consumer<String> lines) {
    return drain(stream, name, lines, () -> { });
  }

  /** As {@link #drain(InputStream, String, Consumer)}, then runs {@code end} on the same thread. */
  public static Thread drain(InputStream stream, String name, Consumer<String> lines, Runnable end) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.accept(line);
        }
      } catch (IOException e) {
        // The child is gone and its pipe with it: there is nothing more to read.
      } finally {
        end.run();
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
