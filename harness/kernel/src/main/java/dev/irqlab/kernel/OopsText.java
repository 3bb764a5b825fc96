package dev.irqlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * How the kernel words the oops a Java exception out of ported code stands for: its headline,
 * its faulting place and its call trace, for {@link Kernel#oopsFor}.
 */
final class OopsText {
  /** How many frames the call trace shows below the faulting one. */
  static final int CALL_TRACE = 4;
  /** The package of the revision modules: their frames are where a fault is. */
  static final String REVISIONS = "dev.irqlab.rev.";

  private OopsText() {}

  /** The classes of kernel code by package: the revisions, the drivers, the SPI. */
  static boolean kernelPackage(String className) {
    return className.startsWith(REVISIONS) || className.startsWith("dev.irqlab.devices.") || className.startsWith("dev.irqlab.spi.");
  }

  /**
   * The frames of {@code e} in kernel code ({@code kernelCode} says which classes are), innermost
   * first, up to the first frame of whatever drives the kernel (the harness: a system call's
   * entry).
   */
  static List<Site> frames(Throwable e, java.util.function.Predicate<String> kernelCode) {
    List<Site> out = new ArrayList<>();
    for (StackTraceElement f : e.getStackTrace()) {
      String c = f.getClassName();
      if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("dev.irqlab.kernel.")) {
        continue;
      }
      if (!kernelCode.test(c)) {
        break;
      }
      out.add(new Site(c, f.getMethodName(), String.valueOf(f.getFileName()), f.getLineNumber()));
    }
    return out;
  }

  /** The faulting place: the innermost frame of a revision, else the innermost frame, else unknown. */
  static Site rip(List<Site> frames) {
    return frames.stream().filter(f -> f.className().startsWith(REVISIONS)).findFirst()
        .orElse(frames.isEmpty() ? Site.UNKNOWN : frames.get(0));
  }

  /** The first line of the oops. */
  static String headline(Throwable e, Site rip) {
    if (e instanceof NullPointerException) {
      return "BUG: kernel NULL pointer dereference, address: 0000000000000000";
    }
    if (e instanceof IndexOutOfBoundsException || e instanceof ArrayStoreException || e instanceof NegativeArraySizeException) {
      return "BUG: unable to handle page fault in " + rip.method();
    }
    if (e instanceof ClassCastException) {
      return "Oops: general protection fault in " + rip.method();
    }
    if (e instanceof ArithmeticException) {
      return "Oops: divide error in " + rip.method();
    }
    if (e instanceof StackOverflowError) {
      return "BUG: TASK stack guard page was hit in " + rip.method();
    }
    return "kernel BUG at " + rip.file() + ":" + rip.line() + "!";
  }
}
