package dev.irqlab.devices.guest;

/**
 * One interrupt arriving somewhere.
 *
 * @param interrupt the id of the interrupt it belongs to, or 0 when it arrived outside any
 *     tracked interrupt (an event left pending on an eventfd and injected when an irqfd was
 *     assigned to it)
 * @param target where it arrived
 * @param path how
 */
public record Delivery(long interrupt, Target target, Path path) {
  /** {@code vm0/vcpu1 vector 0x41 (posted)}. */
  @Override
  public String toString() {
    return target + " (" + path.label() + ")";
  }
}
