package dev.irqlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o FILE}, for the commands whose output can go to a file ({@link Output}). */
final class OutputFile {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (whole or not at all) instead of the standard output.")
  Path file;

  /** Refuses, before any work, a file that cannot be written. */
  void check() {
    Output.check(file);
  }

  /** Prints {@code text}, or writes it to the file and says so with {@code summary}. */
  void emit(PrintWriter out, String text, String summary) {
    Output.emit(out, file, text, summary);
  }
}
