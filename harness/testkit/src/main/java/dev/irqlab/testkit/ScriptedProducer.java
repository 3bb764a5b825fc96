package dev.irqlab.testkit;

import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;

/**
 * A {@code struct irq_bypass_producer} with mocked {@code add_consumer}, {@code del_consumer},
 * {@code stop} and {@code start}. All four are optional for a producer: vfio-pci and vhost-vDPA
 * set none of them.
 */
public final class ScriptedProducer extends Scripted<IrqBypassProducer, IrqBypassConsumer> {
  ScriptedProducer(IrqBypassProducer p) {
    super(p, (add, del, stop, start) -> p.setAddConsumer(add).setDelConsumer(del).setStop(stop).setStart(start));
  }

  /** A producer needs no callback: all four NULL, as vfio-pci's. */
  @Override
  public ScriptedProducer withRequiredCallbacksOnly() {
    withoutCallbacks();
    return this;
  }
}
