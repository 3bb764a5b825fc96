package dev.irqlab.rev.cases;

import com.google.common.collect.ImmutableList; // BUG: only-spi-and-kernel
import java.io.PrintStream; // BUG: only-spi-and-kernel
import java.time.Instant; // BUG: only-spi-and-kernel
import java.util.regex.Pattern; // BUG: only-spi-and-kernel

/** The world outside the emulated kernel. */
final class OnlySpiAndKernelPositiveCases {
  void log(String line) {
    System.out.println(line); // BUG: only-spi-and-kernel
  }

  long now() {
    return System.nanoTime(); // BUG: only-spi-and-kernel
  }

  void halt() {
    Runtime.getRuntime().halt(1); // BUG: only-spi-and-kernel
  }

  int dice() {
    return new java.util.Random().nextInt(6); // BUG: only-spi-and-kernel
  }

  Object file() {
    return new java.io.File("irqbypass"); // BUG: only-spi-and-kernel
  }
}
