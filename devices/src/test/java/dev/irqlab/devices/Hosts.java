package dev.irqlab.devices;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Hosts for tests: with the test-only manager, or with a real revision found by id. */
final class Hosts {
  private Hosts() {}

  /** A host running {@link TestManager} with the drivers of {@code era}. */
  static Host withTestManager(String era, HostSettings settings) {
    return Host.boot(new Kernel(), TestManager::new, DriverEra.byId(era), settings);
  }

  static Host withTestManager(String era) {
    return withTestManager(era, HostSettings.defaults());
  }

  /** The test manager behind {@code host}. */
  static TestManager manager(Host host) {
    return (TestManager) host.bypass().inner();
  }

  /**
   * The revision {@code id} on the test class path, found through {@link ServiceLoader} (the
   * parents the revisions name are not all on this class path, so the history-ordering {@code
   * RevisionLoader} is not used here).
   */
  static Revision revision(String id) {
    List<String> seen = new ArrayList<>();
    for (Revision r : ServiceLoader.load(Revision.class)) {
      if (r.info().id().equals(id)) {
        return r;
      }
      seen.add(r.info().id());
    }
    throw new IllegalStateException("no revision '" + id + "' on the class path; found " + seen);
  }

  /** A host running revision {@code id} with the drivers of {@code era}. */
  static Host withRevision(String id, String era, HostSettings settings) {
    return Host.boot(revision(id), DriverEra.byId(era), settings);
  }
}
