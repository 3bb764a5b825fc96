package dev.irqlab.testkit;

import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassObject.Add;
import dev.irqlab.spi.IrqBypassObject.Callback;
import dev.irqlab.spi.IrqBypassObject.Del;
import dev.irqlab.spi.IrqBypassProducer;

/**
 * A {@code struct irq_bypass_consumer} with mocked {@code add_producer}, {@code del_producer},
 * {@code stop} and {@code start}. The first two are required of a consumer.
 */
public final class ScriptedConsumer extends Scripted<IrqBypassConsumer, IrqBypassProducer> {
  ScriptedConsumer(IrqBypassConsumer consumer) {
    super(consumer);
  }

  @Override
  void wire(
      Add<IrqBypassConsumer, IrqBypassProducer> add,
      Del<IrqBypassConsumer, IrqBypassProducer> del,
      Callback<IrqBypassConsumer> stop,
      Callback<IrqBypassConsumer> start) {
    obj.setAddProducer(add).setDelProducer(del).setStop(stop).setStart(start);
  }

  /** Only add_producer and del_producer, as KVM's irqfd on a host without stop/start hooks. */
  @Override
  public ScriptedConsumer withRequiredCallbacksOnly() {
    wire(add, del, null, null);
    return this;
  }

  @Override
  public ScriptedConsumer failAdd(int errno) {
    super.failAdd(errno);
    return this;
  }
}
