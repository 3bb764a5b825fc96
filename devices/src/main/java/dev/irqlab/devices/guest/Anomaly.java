package dev.irqlab.devices.guest;

import java.util.Locale;

/**
 * An interrupt the modelled kernel did not deliver exactly once where the configuration said:
 * user space's irqfds and GSI routes (or, with no irqfd, the eventfd's reader); or a vCPU a VM
 * was destroyed with while it was still halted.
 *
 * @param kind lost, misrouted, duplicated, halted, left halted or posted without callback
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
    DUPLICATED,
    /**
     * It reached an expected vCPU while that vCPU was halted (arm64's {@code kvm_arm_halt_guest}):
     * the guest, not running, took it fewer times than expected.
     */
    HALTED,
    /** A VM was destroyed with this vCPU still halted: nothing resumed it (interrupt 0, no vector). */
    LEFT_HALTED,
    /**
     * It arrived, posted by its IRTE, where the device's eventfd leads, although the device had no
     * callback to signal that eventfd: a vDPA device reset clears its virtqueue callbacks, and only
     * {@code VHOST_SET_VRING_CALL} sets them again, but DRIVER_OK registers the producer with the
     * call eventfd vhost kept, so a remapped interrupt is dropped and a posted one arrives.
     */
    POSTED_WITHOUT_CALLBACK;

    /** {@code lost}, {@code misrouted}, {@code duplicated}, {@code halted}, {@code left halted}, {@code posted without callback}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** {@code interrupt 3 (vfio 0000:01:00.0 MSI-X 0): lost at vm0/vcpu1 vector 0x41 (expected 1, got 0)}. */
  @Override
  public String toString() {
    if (kind == Kind.LEFT_HALTED && target instanceof Target.Vcpu v) {
      return String.format(Locale.ROOT, "%s/vcpu%d: left halted (%s)", v.vm(), v.vcpu(), source);
    }
    return String.format(
        Locale.ROOT,
        "interrupt %d (%s): %s at %s (expected %d, got %d)",
        interrupt, source, kind.label(), target, expected, actual);
  }
}
