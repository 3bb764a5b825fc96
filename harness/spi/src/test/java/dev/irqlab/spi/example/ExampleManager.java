package dev.irqlab.spi.example;

import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassObject;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ToIntBiFunction;

/** The example's manager: keyed maps under one mutex, connect on match, no refcount. */
final class ExampleManager implements IrqBypass {
  private final Mutex lock;
  private final Module module;
  private final Map<Long, IrqBypassProducer> producers = new LinkedHashMap<>();
  private final Map<Long, IrqBypassConsumer> consumers = new LinkedHashMap<>();

  ExampleManager(Kernel kernel) {
    this.lock = new Mutex(kernel, "lock");
    this.module = Module.loadable(kernel, "irqbypass");
  }

  @Override
  public int registerProducer(IrqBypassProducer producer, EventfdCtx eventfd, int irq) {
    producer.setIrq(irq);
    return register(producers, consumers, producer, eventfd, (c, p) -> c.addProducer().call(c, producer));
  }

  @Override
  public void unregisterProducer(IrqBypassProducer producer) {
    unregister(producers, consumers, producer, (c, p) -> c.delProducer().call(c, producer));
  }

  @Override
  public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    return register(consumers, producers, consumer, eventfd, (p, c) -> consumer.addProducer().call(consumer, p));
  }

  @Override
  public void unregisterConsumer(IrqBypassConsumer consumer) {
    unregister(consumers, producers, consumer, (p, c) -> consumer.delProducer().call(consumer, p));
  }

  /** Registers {@code self} under the eventfd's address, connecting to a partner with that key. */
  private <S extends IrqBypassObject<S, O>, O extends IrqBypassObject<O, S>> int register(
      Map<Long, S> mine, Map<Long, O> theirs, S self, EventfdCtx eventfd, ToIntBiFunction<O, S> connect) {
    long key = eventfd == null ? 0 : eventfd.address();
    try (Mutex.Guard g = lock.guard()) {
      if (mine.containsKey(key)) {
        return -Errno.EBUSY;
      }
      O partner = theirs.get(key);
      int ret = partner == null ? 0 : connect.applyAsInt(partner, self);
      if (ret != 0) {
        return ret;
      }
      self.setToken(key);
      mine.put(key, self);
      return 0;
    }
  }

  /** Unregisters {@code self}, disconnecting its partner first. */
  private <S extends IrqBypassObject<S, O>, O extends IrqBypassObject<O, S>> void unregister(
      Map<Long, S> mine, Map<Long, O> theirs, S self, BiConsumer<O, S> disconnect) {
    try (Mutex.Guard g = lock.guard()) {
      long key = self.token();
      if (mine.get(key) != self) {
        return;
      }
      O partner = theirs.get(key);
      if (partner != null) {
        disconnect.accept(partner, self);
      }
      mine.remove(key);
    }
  }

  @Override
  public Module module() {
    return module;
  }

  @Override
  public Snapshot snapshot() {
    List<Connection> connections = new ArrayList<>();
    producers.forEach((key, p) -> {
      IrqBypassConsumer c = consumers.get(key);
      if (c != null) {
        connections.add(new Connection(p, c));
      }
    });
    return new Snapshot(registrations(producers), registrations(consumers), connections, module.refcount());
  }

  /** The registry as the structs say: the key each holds is its token. */
  private static <T extends IrqBypassObject<T, ?>> List<Registration<T>> registrations(Map<Long, T> map) {
    List<Registration<T>> out = new ArrayList<>();
    map.values().forEach(o -> out.add(new Registration<>(o.token(), o)));
    return out;
  }
}
