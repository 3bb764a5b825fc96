package dev.irqlab.rev.cases;

import dev.irqlab.spi.IrqBypassProducer;

/** Class literals key a revision's private fields; that is not reflection. */
final class NoReflectionNegativeCases {
  private static final class ProducerFields {
    long token;
  }

  private ProducerFields fields(IrqBypassProducer producer) {
    return producer.priv(ProducerFields.class, p -> new ProducerFields());
  }

  String name(Class<?> type) {
    return type.getSimpleName() + getClass().getSimpleName();
  }
}
