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
import java.util.function.ToIntBiFunction;

/**
 * A test-only manager for the drivers' unit tests: one key per side (the eventfd's address),
 * {@code -EBUSY} for a taken key, connect on match (stop, add, start), explicit pairs, and
 * unregister by identity. Like the list-era revisions' side of their API, it writes the token
 * (the eventfd's address) into the struct before registering. It records every entry call, and
 * lets a test look at the world at the moment of each call.
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
    producer.setToken(eventfd.address());
    producer.setIrq(irq);
    return register("register_producer", producers, consumers, producer, eventfd, this::connect);
  }

  @Override
  public void unregisterProducer(IrqBypassProducer producer) {
    unregister("unregister_producer", producers, producer, p -> {
      IrqBypassConsumer c = pairs.remove(p);
      if (c != null) {
        c.delProducer().call(c, p);
      }
    });
  }

  @Override
  public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    consumer.setToken(eventfd.address());
    return register("register_consumer", consumers, producers, consumer, eventfd, (c, p) -> connect(p, c));
  }

  @Override
  public void unregisterConsumer(IrqBypassConsumer consumer) {
    unregister("unregister_consumer", consumers, consumer, c -> pairs.entrySet().removeIf(e -> {
      if (e.getValue() != c) {
        return false;
      }
      c.delProducer().call(c, e.getKey());
      return true;
    }));
  }

  /** Takes the key, connects to the partner holding it, if any; -EBUSY for a taken key or object. */
  private <S, O> int register(
      String call, Map<Long, S> mine, Map<Long, O> theirs, S self, EventfdCtx eventfd, ToIntBiFunction<S, O> connect) {
    onCall.accept(call);
    try (Mutex.Guard g = lock.guard()) {
      long key = eventfd.address();
      int ret = mine.containsKey(key) || keys.containsKey(self) ? -Errno.EBUSY : 0;
      O partner = theirs.get(key);
      if (ret == 0 && partner != null) {
        ret = connect.applyAsInt(self, partner);
      }
      if (ret == 0) {
        mine.put(key, self);
        keys.put(self, key);
      }
      calls.add(call + "(" + self + ") = " + Errno.name(ret));
      return ret;
    }
  }

  /** Disconnects and drops a registered object (unless unregisters are being forgotten). */
  private <S> void unregister(String call, Map<Long, S> mine, S self, Consumer<S> disconnect) {
    onCall.accept(call);
    try (Mutex.Guard g = lock.guard()) {
      Long key = forgetUnregisters ? null : keys.remove(self);
      calls.add(call + "(" + self + ") = " + (key == null ? "not registered" : "done"));
      if (key != null) {
        disconnect.accept(self);
        mine.remove(key);
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
