package dev.irqlab.cli;

import dev.irqlab.conformance.report.AtomicFile;
import dev.irqlab.conformance.report.Text;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Where a command's output goes: the standard output, or a file written whole or not at all. */
final class Output {
  private Output() {}

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
