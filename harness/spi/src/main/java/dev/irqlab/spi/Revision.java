package dev.irqlab.spi;

import dev.irqlab.kernel.Kernel;

/**
 * One historical (or proposed) design of the IRQ bypass manager: the service a revision module
 * provides through {@code META-INF/services/dev.irqlab.spi.Revision}.
 *
 * <p>A module holds its provider (this interface), its port (one file, named alike in every
 * module, so that {@code diff -r} between two modules reads like the upstream patch) and a
 * {@code package-info.java} with the theory of operation and upstream facts. It depends on the
 * SPI and the emulated kernel only. The harness never names a revision class: the {@link
 * RevisionLoader} finds every module on the class path.
 */
public interface Revision {

  /** Identity, history and sources of this revision. Cheap and constant. */
  RevisionInfo info();

  /**
   * {@code insmod}: a fresh instance of the manager on {@code kernel}, with its own mutex,
   * registry and {@code THIS_MODULE}. Nothing is shared between two loads.
   */
  IrqBypass load(Kernel kernel);
}
