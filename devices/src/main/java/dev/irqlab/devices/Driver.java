package dev.irqlab.devices;

import dev.irqlab.kernel.Kernel;

/**
 * What every ported driver file works with: the host it runs on, that host's kernel, and the
 * era whose behaviour it ports.
 */
public abstract class Driver {
  protected final Host host;
  protected final Kernel kernel;
  protected final DriverEra era;

  protected Driver(Host host) {
    this.host = host;
    this.kernel = host.kernel();
    this.era = host.era();
  }
}
