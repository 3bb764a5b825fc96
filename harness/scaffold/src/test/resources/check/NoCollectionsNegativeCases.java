package dev.irqlab.rev.cases;

import dev.irqlab.kernel.ListHead;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The kernel's structures, the allowed java.util helpers, and List and ArrayList used only in
 * the SPI's snapshot(), as every revision does.
 */
abstract class NoCollectionsNegativeCases implements IrqBypass {
  private ListHead<IrqBypassProducer> producers;
  private ListHead<IrqBypassConsumer> consumers;
  private final Function<String, String> upper = s -> s.toUpperCase(Locale.ROOT);

  String describe(IrqBypassProducer producer) {
    Objects.requireNonNull(producer);
    return String.format(Locale.ROOT, "%x", producer.token());
  }

  /** A type of its own named Map is not java.util.Map. */
  static final class Map {}

  Map map() {
    return new Map();
  }

  @Override
  public Snapshot snapshot() {
    List<Registration<IrqBypassProducer>> prods = new ArrayList<>();
    List<Registration<IrqBypassConsumer>> conss = new ArrayList<>();
    List<Connection> connections = new java.util.ArrayList<>();
    producers.peekEntries().forEach(p -> prods.add(new Registration<>(p.token(), p)));
    consumers.peekEntries().forEach(c -> conss.add(new Registration<>(c.token(), c)));
    for (Registration<IrqBypassProducer> p : prods) {
      conss.stream()
          .filter(c -> c.key() == p.key())
          .findFirst()
          .ifPresent(c -> connections.add(new Connection(p.object(), c.object())));
    }
    return new Snapshot(prods, conss, connections, 0);
  }
}
