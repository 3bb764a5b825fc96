package dev.irqlab.cli;

import dev.irqlab.conformance.report.AtomicFile;
import dev.irqlab.conformance.report.Text;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Where a command's output goes: the standard output, or a file written whole or not at all
 * ({@link AtomicFile}: a regular file or a new one, never a directory or a device; through a
 * symbolic link to its target).
 */
final class Output {
  private Output() {}

  /**
   * Refuses, before any work, an output file that cannot be written: one that is a directory,
   * a device, a FIFO or a socket, or whose folder does not exist. Null is the standard output.
   */
  static void check(Path file) {
    if (file != null) {
      AtomicFile.check(file);
    }
  }

  /**
   * Prints {@code text}, or writes it to {@code file} when one is given and prints {@code
   * irqlab: wrote FILE:} with {@code summary} under it.
   */
  static void emit(PrintWriter out, Path file, String text, String summary) {
    if (file == null) {
      out.print(text);
    } else {
      AtomicFile.write(file, text);
      Text.hanging("irqlab: wrote " + file + ":", summary, 4).forEach(out::println);
    }
    out.flush();
  }
}
