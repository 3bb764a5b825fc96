package dev.irqlab.devices.guest;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One tracked interrupt: a device interrupt, a loopback trigger or a user-space write to an
 * eventfd, with where it was meant to go and where it went.
 *
 * @param id its number in this run, from 1
 * @param source what raised it ({@code vfio 0000:01:00.0 MSI-X 0})
 * @param eventfd the eventfd it signals or would signal, or null when the source has none
 * @param expected the targets the configuration names, with how often each
 * @param deliveries where it arrived, in order
 * @param anomalies what was lost, misrouted or duplicated (empty when all went well)
 */
public record Interrupt(
    long id,
    String source,
    String eventfd,
    SortedMap<Target, Integer> expected,
    List<Delivery> deliveries,
    List<Anomaly> anomalies) {

  public Interrupt {
    expected = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(expected));
    deliveries = List.copyOf(deliveries);
    anomalies = List.copyOf(anomalies);
  }

  /** True when it arrived exactly where expected, as often as expected. */
  public boolean deliveredAsExpected() {
    return anomalies.isEmpty();
  }

  /** The paths it took, in order of arrival. */
  public List<Path> paths() {
    return deliveries.stream().map(Delivery::path).toList();
  }

  /** How often it arrived at each target. */
  public Map<Target, Integer> actual() {
    Map<Target, Integer> out = new TreeMap<>();
    deliveries.forEach(d -> out.merge(d.target(), 1, Integer::sum));
    return out;
  }
}
