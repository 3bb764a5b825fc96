package dev.irqlab.devices;

import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A test-only manager for the drivers' unit tests: one key per side (the eventfd's address),
 * {@code -EBUSY} for a taken key, connect on match (stop, add, start), explicit pairs, and
 * unregister by identity. It records every entry call, and lets a test look at the world at the
 * moment of each call.
 */
public final class TestManager implements IrqBypass {
  private final Mutex lock;
  private final Module module;
  private final TreeMap<Long, IrqBypassProducer> producers = new TreeMap<>(Long::compareUnsigned);
  private final TreeMap<Long, IrqBypassConsumer> consumers = new TreeMap<>(Long::compareUnsigned);
  private final Map<Object, Long> keys = new IdentityHashMap<>();
  private final Map<IrqBypassProducer, IrqBypassConsumer> pairs = new IdentityHashMap<>();
  private final List<String> calls = new ArrayList<>();
  private Consumer<String> onCall = c -> {};
  private boolean forgetUnregisters;

  TestManager(Kernel kernel) {
    this.lock = new Mutex(kernel, "test_manager_lock");
    this.module = Module.loadable(kernel, "irqbypass");
  }

  /** Runs {@code hook} with the name of each entry call, as it starts. */
  public void onCall(Consumer<String> hook) {
    this.onCall = hook;
  }

  /**
   * From now on, unregister calls are recorded and ignored: the manager keeps its pointers, as a
   * buggy revision would, so what the drivers free behind it is a use-after-free.
   */
  public void forgetUnregisters() {
    this.forgetUnregisters = true;
  }

  /** Every entry call so far: {@code register_producer(vfio0.msi-x0) = 0}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public int registerProducer(IrqBypassProducer producer, EventfdCtx eventfd, int irq) {
    onCall.accept("register_producer");
    producer.setIrq(irq);
    try (Mutex.Guard g = lock.guard()) {
      long key = eventfd.address();
      int ret = producers.containsKey(key) || keys.containsKey(producer) ? -Errno.EBUSY : 0;
      IrqBypassConsumer c = consumers.get(key);
      if (ret == 0 && c != null) {
        ret = connect(producer, c);
      }
      if (ret == 0) {
        producers.put(key, producer);
        keys.put(producer, key);
      }
      return record("register_producer", producer, ret);
    }
  }

  @Override
  public void unregisterProducer(IrqBypassProducer producer) {
    onCall.accept("unregister_producer");
    try (Mutex.Guard g = lock.guard()) {
      Long key = forgetUnregisters ? null : keys.remove(producer);
      record("unregister_producer", producer, key == null ? 1 : 0);
      if (key != null) {
        IrqBypassConsumer c = pairs.remove(producer);
        if (c != null) {
          c.delProducer().call(c, producer);
        }
        producers.remove(key);
      }
    }
  }

  @Override
  public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    onCall.accept("register_consumer");
    try (Mutex.Guard g = lock.guard()) {
      long key = eventfd.address();
      int ret = consumers.containsKey(key) || keys.containsKey(consumer) ? -Errno.EBUSY : 0;
      IrqBypassProducer p = producers.get(key);
      if (ret == 0 && p != null) {
        ret = connect(p, consumer);
      }
      if (ret == 0) {
        consumers.put(key, consumer);
        keys.put(consumer, key);
      }
      return record("register_consumer", consumer, ret);
    }
  }

  @Override
  public void unregisterConsumer(IrqBypassConsumer consumer) {
    onCall.accept("unregister_consumer");
    try (Mutex.Guard g = lock.guard()) {
      Long key = forgetUnregisters ? null : keys.remove(consumer);
      record("unregister_consumer", consumer, key == null ? 1 : 0);
      if (key != null) {
        pairs.entrySet().removeIf(e -> {
          if (e.getValue() == consumer) {
            consumer.delProducer().call(consumer, e.getKey());
            return true;
          }
          return false;
        });
        consumers.remove(key);
      }
    }
  }

  private int connect(IrqBypassProducer p, IrqBypassConsumer c) {
    int ret = c.addProducer().call(c, p);
    if (ret == 0) {
      pairs.put(p, c);
    }
    return ret;
  }

  /** Records a call; {@code ret} 1 on an unregister means "was not registered". */
  private int record(String call, Object object, int ret) {
    calls.add(call + "(" + object + ") = " + (call.startsWith("un") ? (ret == 0 ? "done" : "not registered") : Errno.name(ret)));
    return call.startsWith("un") ? 0 : ret;
  }

  @Override
  public Module module() {
    return module;
  }

  @Override
  public Snapshot snapshot() {
    List<Registration<IrqBypassProducer>> p = new ArrayList<>();
    List<Registration<IrqBypassConsumer>> c = new ArrayList<>();
    producers.forEach((k, v) -> p.add(new Registration<>(k, v)));
    consumers.forEach((k, v) -> c.add(new Registration<>(k, v)));
    List<Connection> conns = new ArrayList<>();
    pairs.forEach((k, v) -> conns.add(new Connection(k, v)));
    return new Snapshot(p, c, conns, module.refcount());
  }
}
