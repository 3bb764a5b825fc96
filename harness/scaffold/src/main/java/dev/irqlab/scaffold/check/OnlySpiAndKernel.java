package dev.irqlab.scaffold.check;

/**
 * {@code only-spi-and-kernel}: what no other rule names and is not allowed either: other JDK
 * packages (java.io, java.nio, java.time, java.util.regex, javax, ...), libraries, and the
 * java.lang classes that reach outside the emulated kernel ({@code System}, {@code Runtime},
 * {@code Process}, {@code ProcessBuilder}, {@code ProcessHandle}, {@code SecurityManager}, {@code
 * StackWalker}, {@code java.lang.Module}, {@code ModuleLayer}).
 */
final class OnlySpiAndKernel extends NamespaceRule {

  OnlySpiAndKernel() {
    super(
        "only-spi-and-kernel",
        Namespace.OUTSIDE,
        "a revision uses only the SPI (dev.irqlab.spi), the emulated kernel (dev.irqlab.kernel)"
            + " and java.lang basics");
  }
}
