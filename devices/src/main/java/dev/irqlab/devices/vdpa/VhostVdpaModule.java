package dev.irqlab.devices.vdpa;

import dev.irqlab.devices.Host;
import dev.irqlab.devices.HostDriver;

/**
 * {@code vhost_vdpa.ko} on one host: it numbers the {@code /dev/vhost-vdpa-N} character devices
 * of the vDPA devices it binds, and loads the {@value #NAME} module that imports the manager's
 * functions with its first device.
 */
final class VhostVdpaModule implements HostDriver {
  /** The vhost-vDPA module, which registers producers. */
  static final String NAME = "vhost_vdpa";

  private int nextMinor;

  private VhostVdpaModule(Host host) {
    host.loadImporter(NAME);
  }

  /** The module bound to {@code host}, loaded now if it is not. */
  static VhostVdpaModule on(Host host) {
    return host.driver(VhostVdpaModule.class, VhostVdpaModule::new);
  }

  /** The minor of the next {@code /dev/vhost-vdpa-N}. */
  synchronized int allocMinor() {
    return nextMinor++;
  }
}
