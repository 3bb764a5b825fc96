// SPDX-License-Identifier: GPL-2.0-only
// Port of virt/lib/irqbypass.c (Copyright (C) 2015 Red Hat, Inc.; Copyright (c) 2015 Linaro Ltd.).
package dev.irqlab.rev.producer_fix_2023;

import static dev.irqlab.kernel.Errno.EBUSY;
import static dev.irqlab.kernel.Errno.EINVAL;
import static dev.irqlab.kernel.Errno.ENODEV;
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

  /** {@code producer->node}: the manager-private member of {@code struct irq_bypass_producer}. */
  private static final class ProducerFields {
    final ListHead<IrqBypassProducer> node;

    ProducerFields(Kernel kernel, IrqBypassProducer producer) {
      this.node = ListHead.node(kernel, producer);
    }
  }

  /** {@code consumer->node}: the manager-private member of {@code struct irq_bypass_consumer}. */
  private static final class ConsumerFields {
    final ListHead<IrqBypassConsumer> node;

    ConsumerFields(Kernel kernel, IrqBypassConsumer consumer) {
      this.node = ListHead.node(kernel, consumer);
    }
  }

  private ListHead<IrqBypassProducer> node(IrqBypassProducer producer) {
    return producer.priv(ProducerFields.class, p -> new ProducerFields(kernel, p)).node;
  }

  private ListHead<IrqBypassConsumer> node(IrqBypassConsumer consumer) {
    return consumer.priv(ConsumerFields.class, c -> new ConsumerFields(kernel, c)).node;
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
  }

  /**
   * {@code irq_bypass_register_producer}: add the provided IRQ producer to the list of producers
   * and connect with any matching token found on the IRQ consumers list.
   */
  int irqBypassRegisterProducer(IrqBypassProducer producer) {
    int ret;

    if (producer.token() == 0) {
      return -EINVAL;
    }

    kernel.mightSleep();

    if (!thisModule.tryGet()) {
      return -ENODEV;
    }

    lock.lock();

    outErr: {
      for (IrqBypassProducer tmp : producers.entries()) {
        if (tmp.token() == producer.token() || tmp == producer) {
          ret = -EBUSY;
          break outErr;
        }
      }

      for (IrqBypassConsumer consumer : consumers.entries()) {
        if (consumer.token() == producer.token()) {
          ret = connect(producer, consumer);
          if (ret != 0) {
            break outErr;
          }
          break;
        }
      }

      listAdd(node(producer), producers);

      lock.unlock();

      return 0;
    }
    lock.unlock();
    thisModule.put();
    return ret;
  }

  /**
   * {@code irq_bypass_unregister_producer}: remove a previously registered IRQ producer from the
   * list of producers and disconnect it from any connected IRQ consumer.
   */
  void irqBypassUnregisterProducer(IrqBypassProducer producer) {
    if (producer.token() == 0) {
      return;
    }

    kernel.mightSleep();

    if (!thisModule.tryGet()) {
      return; /* nothing in the list anyway */
    }

    lock.lock();

    for (IrqBypassProducer tmp : producers.entries()) {
      if (tmp != producer) {
        continue;
      }

      for (IrqBypassConsumer consumer : consumers.entries()) {
        if (consumer.token() == producer.token()) {
          disconnect(producer, consumer);
          break;
        }
      }

      listDel(node(producer));
      thisModule.put();
      break;
    }

    lock.unlock();

    thisModule.put();
  }

  /**
   * {@code irq_bypass_register_consumer}: add the provided IRQ consumer to the list of consumers
   * and connect with any matching token found on the IRQ producer list.
   */
  int irqBypassRegisterConsumer(IrqBypassConsumer consumer) {
    int ret;

    if (consumer.token() == 0 || consumer.addProducer() == null || consumer.delProducer() == null) {
      return -EINVAL;
    }

    kernel.mightSleep();

    if (!thisModule.tryGet()) {
      return -ENODEV;
    }

    lock.lock();

    outErr: {
      for (IrqBypassConsumer tmp : consumers.entries()) {
        if (tmp.token() == consumer.token() || tmp == consumer) {
          ret = -EBUSY;
          break outErr;
        }
      }

      for (IrqBypassProducer producer : producers.entries()) {
        if (producer.token() == consumer.token()) {
          ret = connect(producer, consumer);
          if (ret != 0) {
            break outErr;
          }
          break;
        }
      }

      listAdd(node(consumer), consumers);

      lock.unlock();

      return 0;
    }
    lock.unlock();
    thisModule.put();
    return ret;
  }

  /**
   * {@code irq_bypass_unregister_consumer}: remove a previously registered IRQ consumer from the
   * list of consumers and disconnect it from any connected IRQ producer.
   */
  void irqBypassUnregisterConsumer(IrqBypassConsumer consumer) {
    if (consumer.token() == 0) {
      return;
    }

    kernel.mightSleep();

    if (!thisModule.tryGet()) {
      return; /* nothing in the list anyway */
    }

    lock.lock();

    for (IrqBypassConsumer tmp : consumers.entries()) {
      if (tmp != consumer) {
        continue;
      }

      for (IrqBypassProducer producer : producers.entries()) {
        if (producer.token() == consumer.token()) {
          disconnect(producer, consumer);
          break;
        }
      }

      listDel(node(consumer));
      thisModule.put();
      break;
    }

    lock.unlock();

    thisModule.put();
  }

  // ------------------------------------------------------------------ the callers' side

  /** vfio-pci and vhost-vDPA: set {@code token} and {@code irq}, then register. */
  @Override
  public int registerProducer(IrqBypassProducer producer, EventfdCtx eventfd, int irq) {
    producer.setToken(eventfd == null ? 0 : eventfd.address());
    producer.setIrq(irq);
    return irqBypassRegisterProducer(producer);
  }

  @Override
  public void unregisterProducer(IrqBypassProducer producer) {
    irqBypassUnregisterProducer(producer);
  }

  /** KVM's irqfd: {@code irqfd->consumer.token = (void *)irqfd->eventfd}, then register. */
  @Override
  public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    consumer.setToken(eventfd == null ? 0 : eventfd.address());
    return irqBypassRegisterConsumer(consumer);
  }

  @Override
  public void unregisterConsumer(IrqBypassConsumer consumer) {
    irqBypassUnregisterConsumer(consumer);
  }

  @Override
  public Module module() {
    return thisModule;
  }

  /** The lists in their order; a producer is connected to the first consumer with its token. */
  @Override
  public Snapshot snapshot() {
    List<Registration<IrqBypassProducer>> prods = new ArrayList<>();
    List<Registration<IrqBypassConsumer>> conss = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    producers.peekEntries().forEach(p -> prods.add(new Registration<>(p.token(), p)));
    consumers.peekEntries().forEach(c -> conss.add(new Registration<>(c.token(), c)));
    for (Registration<IrqBypassProducer> p : prods) {
      conss.stream()
          .filter(c -> c.key() == p.key())
          .findFirst()
          .ifPresent(c -> connections.add(new Connection(p.object(), c.object())));
    }
    return new Snapshot(prods, conss, connections, thisModule.refcount());
  }
}
