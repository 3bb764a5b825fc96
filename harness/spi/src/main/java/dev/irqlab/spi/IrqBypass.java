package dev.irqlab.spi;

import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Module;
import java.util.List;

/**
 * The IRQ bypass manager's exported API, in one normalised form for every revision: one loaded
 * instance of {@code irqbypass.ko} (or of the built-in prototype) on one emulated kernel.
 *
 * <p>Theory of operation (include/linux/irqbypass.h): producers and consumers register
 * independently. When a producer and a consumer with the same key are both registered, the
 * manager calls the optional {@code stop} callback of each, connects them with the {@code
 * add_*} callbacks, then calls the optional {@code start} callbacks. When either side
 * unregisters, the same happens with {@code del_*}. Keys must be unique per producer and per
 * consumer; 1:N pairings are not supported.
 *
 * <p>Each revision adapts this normalised form to its own era's calling convention inside its
 * module, as the caller-side hunks of each real series did: before 2025 the caller sets {@code
 * token} and {@code irq} and calls the one-argument register; Sean Christopherson's v1 takes
 * the eventfd; v6.17 also takes the IRQ and sets it itself. The key is the eventfd's address.
 *
 * <p>Entry points may sleep; they are serialised by the manager's own mutex. None of them may
 * return with a lock held (see {@link CheckedIrqBypass}).
 */
public interface IrqBypass {

  /**
   * {@code irq_bypass_register_producer}: adds {@code producer} to the set of producers under
   * the key {@code eventfd} and connects it to the consumer with the same key, if one is
   * registered.
   *
   * @param producer a zeroed or previously unregistered producer, with its callbacks set
   * @param eventfd the match key (may be null: what happens then is the revision's behaviour)
   * @param irq the Linux IRQ number of the source
   * @return 0, or a negative errno: {@code -EBUSY} for a key already taken, {@code -EINVAL}
   *     for a bad argument, {@code -ENODEV} when the module is going, {@code -ENOMEM} when the
   *     registry cannot grow, or the error of a failed connect
   */
  int registerProducer(IrqBypassProducer producer, EventfdCtx eventfd, int irq);

  /**
   * {@code irq_bypass_unregister_producer}: disconnects {@code producer} from its consumer, if
   * connected, and removes it from the set of producers.
   */
  void unregisterProducer(IrqBypassProducer producer);

  /**
   * {@code irq_bypass_register_consumer}: adds {@code consumer} to the set of consumers under
   * the key {@code eventfd} and connects it to the producer with the same key, if one is
   * registered.
   *
   * @param consumer a zeroed or previously unregistered consumer, with {@code add_producer}
   *     and {@code del_producer} set
   * @param eventfd the match key (may be null: what happens then is the revision's behaviour)
   * @return 0, or a negative errno as for {@link #registerProducer}
   */
  int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd);

  /**
   * {@code irq_bypass_unregister_consumer}: disconnects {@code consumer} from its producer, if
   * connected, and removes it from the set of consumers.
   */
  void unregisterConsumer(IrqBypassConsumer consumer);

  /** {@code THIS_MODULE}: its state and reference count. */
  Module module();

  /**
   * {@code rmmod irqbypass}: unloads the module, running its exit function.
   *
   * @return 0, {@code -EWOULDBLOCK} while it is referenced, {@code -ENOENT} for built-in code
   */
  default int unload() {
    return module().unload();
  }

  /**
   * What the manager holds now, read from its own data structures: the registered producers
   * and consumers with the key each is held under, in the registry's order, and the pairs it
   * would disconnect on unregister.
   *
   * <p>Taken without the manager's lock: call it when no entry point is running, with KASAN
   * disabled ({@link CheckedIrqBypass#snapshot} does both).
   */
  Snapshot snapshot();

  /**
   * One entry of the registry.
   *
   * @param key the token or xarray index the object is held under (its eventfd's address)
   * @param object the registered struct
   */
  record Registration<T>(long key, T object) {}

  /** A producer and a consumer the manager holds as connected. */
  record Connection(IrqBypassProducer producer, IrqBypassConsumer consumer) {}

  /**
   * The manager's state at one moment.
   *
   * @param producers registered producers, in the registry's order
   * @param consumers registered consumers, in the registry's order
   * @param connections the pairs the manager holds as connected
   * @param moduleRefcount {@code module_refcount(THIS_MODULE)}
   */
  record Snapshot(
      List<Registration<IrqBypassProducer>> producers,
      List<Registration<IrqBypassConsumer>> consumers,
      List<Connection> connections,
      int moduleRefcount) {
    public Snapshot {
      producers = List.copyOf(producers);
      consumers = List.copyOf(consumers);
      connections = List.copyOf(connections);
    }
  }
}
