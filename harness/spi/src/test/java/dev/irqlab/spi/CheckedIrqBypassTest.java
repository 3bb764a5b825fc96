package dev.irqlab.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelEvent;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.kernel.Oops;
import dev.irqlab.spi.example.ExampleRevision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedIrqBypassTest {
  private final Kernel kernel = new Kernel();
  private final CheckedIrqBypass bypass = CheckedIrqBypass.wrap(kernel, new ExampleRevision().load(kernel));
  private final List<String> calls = new ArrayList<>();

  private IrqBypassConsumer consumer() {
    IrqBypassConsumer c = IrqBypassConsumer.alloc(kernel);
    c.setAddProducer((cons, prod) -> { calls.add("add_producer"); return 0; });
    c.setDelProducer((cons, prod) -> calls.add("del_producer"));
    return c;
  }

  @Test
  void passesCallsThroughAndShowsTheRegistry() {
    EventfdCtx efd = EventfdCtx.create(kernel);
    IrqBypassProducer p = IrqBypassProducer.alloc(kernel);
    IrqBypassConsumer c = consumer();
    assertEquals(0, bypass.registerConsumer(c, efd));
    assertEquals(0, bypass.registerProducer(p, efd, 33));
    assertEquals(-Errno.EBUSY, bypass.registerProducer(IrqBypassProducer.alloc(kernel), efd, 34));
    IrqBypass.Snapshot s = bypass.snapshot();
    assertEquals(List.of(new IrqBypass.Registration<>(efd.address(), p)), s.producers());
    assertEquals(List.of(new IrqBypass.Connection(p, c)), s.connections());
    bypass.unregisterProducer(p);
    bypass.unregisterConsumer(c);
    assertEquals(List.of("add_producer", "del_producer"), calls);
    assertTrue(bypass.snapshot().consumers().isEmpty());
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void wrappingTwiceIsWrappingOnce() {
    assertSame(bypass, CheckedIrqBypass.wrap(kernel, bypass));
  }

  @Test
  void anEntryThatReturnsWithTheLockHeldIsReported() {
    IrqBypass leaky = new LeakyManager(kernel);
    CheckedIrqBypass checked = CheckedIrqBypass.wrap(kernel, leaky);
    assertEquals(0, checked.registerConsumer(consumer(), EventfdCtx.create(kernel)));
    List<KernelEvent> lockdep = kernel.log().events(EventKind.LOCKDEP);
    assertEquals(1, lockdep.size());
    assertEquals("WARNING: lock held when returning to user space!", lockdep.get(0).message());
    assertTrue(lockdep.get(0).details().get(0).contains("irq_bypass_register_consumer"));
  }

  @Test
  void aLockTheCallerHeldAtEntryIsTheCallersBusiness() {
    Mutex igate = new Mutex(kernel, "igate");
    igate.lock();
    assertEquals(0, bypass.registerConsumer(consumer(), EventfdCtx.create(kernel)));
    assertTrue(kernel.log().events(EventKind.LOCKDEP).isEmpty());
    CheckedIrqBypass leaky = CheckedIrqBypass.wrap(kernel, new LeakyManager(kernel));
    assertEquals(0, leaky.registerConsumer(consumer(), EventfdCtx.create(kernel)));
    List<KernelEvent> lockdep = kernel.log().events(EventKind.LOCKDEP);
    assertEquals(1, lockdep.size());
    assertTrue(lockdep.get(0).details().get(1).startsWith("1 lock held"), lockdep.get(0).details()::toString);
    igate.unlock();
  }

  @Test
  void callingIntoAnUnloadedModuleIsAnOops() {
    assertEquals(0, bypass.unload());
    Oops oops = assertThrows(Oops.class, () -> bypass.unregisterConsumer(consumer()));
    assertTrue(oops.event().message().startsWith("BUG: unable to handle page fault"));
  }

  @Test
  void aSnapshotOfFreedObjectsReportsNothing() {
    EventfdCtx efd = EventfdCtx.create(kernel);
    IrqBypassConsumer c = consumer();
    bypass.registerConsumer(c, efd);
    kernel.memory().kfree(c);
    assertEquals(1, bypass.snapshot().consumers().size());
    assertTrue(kernel.log().events(EventKind.KASAN).isEmpty());
  }

  /** A broken manager: registering a consumer forgets to unlock. */
  private static final class LeakyManager implements IrqBypass {
    private final Mutex lock;
    private final Module module;

    LeakyManager(Kernel kernel) {
      lock = new Mutex(kernel, "lock");
      module = Module.loadable(kernel, "irqbypass");
    }

    @Override
    public int registerProducer(IrqBypassProducer producer, EventfdCtx eventfd, int irq) {
      return 0;
    }

    @Override
    public void unregisterProducer(IrqBypassProducer producer) {}

    @Override
    public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
      lock.lock();
      return 0;
    }

    @Override
    public void unregisterConsumer(IrqBypassConsumer consumer) {}

    @Override
    public Module module() {
      return module;
    }

    @Override
    public Snapshot snapshot() {
      return new Snapshot(List.of(), List.of(), List.of(), 0);
    }
  }
}
