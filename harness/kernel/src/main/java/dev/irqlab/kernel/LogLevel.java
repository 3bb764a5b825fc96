package dev.irqlab.kernel;

/** The printk log levels, {@code KERN_EMERG} (0) to {@code KERN_DEBUG} (7). */
public enum LogLevel {
  EMERG,
  ALERT,
  CRIT,
  ERR,
  WARNING,
  NOTICE,
  INFO,
  DEBUG;

  /** The numeric level the kernel prints in {@code <N>} prefixes. */
  public int number() {
    return ordinal();
  }
}
