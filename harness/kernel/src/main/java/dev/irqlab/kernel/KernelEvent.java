package dev.irqlab.kernel;

import java.util.List;

/**
 * One structured entry of the kernel log: a printk line or a report.
 *
 * @param seq position in the log, from 0
 * @param kind what reported it
 * @param level the printk level ({@link LogLevel#WARNING} for WARN splats, {@link LogLevel#ERR}
 *     for sanitizer reports)
 * @param message the first line, as the kernel prints it
 * @param site the Java line that caused it
 * @param details the further lines of a report (object, who freed it, ...), possibly empty
 */
public record KernelEvent(
    long seq, EventKind kind, LogLevel level, String message, Site site, List<String> details) {

  public KernelEvent {
    details = List.copyOf(details);
  }

  /** The first line, prefixed with its kind for reports: {@code [KASAN] BUG: KASAN: ...}. */
  public String headline() {
    if (kind == EventKind.PRINTK) {
      return message;
    }
    return "[" + kind.name() + "] " + message;
  }

  /** All lines of the event, as a report would paste into a mail. */
  public String render() {
    StringBuilder out = new StringBuilder(headline());
    if (kind.isReport() && site != Site.UNKNOWN) {
      out.append("\n  at " + site);
    }
    for (String d : details) {
      out.append("\n  ").append(d);
    }
    return out.toString();
  }
}
