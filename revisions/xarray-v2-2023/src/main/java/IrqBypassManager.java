// SPDX-License-Identifier: GPL-2.0-only
// Port of virt/lib/irqbypass.c (Copyright (C) 2015 Red Hat, Inc.; Copyright (c) 2015 Linaro Ltd.).
package dev.irqlab.rev.xarray_v2_2023;

import static dev.irqlab.kernel.Errno.EBUSY;
import static dev.irqlab.kernel.Errno.EINVAL;
import static dev.irqlab.kernel.Errno.ENODEV;
import static dev.irqlab.kernel.XArray.xaErr;

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
    thisModule.setExit(this::irqbypassExit); // module_exit(irqbypass_exit)
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
   * {@code irq_bypass_register_producer}: add the provided IRQ producer to the xarray of
   * producers and connect with any matching token found on the IRQ consumers xarray.
   */
  int irqBypassRegisterProducer(IrqBypassProducer producer) {
    long token = producer.token();
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
      IrqBypassProducer tmp = producers.load(token);
      if (tmp != null || tmp == producer) {
        ret = -EBUSY;
        break outErr;
      }

      ret = xaErr(producers.store(token, producer, Gfp.KERNEL));
      if (ret != 0) {
        break outErr;
      }

      IrqBypassConsumer consumer = consumers.load(token);
      if (consumer != null) {
        ret = connect(producer, consumer);
        if (ret != 0) {
          break outErr;
        }
      }

      lock.unlock();

      return 0;
    }
    lock.unlock();
    thisModule.put();
    return ret;
  }

  /**
   * {@code irq_bypass_unregister_producer}: remove a previously registered IRQ producer from the
   * xarray of producers and disconnect it from any connected IRQ consumer.
   */
  void irqBypassUnregisterProducer(IrqBypassProducer producer) {
    long token = producer.token();

    if (producer.token() == 0) {
      return;
    }

    kernel.mightSleep();

    if (!thisModule.tryGet()) {
      return; /* nothing in the xarray anyway */
    }

    lock.lock();

    IrqBypassProducer tmp = producers.load(token);
    if (tmp == producer) {
      IrqBypassConsumer consumer = consumers.load(token);
      if (consumer != null) {
        disconnect(producer, consumer);
      }

      producers.erase(token);
      thisModule.put();
    }

    lock.unlock();

    thisModule.put();
  }

  /**
   * {@code irq_bypass_register_consumer}: add the provided IRQ consumer to the xarray of
   * consumers and connect with any matching token found on the IRQ producer xarray.
   */
  int irqBypassRegisterConsumer(IrqBypassConsumer consumer) {
    long token = consumer.token();
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
      IrqBypassConsumer tmp = consumers.load(token);
      if (tmp != null || tmp == consumer) {
        ret = -EBUSY;
        break outErr;
      }

      ret = xaErr(consumers.store(token, consumer, Gfp.KERNEL));
      if (ret != 0) {
        break outErr;
      }

      IrqBypassProducer producer = producers.load(token);
      if (producer != null) {
        ret = connect(producer, consumer);
        if (ret != 0) {
          break outErr;
        }
      }

      lock.unlock();

      return 0;
    }
    lock.unlock();
    thisModule.put();
    return ret;
  }

  /**
   * {@code irq_bypass_unregister_consumer}: remove a previously registered IRQ consumer from the
   * xarray of consumers and disconnect it from any connected IRQ producer.
   */
  void irqBypassUnregisterConsumer(IrqBypassConsumer consumer) {
    long token = consumer.token();

    if (consumer.token() == 0) {
      return;
    }

    kernel.mightSleep();

    if (!thisModule.tryGet()) {
      return; /* nothing in the xarray anyway */
    }

    lock.lock();

    IrqBypassConsumer tmp = consumers.load(token);
    if (tmp == consumer) {
      IrqBypassProducer producer = producers.load(token);
      if (producer != null) {
        disconnect(producer, consumer);
      }

      consumers.erase(token);
      thisModule.put();
    }

    lock.unlock();

    thisModule.put();
  }

  /** {@code irqbypass_exit}: the module's exit function, run by {@code rmmod}. */
  private void irqbypassExit() {
    producers.destroy();
    consumers.destroy();
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

  /** The xarrays in index order; a producer is connected to the consumer at its index. */
  @Override
  public Snapshot snapshot() {
    List<Registration<IrqBypassProducer>> prods = new ArrayList<>();
    List<Registration<IrqBypassConsumer>> conss = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    producers.forEach((index, p) -> prods.add(new Registration<>(index, p)));
    consumers.forEach((index, c) -> conss.add(new Registration<>(index, c)));
    for (Registration<IrqBypassProducer> p : prods) {
      conss.stream()
          .filter(c -> c.key() == p.key())
          .findFirst()
          .ifPresent(c -> connections.add(new Connection(p.object(), c.object())));
    }
    return new Snapshot(prods, conss, connections, thisModule.refcount());
  }
}
