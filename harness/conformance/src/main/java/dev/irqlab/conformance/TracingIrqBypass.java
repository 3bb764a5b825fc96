package dev.irqlab.conformance;

import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassObject.Add;
import dev.irqlab.spi.IrqBypassObject.Callback;
import dev.irqlab.spi.IrqBypassObject.Del;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * A revision's manager with every entry point and callback traced, as ftrace's function graph
 * would show them. It changes nothing the revision sees: each callback is wrapped, at
 * registration, by one that records the call and then calls the caller's own function; a NULL
 * callback stays NULL.
 */
final class TracingIrqBypass implements IrqBypass {
  private final Kernel kernel;
  private final IrqBypass inner;
  private final Recorder rec;
  private final Names names;
  private final Bindings bindings;

  TracingIrqBypass(Kernel kernel, IrqBypass inner, Recorder rec, Bindings bindings) {
    this.kernel = kernel;
    this.inner = inner;
    this.rec = rec;
    this.names = rec.names();
    this.bindings = bindings;
  }

  @Override
  public int registerProducer(IrqBypassProducer producer, EventfdCtx eventfd, int irq) {
    traceCallbacks(producer);
    return call("irq_bypass_register_producer", names.of(producer),
        "irq_bypass_register_producer(" + names.of(producer) + ", " + names.of(eventfd) + ", " + irq + ")",
        () -> inner.registerProducer(producer, eventfd, irq));
  }

  @Override
  public void unregisterProducer(IrqBypassProducer producer) {
    traceCallbacks(producer);
    call("irq_bypass_unregister_producer", names.of(producer), "irq_bypass_unregister_producer(" + names.of(producer) + ")", () -> {
      inner.unregisterProducer(producer);
      return Integer.MIN_VALUE;
    });
  }

