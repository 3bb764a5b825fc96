// SPDX-License-Identifier: GPL-2.0-only
// Port of virt/lib/irqbypass.c (Copyright (C) 2015 Red Hat, Inc.; Copyright (c) 2015 Linaro Ltd.).
package dev.irqlab.rev.v6_17_5;

import static dev.irqlab.kernel.Errno.EBUSY;
import static dev.irqlab.kernel.Errno.EINVAL;
import static dev.irqlab.kernel.ListHead.listAdd;
import static dev.irqlab.kernel.ListHead.listDel;

import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.ListHead;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code virt/lib/irqbypass.c}: one loaded instance of {@code irqbypass.ko}, with its static
 * lists and mutex as fields. The C functions come first, in the file's order; the callers'
 * side of the era's API follows them.
 */
final class IrqBypassManager implements IrqBypass {
  private final Kernel kernel;
  /** {@code THIS_MODULE}. */
  private final Module thisModule;
  /** {@code static LIST_HEAD(producers)}. */
  private final ListHead<IrqBypassProducer> producers;
  /** {@code static LIST_HEAD(consumers)}. */
  private final ListHead<IrqBypassConsumer> consumers;
  /** {@code static DEFINE_MUTEX(lock)}. */
  private final Mutex lock;

  IrqBypassManager(Kernel kernel) {
    this.kernel = kernel;
    this.thisModule = Module.loadable(kernel, "irqbypass");
    this.producers = ListHead.head(kernel, "producers");
    this.consumers = ListHead.head(kernel, "consumers");
    this.lock = new Mutex(kernel, "lock");
  }

  /**
   * The manager-owned members of {@code struct irq_bypass_producer}: {@code node}, {@code
   * eventfd}, NULL until a registration succeeds, and {@code consumer}, the connected consumer
   * (NULL if no connection).
   */
  private static final class ProducerFields {
    final ListHead<IrqBypassProducer> node;
    EventfdCtx eventfd;
    IrqBypassConsumer consumer;

    ProducerFields(Kernel kernel, IrqBypassProducer producer) {
      this.node = ListHead.node(kernel, producer);
    }
  }

  /**
   * The manager-owned members of {@code struct irq_bypass_consumer}: {@code node}, {@code
   * eventfd} and {@code producer}, the connected producer (NULL if no connection).
   */
  private static final class ConsumerFields {
    final ListHead<IrqBypassConsumer> node;
    EventfdCtx eventfd;
    IrqBypassProducer producer;

    ConsumerFields(Kernel kernel, IrqBypassConsumer consumer) {
      this.node = ListHead.node(kernel, consumer);
    }
  }

  private ProducerFields fields(IrqBypassProducer producer) {
    return producer.priv(ProducerFields.class, p -> new ProducerFields(kernel, p));
  }

  private ConsumerFields fields(IrqBypassConsumer consumer) {
    return consumer.priv(ConsumerFields.class, c -> new ConsumerFields(kernel, c));
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
   * {@code irq_bypass_register_producer}: add the provided IRQ producer to the list of producers
   * and connect with any matching eventfd found on the IRQ consumers list.
   */
  int irqBypassRegisterProducer(IrqBypassProducer producer, EventfdCtx eventfd) {
    int ret;

    if (kernel.warnOnOnce(fields(producer).eventfd != null)) {
      return -EINVAL;
    }

    lock.lock();

    outErr: {
      for (IrqBypassProducer tmp : producers.entries()) {
        if (fields(tmp).eventfd == eventfd) {
          ret = -EBUSY;
          break outErr;
        }
      }

      for (IrqBypassConsumer consumer : consumers.entries()) {
        if (fields(consumer).eventfd == eventfd) {
          ret = connect(producer, consumer);
          if (ret != 0) {
            break outErr;
          }
          break;
        }
      }

      fields(producer).eventfd = eventfd;
      listAdd(fields(producer).node, producers);

      lock.unlock();

      return 0;
    }
    lock.unlock();
    return ret;
  }

  /**
   * {@code irq_bypass_unregister_producer}: remove a previously registered IRQ producer from the
   * list of producers and disconnect it from any connected IRQ consumer.
   */
  void irqBypassUnregisterProducer(IrqBypassProducer producer) {
    if (fields(producer).eventfd == null) {
      return;
    }

    lock.lock();

    if (fields(producer).consumer != null) {
      disconnect(producer, fields(producer).consumer);
    }

    fields(producer).eventfd = null;
    listDel(fields(producer).node);
    lock.unlock();
  }

  /**
   * {@code irq_bypass_register_consumer}: add the provided IRQ consumer to the list of consumers
   * and connect with any matching eventfd found on the IRQ producer list.
   */
  int irqBypassRegisterConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    int ret;

    if (kernel.warnOnOnce(fields(consumer).eventfd != null)) {
      return -EINVAL;
    }

    if (consumer.addProducer() == null || consumer.delProducer() == null) {
      return -EINVAL;
    }

    lock.lock();

    outErr: {
      for (IrqBypassConsumer tmp : consumers.entries()) {
        if (fields(tmp).eventfd == eventfd) {
          ret = -EBUSY;
          break outErr;
        }
      }

      for (IrqBypassProducer producer : producers.entries()) {
        if (fields(producer).eventfd == eventfd) {
          ret = connect(producer, consumer);
          if (ret != 0) {
            break outErr;
          }
          break;
        }
      }

      fields(consumer).eventfd = eventfd;
      listAdd(fields(consumer).node, consumers);

      lock.unlock();

      return 0;
    }
    lock.unlock();
    return ret;
  }

  /**
   * {@code irq_bypass_unregister_consumer}: remove a previously registered IRQ consumer from the
   * list of consumers and disconnect it from any connected IRQ producer.
   */
  void irqBypassUnregisterConsumer(IrqBypassConsumer consumer) {
    if (fields(consumer).eventfd == null) {
      return;
    }

    lock.lock();

    if (fields(consumer).producer != null) {
      disconnect(fields(consumer).producer, consumer);
    }

    fields(consumer).eventfd = null;
    listDel(fields(consumer).node);
    lock.unlock();
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

  /** The lists in their order, keyed by eventfd; a producer is connected to the consumer its binding names. */
  @Override
  public Snapshot snapshot() {
    List<Registration<IrqBypassProducer>> prods = new ArrayList<>();
    List<Registration<IrqBypassConsumer>> conss = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    producers.peekEntries().forEach(p -> prods.add(new Registration<>(key(fields(p).eventfd), p)));
    consumers.peekEntries().forEach(c -> conss.add(new Registration<>(key(fields(c).eventfd), c)));
    for (Registration<IrqBypassProducer> p : prods) {
      IrqBypassConsumer c = fields(p.object()).consumer;
      if (c != null) {
        connections.add(new Connection(p.object(), c));
      }
    }
    return new Snapshot(prods, conss, connections, thisModule.refcount());
  }

  /** {@code (unsigned long)eventfd}. */
  private static long key(EventfdCtx eventfd) {
    return eventfd == null ? 0 : eventfd.address();
  }
}
