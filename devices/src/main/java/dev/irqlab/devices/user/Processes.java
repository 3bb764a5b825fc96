package dev.irqlab.devices.user;

import dev.irqlab.devices.Host;
import dev.irqlab.devices.HostDriver;
import java.util.ArrayList;
import java.util.List;

/** The host's process table: every process spawned, which all exit when the host shuts down. */
final class Processes implements HostDriver {
  private final List<Process> all = new ArrayList<>();

  /** The process table of {@code host}. */
  static Processes on(Host host) {
    return host.driver(Processes.class, h -> new Processes());
  }

  void add(Process p) {
    synchronized (all) {
      all.add(p);
    }
  }

  /** Every process exits (closing its files), in spawn order. */
  @Override
  public void shutdown() {
    List<Process> now;
    synchronized (all) {
      now = List.copyOf(all);
    }
    now.forEach(Process::exit);
  }
}
