package dev.irqlab.conformance;

import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A test-only manager: one producer and one consumer per eventfd, connected with the callbacks
 * in the documented order; what goes wrong is chosen by {@link Fault}. Not a port of anything.
 */
final class StubRevision implements Revision {
  enum Fault {
    NONE,
    /** register_consumer dereferences null. */
    THROWS,
    /** register_consumer never returns. */
    HANGS,
    /** register_consumer takes its mutex twice. */
    DEADLOCKS,
    /** register_producer WARNs for a producer it has seen before, registered or not. */
    WARNS_ON_REGISTER_AGAIN
  }

  private final RevisionInfo info;
  private final Fault fault;

  StubRevision(Fault fault) {
    this(fault, b -> b);
  }

  StubRevision(Fault fault, UnaryOperator<RevisionInfo.Builder> declare) {
    this.fault = fault;
    this.info = declare.apply(RevisionInfo.builder("stub-" + fault.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .title("a test manager").author("nobody").date("2026-01-01").status(Status.PROPOSAL)
        .link(new Link("none", "https://example.invalid/")).defaultEra("v6.16").summary("for tests")).build();
  }

  @Override
  public RevisionInfo info() {
    return info;
  }

  @Override
  public IrqBypass load(Kernel kernel) {
    return new Manager(kernel);
  }

  private final class Manager implements IrqBypass {
    private final Kernel kernel;
    private final java.util.Set<IrqBypassProducer> seen = new java.util.HashSet<>();
    private final Module module;
    private final Mutex lock;
    private final Map<EventfdCtx, IrqBypassProducer> producers = new LinkedHashMap<>();
    private final Map<EventfdCtx, IrqBypassConsumer> consumers = new LinkedHashMap<>();

    Manager(Kernel kernel) {
      this.kernel = kernel;
      this.module = Module.loadable(kernel, "irqbypass");
      this.lock = new Mutex(kernel, "lock");
    }

    @Override
    public int registerProducer(IrqBypassProducer p, EventfdCtx e, int irq) {
      if (fault == Fault.WARNS_ON_REGISTER_AGAIN && !seen.add(p)) {
        kernel.warnOnOnce(true);
      }
      lock.lock();
      try {
        if (producers.containsKey(e)) {
          return -Errno.EBUSY;
        }
        p.setIrq(irq);
        producers.put(e, p);
        IrqBypassConsumer c = consumers.get(e);
        return c == null ? 0 : connect(p, c);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void unregisterProducer(IrqBypassProducer p) {
      lock.lock();
      producers.values().remove(p);
      lock.unlock();
    }

    @Override
    public int registerConsumer(IrqBypassConsumer c, EventfdCtx e) {
      switch (fault) {
        case THROWS -> {
          Object nothing = null;
          return nothing.hashCode();
        }
        case HANGS -> {
          while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
          }
          return 0;
        }
        case DEADLOCKS -> {
          lock.lock();
          lock.lock();
        }
        default -> { }
      }
      lock.lock();
      try {
        if (consumers.containsKey(e)) {
          return -Errno.EBUSY;
        }
        consumers.put(e, c);
        IrqBypassProducer p = producers.get(e);
        return p == null ? 0 : connect(p, c);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void unregisterConsumer(IrqBypassConsumer c) {
      lock.lock();
      consumers.values().remove(c);
      lock.unlock();
    }

    private int connect(IrqBypassProducer p, IrqBypassConsumer c) {
      if (p.stop() != null) {
        p.stop().call(p);
      }
      if (c.stop() != null) {
        c.stop().call(c);
      }
      int ret = p.addConsumer() == null ? 0 : p.addConsumer().call(p, c);
      if (ret == 0) {
        ret = c.addProducer().call(c, p);
      }
      if (c.start() != null) {
        c.start().call(c);
      }
      if (p.start() != null) {
        p.start().call(p);
      }
      return ret;
    }

    @Override
    public Module module() {
      return module;
    }

    @Override
    public Snapshot snapshot() {
      List<Registration<IrqBypassProducer>> ps = new ArrayList<>();
      producers.forEach((e, p) -> ps.add(new Registration<>(e.address(), p)));
      List<Registration<IrqBypassConsumer>> cs = new ArrayList<>();
      consumers.forEach((e, c) -> cs.add(new Registration<>(e.address(), c)));
      List<Connection> conns = new ArrayList<>();
      producers.forEach((e, p) -> {
        if (consumers.containsKey(e)) {
          conns.add(new Connection(p, consumers.get(e)));
        }
      });
      return new Snapshot(ps, cs, conns, module.refcount());
    }
  }
}
