package dev.irqlab.spi;

import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Mutex;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * An {@link IrqBypass} with the checks the kernel makes at every entry and return: entering
 * the code of an unloaded module is an oops ({@link Module#enterText}), and returning from an
 * entry point with a lock held that it took is a lockdep report ({@code
 * Lockdep#assertNoLocksHeld}); locks the caller held when it called (vfio-pci's {@code igate},
 * say) are the caller's business. Drivers and the harness talk to a revision through this.
 */
public final class CheckedIrqBypass implements IrqBypass {
  private final Kernel kernel;
  private final IrqBypass inner;

  private CheckedIrqBypass(Kernel kernel, IrqBypass inner) {
    this.kernel = kernel;
    this.inner = inner;
  }

  /** Wraps {@code inner}, loaded on {@code kernel}. */
  public static CheckedIrqBypass wrap(Kernel kernel, IrqBypass inner) {
    return inner instanceof CheckedIrqBypass c ? c : new CheckedIrqBypass(kernel, inner);
  }

  /** The revision's own instance. */
  public IrqBypass inner() {
    return inner;
  }

  @Override
  public int registerProducer(IrqBypassProducer producer, EventfdCtx eventfd, int irq) {
    return entry("irq_bypass_register_producer", () -> inner.registerProducer(producer, eventfd, irq));
  }

  @Override
  public void unregisterProducer(IrqBypassProducer producer) {
    entry("irq_bypass_unregister_producer", () -> {
      inner.unregisterProducer(producer);
      return 0;
    });
  }

  @Override
  public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    return entry("irq_bypass_register_consumer", () -> inner.registerConsumer(consumer, eventfd));
  }

  @Override
  public void unregisterConsumer(IrqBypassConsumer consumer) {
    entry("irq_bypass_unregister_consumer", () -> {
      inner.unregisterConsumer(consumer);
      return 0;
    });
  }

  /** Runs one entry point of the module: its code must be loaded, and no lock may stay held. */
  private int entry(String function, IntSupplier call) {
    inner.module().enterText(function);
    List<Mutex> callersLocks = kernel.lockdep().heldLocks();
    int ret = call.getAsInt();
    kernel.lockdep().assertNoLocksHeld(function, callersLocks);
    return ret;
  }

  @Override
  public Module module() {
    return inner.module();
  }

  @Override
  public int unload() {
    int ret = inner.unload();
    kernel.lockdep().assertNoLocksHeld("delete_module");
    return ret;
  }

  /** The registry as it is now, read with KASAN disabled so reading it reports nothing. */
  @Override
  public Snapshot snapshot() {
    try (Kernel.Scope quiet = kernel.kasanDisableCurrent()) {
      return inner.snapshot();
    }
  }
}
