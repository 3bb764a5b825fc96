package dev.irqlab.testkit;

import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;

/**
 * A {@code struct irq_bypass_consumer} with mocked {@code add_producer}, {@code del_producer},
 * {@code stop} and {@code start}. The first two are required of a consumer.
 */
public final class ScriptedConsumer extends Scripted<IrqBypassConsumer, IrqBypassProducer> {
  ScriptedConsumer(IrqBypassConsumer c) {
    super(c, (add, del, stop, start) -> c.setAddProducer(add).setDelProducer(del).setStop(stop).setStart(start));
  }

  /** Only add_producer and del_producer, as KVM's irqfd on a host without stop/start hooks. */
  @Override
  public ScriptedConsumer withRequiredCallbacksOnly() {
    wire(add, del, null, null);
    return this;
  }
}
