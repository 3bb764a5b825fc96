// SPDX-License-Identifier: GPL-2.0-only
// Port of kernel/irq/bypass.c, Alex Williamson's prototype of June 2015 (Red Hat, Inc.).
package dev.irqlab.rev.rfc2015;

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
 * {@code kernel/irq/bypass.c}: the built-in manager, with its static lists and mutex as fields.
 * The C functions come first, in the file's order; the callers' side of the era's API follows
 * them.
 *
 * <p>The prototype's consumer callbacks are {@code void (*add_producer)(struct
 * irq_bypass_producer *)} and {@code void (*del_producer)(struct irq_bypass_producer *)}: they
 * return nothing and take only the producer. The SPI struct has the later signatures, with the
 * consumer first and an {@code int} result for {@code add_producer}, so the port passes the
 * consumer as well and ignores the result: a connect cannot fail. The prototype has no {@code
 * stop}, {@code start} or producer callbacks, so the port never calls them.
 *
 * <p>The callers' side is that of the later list versions: in the prototype the VFIO and KVM
 * call sites were still comments, and its producer struct had no {@code irq}.
 */
final class IrqBypassManager implements IrqBypass {
  private final Kernel kernel;
  /** {@code THIS_MODULE}: NULL, as {@code config IRQ_BYPASS_MANAGER} is a {@code bool}. */
  private final Module thisModule;
  /** {@code static LIST_HEAD(producers)}. */
  private final ListHead<IrqBypassProducer> producers;
  /** {@code static LIST_HEAD(consumers)}. */
  private final ListHead<IrqBypassConsumer> consumers;
  /** {@code static DEFINE_MUTEX(lock)}. */
  private final Mutex lock;

  IrqBypassManager(Kernel kernel) {
    this.kernel = kernel;
    this.thisModule = Module.builtin(kernel, "irqbypass");
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

  /**
   * {@code irq_bypass_register_producer}: refuse a token already on the producers list, add the
   * producer to it, then hand it to the first consumer with the same token.
   */
  int irqBypassRegisterProducer(IrqBypassProducer producer) {
    int ret = 0;

    lock.lock();

    unlock: {
      for (IrqBypassProducer tmp : producers.entries()) {
        if (tmp.token() == producer.token()) {
          ret = -EINVAL;
          break unlock;
        }
      }

      listAdd(node(producer), producers);

      for (IrqBypassConsumer consumer : consumers.entries()) {
        if (consumer.token() == producer.token()) {
          consumer.addProducer().call(consumer, producer); // void in 2015: the result is dropped
          break;
        }
      }
    }
    lock.unlock();
    return ret;
  }

  /**
   * {@code irq_bypass_unregister_producer}: take the producer from the first consumer with its
   * token, then delete it from the producers list, registered or not.
   */
  void irqBypassUnregisterProducer(IrqBypassProducer producer) {
    lock.lock();

    for (IrqBypassConsumer consumer : consumers.entries()) {
      if (consumer.token() == producer.token()) {
        consumer.delProducer().call(consumer, producer);
        break;
      }
    }

    listDel(node(producer));

    lock.unlock();
  }

  /**
   * {@code irq_bypass_register_consumer}: refuse a token already on the consumers list, add the
   * consumer to it, then give it the first producer with the same token.
   */
  int irqBypassRegisterConsumer(IrqBypassConsumer consumer) {
    int ret = 0;

    lock.lock();

    unlock: {
      for (IrqBypassConsumer tmp : consumers.entries()) {
        if (tmp.token() == consumer.token()) {
          ret = -EINVAL;
          break unlock;
        }
      }

      listAdd(node(consumer), consumers);

      for (IrqBypassProducer producer : producers.entries()) {
        if (producer.token() == consumer.token()) {
          consumer.addProducer().call(consumer, producer); // void in 2015: the result is dropped
          break;
        }
      }
    }
    lock.unlock();
    return ret;
  }

  /**
   * {@code irq_bypass_unregister_consumer}: take the first producer with its token from the
   * consumer, then delete the consumer from the consumers list, registered or not.
   */
  void irqBypassUnregisterConsumer(IrqBypassConsumer consumer) {
    lock.lock();

    for (IrqBypassProducer producer : producers.entries()) {
      if (producer.token() == consumer.token()) {
        consumer.delProducer().call(consumer, producer);
        break;
      }
    }

    listDel(node(consumer));

    lock.unlock();
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
