package dev.irqlab.testkit;

import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelConfig;
import dev.irqlab.kernel.KernelEvent;
import dev.irqlab.spi.CheckedIrqBypass;
import dev.irqlab.spi.IrqBypass.Registration;
import dev.irqlab.spi.IrqBypass.Snapshot;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import dev.irqlab.spi.Revision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mockito.InOrder;

/**
 * One revision loaded ("insmod") on a fresh kernel, reached through {@link CheckedIrqBypass} as
 * drivers reach it, with named producers ({@code p0}, {@code p1}, ...), consumers ({@code c0},
 * ...) and eventfds ({@code efd0}, ...). Every callback of every object is a mock, and one
 * {@link #inOrder()} verifies them all in the order they ran.
 */
public final class ApiFixture {
  /** The first Linux IRQ number handed to producers: p0 has 100, p1 101, ... */
  public static final int FIRST_IRQ = 100;

  private final Kernel kernel;
  private final CheckedIrqBypass bypass;
  private final List<Object> mocks = new ArrayList<>();
  private final Map<Long, String> keyNames = new HashMap<>();
  private int producers;
  private int consumers;

  public ApiFixture(Revision revision) {
    this(revision, KernelConfig.defaults());
  }

  public ApiFixture(Revision revision, KernelConfig config) {
    this.kernel = new Kernel(config);
    this.bypass = CheckedIrqBypass.wrap(kernel, revision.load(kernel));
    keyNames.put(0L, "NULL");
  }

  public Kernel kernel() {
    return kernel;
  }

  public CheckedIrqBypass bypass() {
    return bypass;
  }

  /** A new eventfd context, {@code efd0}, {@code efd1}, ... */
  public EventfdCtx eventfd() {
    EventfdCtx ctx = EventfdCtx.create(kernel);
    String name = "efd" + (keyNames.size() - 1);
    ctx.setName(name);
    keyNames.put(ctx.address(), name);
    return ctx;
  }

  /** A new zeroed producer with every callback mocked; its IRQ is {@link #irqOf}. */
  public ScriptedProducer producer() {
    IrqBypassProducer p = IrqBypassProducer.alloc(kernel);
    p.setName("p" + producers++);
    return track(new ScriptedProducer(p));
  }

  /** A new zeroed consumer with every callback mocked. */
  public ScriptedConsumer consumer() {
    IrqBypassConsumer c = IrqBypassConsumer.alloc(kernel);
    c.setName("c" + consumers++);
    return track(new ScriptedConsumer(c));
  }

  private <T extends Scripted<?, ?>> T track(T scripted) {
    mocks.addAll(List.of(scripted.mocks()));
    return scripted;
  }

  /** The IRQ number the fixture registers {@code p} with: {@code FIRST_IRQ} plus its index. */
  public static int irqOf(ScriptedProducer p) {
    return FIRST_IRQ + Integer.parseInt(p.obj.name().substring(1));
  }

  /** {@code irq_bypass_register_producer(p, eventfd, irqOf(p))} in the normalised form. */
  public int register(ScriptedProducer p, EventfdCtx eventfd) {
    return bypass.registerProducer(p.obj, eventfd, irqOf(p));
  }

  public int register(ScriptedConsumer c, EventfdCtx eventfd) {
    return bypass.registerConsumer(c.obj, eventfd);
  }

  public void unregister(ScriptedProducer p) {
    bypass.unregisterProducer(p.obj);
  }

  public void unregister(ScriptedConsumer c) {
    bypass.unregisterConsumer(c.obj);
  }

  /** {@code kfree} of the struct: the device that embedded it is gone. */
  public void free(Scripted<?, ?> s) {
    kernel.memory().kfree(s.obj);
  }

  /** One InOrder over every callback of every object made so far. */
  public InOrder inOrder() {
    return org.mockito.Mockito.inOrder(mocks.toArray());
  }

  /** Fails if any callback ran that was not verified. */
  public void verifyNoMoreCallbacks() {
    verifyNoMoreInteractions(mocks.toArray());
  }

  public Snapshot snapshot() {
    return bypass.snapshot();
  }

  /** The registered producers, in the registry's order, as {@code p0@efd1}. */
  public List<String> producers() {
    return names(snapshot().producers());
  }

  /** The registered consumers, in the registry's order, as {@code c0@efd1}. */
  public List<String> consumers() {
    return names(snapshot().consumers());
  }

  /** The pairs the manager holds as connected, as {@code p0-c0}. */
  public List<String> connections() {
    return snapshot().connections().stream().map(c -> c.producer().name() + "-" + c.consumer().name()).toList();
  }

  /** {@code module_refcount(THIS_MODULE)}. */
  public int moduleRefcount() {
    return snapshot().moduleRefcount();
  }

  private <T extends dev.irqlab.kernel.KObject> List<String> names(List<Registration<T>> registrations) {
    return registrations.stream().map(r -> r.object().name() + "@" + keyName(r.key())).toList();
  }

  private String keyName(long key) {
    String name = keyNames.get(key);
    return name != null ? name : String.format(Locale.ROOT, "%016x", key);
  }

  /** The kernel's events of one kind, in order. */
  public List<KernelEvent> events(EventKind kind) {
    return kernel.log().events(kind);
  }

  /** The WARNING splats, in order. */
  public List<KernelEvent> warnings() {
    return events(EventKind.WARNING);
  }

  /** Every report (WARNING, BUG, KASAN, lockdep, list corruption, ...), in order. */
  public List<KernelEvent> reports() {
    return kernel.log().reports();
  }

  /** The headlines of every report, for assertion messages. */
  public List<String> reportHeadlines() {
    return reports().stream().map(KernelEvent::headline).toList();
  }
}
