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
    long key = eventfd == null ? 0 : eventfd.address();
    producer.setIrq(irq);
    try (Mutex.Guard g = lock.guard()) {
      if (producers.containsKey(key)) {
        return -Errno.EBUSY;
      }
      IrqBypassConsumer consumer = consumers.get(key);
      if (consumer != null) {
        int ret = consumer.addProducer().call(consumer, producer);
        if (ret != 0) {
          return ret;
        }
      }
      producer.setToken(key);
      producers.put(key, producer);
      return 0;
    }
  }

  @Override
  public void unregisterProducer(IrqBypassProducer producer) {
    try (Mutex.Guard g = lock.guard()) {
      long key = producer.token();
      if (producers.get(key) != producer) {
        return;
      }
      IrqBypassConsumer consumer = consumers.get(key);
      if (consumer != null) {
        consumer.delProducer().call(consumer, producer);
      }
      producers.remove(key);
    }
  }

  @Override
  public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    long key = eventfd == null ? 0 : eventfd.address();
    try (Mutex.Guard g = lock.guard()) {
      if (consumers.containsKey(key)) {
        return -Errno.EBUSY;
      }
      IrqBypassProducer producer = producers.get(key);
      if (producer != null) {
        int ret = consumer.addProducer().call(consumer, producer);
        if (ret != 0) {
          return ret;
        }
      }
      consumer.setToken(key);
      consumers.put(key, consumer);
      return 0;
    }
  }

  @Override
  public void unregisterConsumer(IrqBypassConsumer consumer) {
    try (Mutex.Guard g = lock.guard()) {
      long key = consumer.token();
      if (consumers.get(key) != consumer) {
        return;
      }
      IrqBypassProducer producer = producers.get(key);
      if (producer != null) {
        consumer.delProducer().call(consumer, producer);
      }
      consumers.remove(key);
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
  private static <T extends IrqBypassObject<T>> List<Registration<T>> registrations(Map<Long, T> map) {
    List<Registration<T>> out = new ArrayList<>();
    map.values().forEach(o -> out.add(new Registration<>(o.token(), o)));
    return out;
  }
}
