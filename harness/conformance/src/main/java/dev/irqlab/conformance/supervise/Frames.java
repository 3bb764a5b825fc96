package dev.irqlab.conformance.supervise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The frames of a stack that matter to a reader of a trace: the first frame (what the thread is
 * doing now), then the frames of revision code ({@value #REVISIONS}*), each as {@code
 * Class.method(File.java:line)}, a few lines in all.
 */
final class Frames {
  /** The packages of revision modules. */
  static final String REVISIONS = "dev.irqlab.rev.";
  /** At most this many revision frames of one stack. */
  static final int MAX = 4;

  private Frames() {}

  /** A frame of a revision's own code: not of a lambda's hidden class, whose name changes from run to run. */
  static boolean isRevision(StackTraceElement f) {
    return f.getClassName().startsWith(REVISIONS) && !f.getClassName().contains("$$Lambda");
  }

  /** {@code IrqBypassManager.connect(IrqBypassManager.java:120)}: the simple class name, as a kernel report names a site. */
  static String frame(StackTraceElement f) {
    String cls = f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
    String where = f.isNativeMethod() ? "Native Method"
        : f.getFileName() == null ? "Unknown Source"
        : f.getLineNumber() < 0 ? f.getFileName()
        : String.format(Locale.ROOT, "%s:%d", f.getFileName(), f.getLineNumber());
    return cls + "." + f.getMethodName() + "(" + where + ")";
  }

  /** The innermost revision frame, or else the first frame: where a thread is, in one phrase. */
  static String where(StackTraceElement[] stack) {
    for (StackTraceElement f : stack) {
      if (isRevision(f)) {
        return frame(f);
      }
    }
    return stack.length == 0 ? "an unknown place" : frame(stack[0]);
  }

  /**
   * {@code at FIRST}, then {@code at REVISION_FRAME} for up to {@value #MAX} revision frames from
   * {@code stack[from]} on, each line indented by {@code indent}, with {@code ...} where frames
   * between them are left out.
   */
  static List<String> lines(StackTraceElement[] stack, int from, String indent) {
    List<String> out = new ArrayList<>();
    boolean skipped = false;
    int shown = 0;
    for (int i = from; i < stack.length; i++) {
      boolean revision = isRevision(stack[i]);
      if (i == from || revision && shown < MAX) {
        if (skipped) {
          out.add(indent + "...");
          skipped = false;
        }
        out.add(indent + "at " + frame(stack[i]));
        shown += revision ? 1 : 0;
      } else {
        skipped = true;
      }
    }
    return out;
  }
}
