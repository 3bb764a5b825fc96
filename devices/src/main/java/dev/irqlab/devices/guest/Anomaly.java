package dev.irqlab.devices.guest;

import java.util.Locale;

/**
 * An interrupt the modelled kernel did not deliver exactly once where the configuration said:
 * user space's irqfds and GSI routes (or, with no irqfd, the eventfd's reader).
 *
 * @param kind lost, misrouted or duplicated
 * @param interrupt the interrupt's id
 * @param source what raised it
 * @param target the target concerned
 * @param expected how often the configuration says it should have arrived there
 * @param actual how often it did
 */
public record Anomaly(Kind kind, long interrupt, String source, Target target, int expected, int actual) {
  /** What went wrong. */
  public enum Kind {
    /** An expected target got the interrupt fewer times than expected (usually never). */
    LOST,
    /** A target got it that the configuration does not name. */
    MISROUTED,
    /** An expected target got it more often than expected. */
    DUPLICATED
  }

  /** {@code interrupt 3 (vfio 0000:01:00.0 MSI-X 0): lost at vm0/vcpu1 vector 0x41 (expected 1, got 0)}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "interrupt %d (%s): %s at %s (expected %d, got %d)",
        interrupt, source, kind.name().toLowerCase(Locale.ROOT), target, expected, actual);
  }
}
