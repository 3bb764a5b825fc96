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
  @Override
  public String toString() {
    return path.name().toLowerCase(java.util.Locale.ROOT) + " " + target;
  }
}