  @Override
  public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    traceCallbacks(consumer);
    return call("irq_bypass_register_consumer", names.of(consumer),
        "irq_bypass_register_consumer(" + names.of(consumer) + ", " + names.of(eventfd) + ")",
        () -> inner.registerConsumer(consumer, eventfd));
  }

  @Override
  public void unregisterConsumer(IrqBypassConsumer consumer) {
    traceCallbacks(consumer);
    call("irq_bypass_unregister_consumer", names.of(consumer), "irq_bypass_unregister_consumer(" + names.of(consumer) + ")", () -> {
      inner.unregisterConsumer(consumer);
      return Integer.MIN_VALUE;
    });
  }

  /** Traces one entry point; {@code Integer.MIN_VALUE} from the body means "returns void". */
  private int call(String function, String object, String text, IntSupplier body) {
    rec.add(TraceEntry.Kind.CALL, text, Map.of("function", function, "object", object));
    int ret = rec.inside(body);
    Map<String, String> fields = new HashMap<>(Map.of("function", function, "object", object));
    if (ret != Integer.MIN_VALUE) {
      fields.put("ret", Errno.name(ret));
    }
    rec.add(TraceEntry.Kind.RETURN, ret == Integer.MIN_VALUE ? function + " returned" : function + " = " + Errno.name(ret), fields);
    return ret == Integer.MIN_VALUE ? 0 : ret;
  }

  @Override
  public Module module() {
    return inner.module();
  }

  @Override
  public int unload() {
    return inner.unload();
  }

  @Override
  public Snapshot snapshot() {
    return inner.snapshot();
  }

  // ------------------------------------------------------------------ callbacks

  private void traceCallbacks(IrqBypassProducer p) {
    if (p == null || p.isFreed()) {
      return;
    }
    try (Kernel.Scope quiet = kernel.kasanDisableCurrent()) {
      if (p.addConsumer() != null) {
        bindings.canBeTold(p);
      }
      if (p.addConsumer() != null && !(p.addConsumer() instanceof TracedAdd)) {
        p.setAddConsumer(new TracedAdd<>("add_consumer", p.addConsumer()));
      }
      if (p.delConsumer() != null && !(p.delConsumer() instanceof TracedDel)) {
        p.setDelConsumer(new TracedDel<>("del_consumer", p.delConsumer()));
      }
      wrapStopStart(p);
    }
  }

  private void traceCallbacks(IrqBypassConsumer c) {
    if (c == null || c.isFreed()) {
      return;
    }
    try (Kernel.Scope quiet = kernel.kasanDisableCurrent()) {
      if (c.addProducer() != null) {
        bindings.canBeTold(c);
      }
      if (c.addProducer() != null && !(c.addProducer() instanceof TracedAdd)) {
        c.setAddProducer(new TracedAdd<>("add_producer", c.addProducer()));
      }
      if (c.delProducer() != null && !(c.delProducer() instanceof TracedDel)) {
        c.setDelProducer(new TracedDel<>("del_producer", c.delProducer()));
      }
      wrapStopStart(c);
    }
  }

  private <S extends dev.irqlab.spi.IrqBypassObject<S, ?>> void wrapStopStart(S obj) {
    if (obj.stop() != null && !(obj.stop() instanceof Traced)) {
      obj.setStop(new TracedCallback<>("stop", obj.stop()));
    }
    if (obj.start() != null && !(obj.start() instanceof Traced)) {
      obj.setStart(new TracedCallback<>("start", obj.start()));
    }
  }

  /** Marks a wrapper, so that a second registration does not wrap it again. */
  private interface Traced {}

  private Map<String, String> fields(String callback, Object self, Object other) {
    Map<String, String> f = new HashMap<>();
    f.put("callback", callback);
    f.put("object", names.of((KObject) self));
    if (other != null) {
      f.put("partner", names.of((KObject) other));
      IrqBypassProducer p = self instanceof IrqBypassProducer sp ? sp : (IrqBypassProducer) other;
      try (Kernel.Scope quiet = kernel.kasanDisableCurrent()) {
        f.put("irq", Integer.toString(p.irq()));
      }
    }
    f.put("locks", Integer.toString(kernel.lockdep().heldLocks().size()));
    return f;
  }

  /** Tells {@link Bindings} what {@code self} was told of {@code other}. */
  private void told(Object self, Object other, boolean add, int ret) {
    if (self instanceof IrqBypassProducer p && other instanceof IrqBypassConsumer c) {
      bindings.producerTold(p, c, add, ret);
    } else if (self instanceof IrqBypassConsumer c && other instanceof IrqBypassProducer p) {
      bindings.consumerTold(c, p, add, ret);
    }
  }

  private final class TracedAdd<S, O> implements Add<S, O>, Traced {
    private final String name;
    private final Add<S, O> fn;

    TracedAdd(String name, Add<S, O> fn) {
      this.name = name;
      this.fn = fn;
    }

    @Override
    public int call(S self, O other) {
      Map<String, String> f = fields(name, self, other);
      String head = names.of((KObject) self) + "." + name + "(" + names.of((KObject) other) + ")";
      int line = rec.add(TraceEntry.Kind.CALLBACK, head, f);
      rec.enter();
      int ret;
      try {
        ret = fn.call(self, other);
      } finally {
        rec.leave();
      }
      f.put("ret", Errno.name(ret));
      rec.complete(line, head + " = " + Errno.name(ret), f);
      told(self, other, true, ret);
      return ret;
    }
  }

  private final class TracedDel<S, O> implements Del<S, O>, Traced {
    private final String name;
    private final Del<S, O> fn;

    TracedDel(String name, Del<S, O> fn) {
      this.name = name;
      this.fn = fn;
    }

    @Override
    public void call(S self, O other) {
      rec.add(TraceEntry.Kind.CALLBACK,
          names.of((KObject) self) + "." + name + "(" + names.of((KObject) other) + ")",
          fields(name, self, other));
      rec.enter();
      try {
        fn.call(self, other);
      } finally {
        rec.leave();
      }
      told(self, other, false, 0);
    }
  }

  private final class TracedCallback<S> implements Callback<S>, Traced {
    private final String name;
    private final Callback<S> fn;

    TracedCallback(String name, Callback<S> fn) {
      this.name = name;
      this.fn = fn;
    }

    @Override
    public void call(S self) {
      rec.add(TraceEntry.Kind.CALLBACK, names.of((KObject) self) + "." + name + "()", fields(name, self, null));
      rec.enter();
      try {
        fn.call(self);
      } finally {
        rec.leave();
      }
    }
  }
}
