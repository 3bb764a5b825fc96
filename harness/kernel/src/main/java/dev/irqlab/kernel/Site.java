package dev.irqlab.kernel;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A place in Java source: the line of a port or a driver that did something the kernel reports.
 *
 * <p>Reports name the Java line the way a kernel splat names {@code function+0x9b}: the first
 * stack frame that is not the emulated kernel itself (nor, for an object accessor, the object's
 * own class), so a use-after-free points at the line of the revision that touched the object.
 */
public record Site(String className, String method, String file, int line) {

  private static final StackWalker WALKER = StackWalker.getInstance();

  /** Where nothing better is known. */
  public static final Site UNKNOWN = new Site("?", "?", "?", 0);

  /** The first frame outside the emulated kernel. */
  public static Site caller() {
    return caller(name -> false);
  }

  /**
   * The first frame outside the emulated kernel and outside the classes {@code skip} accepts
   * (for example the accessor class of a touched object).
   */
  public static Site caller(Predicate<String> skip) {
    Optional<StackWalker.StackFrame> frame =
        WALKER.walk(
            frames ->
                frames
                    .filter(f -> !isKernelFrame(f.getClassName()) && !skip.test(f.getClassName()))
                    .findFirst());
    return frame
        .map(f -> new Site(f.getClassName(), f.getMethodName(), String.valueOf(f.getFileName()), f.getLineNumber()))
        .orElse(UNKNOWN);
  }

  private static boolean isKernelFrame(String className) {
    return className.startsWith("dev.irqlab.kernel.")
        && !className.endsWith("Test")
        && !className.contains("Test$");
  }

  /** A place in C source: {@code function} at {@code file:line}, as a C revision reports it. */
  public static Site c(String function, String file, int line) {
    return new Site("", function, file, line);
  }

  /** True for a place in C source ({@link #c}). */
  public boolean isC() {
    return className.isEmpty();
  }

  /** The simple class name, without the package. */
  public String simpleClassName() {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? className : className.substring(dot + 1);
  }

  /** {@code Irqbypass.unregisterProducer(Irqbypass.java:88)}, as a Java stack frame prints. */
  @Override
  public String toString() {
    if (isC()) {
      return line <= 0 ? method + "(" + file + ")" : String.format(Locale.ROOT, "%s(%s:%d)", method, file, line);
    }
    if (this == UNKNOWN || line <= 0) {
      return simpleClassName() + "." + method + "(" + file + ")";
    }
    return String.format(Locale.ROOT, "%s.%s(%s:%d)", simpleClassName(), method, file, line);
  }
}
