// SPDX-License-Identifier: GPL-2.0-only
// Port of virt/lib/irqbypass.c (Copyright (C) 2015 Red Hat, Inc.; Copyright (c) 2015 Linaro Ltd.).
package dev.irqlab.rev.v6_17_7;

import static dev.irqlab.kernel.Errno.EINVAL;

import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.kernel.XArray;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code virt/lib/irqbypass.c}: one loaded instance of {@code irqbypass.ko}, with its static
 * xarrays and mutex as fields. The C functions come first, in the file's order; the callers'
 * side of the era's API follows them.
 */
final class IrqBypassManager implements IrqBypass {
  private final Kernel kernel;
  /** {@code THIS_MODULE}. */
  private final Module thisModule;
  /** {@code static DEFINE_XARRAY(producers)}. */
  private final XArray<IrqBypassProducer> producers;
  /** {@code static DEFINE_XARRAY(consumers)}. */
  private final XArray<IrqBypassConsumer> consumers;
  /** {@code static DEFINE_MUTEX(lock)}. */
  private final Mutex lock;

  IrqBypassManager(Kernel kernel) {
    this.kernel = kernel;
    this.thisModule = Module.loadable(kernel, "irqbypass");
    this.producers = new XArray<>(kernel, "producers");
    this.consumers = new XArray<>(kernel, "consumers");
    this.lock = new Mutex(kernel, "lock");
  }

  /**
   * The manager-owned members of {@code struct irq_bypass_producer}: {@code eventfd} and {@code
   * consumer}, zero until registration sets them.
   */
  private static final class ProducerFields {
    EventfdCtx eventfd;
    IrqBypassConsumer consumer;
  }

  /** The manager-owned members of {@code struct irq_bypass_consumer}: {@code eventfd}, {@code producer}. */
  private static final class ConsumerFields {
    EventfdCtx eventfd;
    IrqBypassProducer producer;
  }

  private static ProducerFields fields(IrqBypassProducer producer) {
    return producer.priv(ProducerFields.class, p -> new ProducerFields());
  }

  private static ConsumerFields fields(IrqBypassConsumer consumer) {
    return consumer.priv(ConsumerFields.class, c -> new ConsumerFields());
  }

  /** {@code __connect}: @lock must be held when calling connect. */
  private int connect(IrqBypassProducer prod, IrqBypassConsumer cons) {
    lock.assertHeld();
    int ret = 0;

    if (prod.stop() != null) {
      prod.stop().call(prod);
    }
    if (cons.stop() != null) {
      cons.stop().call(cons);
    }

    if (prod.addConsumer() != null) {
      ret = prod.addConsumer().call(prod, cons);
    }

    if (ret == 0) {
      ret = cons.addProducer().call(cons, prod);
      if (ret != 0 && prod.delConsumer() != null) {
        prod.delConsumer().call(prod, cons);
      }
    }

    if (cons.start() != null) {
      cons.start().call(cons);
    }
    if (prod.start() != null) {
      prod.start().call(prod);
    }

    if (ret == 0) {
      fields(prod).consumer = cons;
      fields(cons).producer = prod;
    }
    return ret;
  }

  /** {@code __disconnect}: @lock must be held when calling disconnect. */
  private void disconnect(IrqBypassProducer prod, IrqBypassConsumer cons) {
    lock.assertHeld();
    if (prod.stop() != null) {
      prod.stop().call(prod);
    }
    if (cons.stop() != null) {
      cons.stop().call(cons);
    }

    cons.delProducer().call(cons, prod);

    if (prod.delConsumer() != null) {
      prod.delConsumer().call(prod, cons);
    }

    if (cons.start() != null) {
      cons.start().call(cons);
    }
    if (prod.start() != null) {
      prod.start().call(prod);
    }

    fields(prod).consumer = null;
    fields(cons).producer = null;
  }

  /**
   * {@code irq_bypass_register_producer}: add the provided IRQ producer to the set of producers
   * and connect with the consumer with a matching eventfd, if one exists.
   */
  int irqBypassRegisterProducer(IrqBypassProducer producer, EventfdCtx eventfd) {
    long index = eventfd == null ? 0 : eventfd.address();
    IrqBypassConsumer consumer;
    int ret;

    if (kernel.warnOnOnce(fields(producer).eventfd != null)) {
      return -EINVAL;
    }

    try (Mutex.Guard guard = lock.guard()) {
      ret = producers.insert(index, producer, Gfp.KERNEL);
      if (ret != 0) {
        return ret;
      }

      consumer = consumers.load(index);
      if (consumer != null) {
        ret = connect(producer, consumer);
        if (ret != 0) {
          kernel.warnOnOnce(producers.erase(index) != producer);
          return ret;
        }
      }

      fields(producer).eventfd = eventfd;
      return 0;
    }
  }

  /**
   * {@code irq_bypass_unregister_producer}: remove a previously registered IRQ producer (note,
   * it's safe to call this even if registration was unsuccessful). Disconnect from the
   * associated consumer, if one exists.
   */
  void irqBypassUnregisterProducer(IrqBypassProducer producer) {
    long index = fields(producer).eventfd == null ? 0 : fields(producer).eventfd.address();

    if (fields(producer).eventfd == null) {
      return;
    }

    try (Mutex.Guard guard = lock.guard()) {
      if (fields(producer).consumer != null) {
        disconnect(producer, fields(producer).consumer);
      }

      kernel.warnOnOnce(producers.erase(index) != producer);
      fields(producer).eventfd = null;
    }
  }

  /**
   * {@code irq_bypass_register_consumer}: add the provided IRQ consumer to the set of consumers
   * and connect with the producer with a matching eventfd, if one exists.
   */
  int irqBypassRegisterConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    long index = eventfd == null ? 0 : eventfd.address();
    IrqBypassProducer producer;
    int ret;

    if (kernel.warnOnOnce(fields(consumer).eventfd != null)) {
      return -EINVAL;
    }

    if (consumer.addProducer() == null || consumer.delProducer() == null) {
      return -EINVAL;
    }

    try (Mutex.Guard guard = lock.guard()) {
      ret = consumers.insert(index, consumer, Gfp.KERNEL);
      if (ret != 0) {
        return ret;
      }

      producer = producers.load(index);
      if (producer != null) {
        ret = connect(producer, consumer);
        if (ret != 0) {
          kernel.warnOnOnce(consumers.erase(index) != consumer);
          return ret;
        }
      }

      fields(consumer).eventfd = eventfd;
      return 0;
    }
  }

  /**
   * {@code irq_bypass_unregister_consumer}: remove a previously registered IRQ consumer (note,
   * it's safe to call this even if registration was unsuccessful). Disconnect from the
   * associated producer, if one exists.
   */
  void irqBypassUnregisterConsumer(IrqBypassConsumer consumer) {
    long index = fields(consumer).eventfd == null ? 0 : fields(consumer).eventfd.address();

    if (fields(consumer).eventfd == null) {
      return;
    }

    try (Mutex.Guard guard = lock.guard()) {
      if (fields(consumer).producer != null) {
        disconnect(fields(consumer).producer, consumer);
      }

      kernel.warnOnOnce(consumers.erase(index) != consumer);
      fields(consumer).eventfd = null;
    }
  }

  // ------------------------------------------------------------------ the callers' side

  /** vfio-pci and vhost-vDPA set {@code irq} themselves and pass the trigger eventfd. */
  @Override
  public int registerProducer(IrqBypassProducer producer, EventfdCtx eventfd, int irq) {
    producer.setIrq(irq);
    return irqBypassRegisterProducer(producer, eventfd);
  }

  @Override
  public void unregisterProducer(IrqBypassProducer producer) {
    irqBypassUnregisterProducer(producer);
  }

  /** KVM's irqfd: {@code irq_bypass_register_consumer(&irqfd->consumer, irqfd->eventfd)}. */
  @Override
  public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    return irqBypassRegisterConsumer(consumer, eventfd);
  }

  @Override
  public void unregisterConsumer(IrqBypassConsumer consumer) {
    irqBypassUnregisterConsumer(consumer);
  }

  @Override
  public Module module() {
    return thisModule;
  }

  /** The xarrays in index order; a producer is connected to the consumer its binding names. */
  @Override
  public Snapshot snapshot() {
    List<Registration<IrqBypassProducer>> prods = new ArrayList<>();
    List<Registration<IrqBypassConsumer>> conss = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    producers.forEach((index, p) -> prods.add(new Registration<>(index, p)));
    consumers.forEach((index, c) -> conss.add(new Registration<>(index, c)));
    for (Registration<IrqBypassProducer> p : prods) {
      IrqBypassConsumer c = fields(p.object()).consumer;
      if (c != null) {
        connections.add(new Connection(p.object(), c));
      }
    }
    return new Snapshot(prods, conss, connections, thisModule.refcount());
  }
}
