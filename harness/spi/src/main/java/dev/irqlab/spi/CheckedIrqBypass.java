package dev.irqlab.spi;

import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;

/**
 * An {@link IrqBypass} with the checks the kernel makes at every entry and return: entering
 * the code of an unloaded module is an oops ({@link Module#enterText}), and returning from an
 * entry point with a lock held is a lockdep report ({@code
 * Lockdep#assertNoLocksHeld}). Drivers and the harness talk to a revision through this.
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
    String entry = "irq_bypass_register_producer";
    inner.module().enterText(entry);
    int ret = inner.registerProducer(producer, eventfd, irq);
    kernel.lockdep().assertNoLocksHeld(entry);
    return ret;
  }

  @Override
  public void unregisterProducer(IrqBypassProducer producer) {
    String entry = "irq_bypass_unregister_producer";
    inner.module().enterText(entry);
    inner.unregisterProducer(producer);
    kernel.lockdep().assertNoLocksHeld(entry);
  }

  @Override
  public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    String entry = "irq_bypass_register_consumer";
    inner.module().enterText(entry);
    int ret = inner.registerConsumer(consumer, eventfd);
    kernel.lockdep().assertNoLocksHeld(entry);
    return ret;
  }

  @Override
  public void unregisterConsumer(IrqBypassConsumer consumer) {
    String entry = "irq_bypass_unregister_consumer";
    inner.module().enterText(entry);
    inner.unregisterConsumer(consumer);
    kernel.lockdep().assertNoLocksHeld(entry);
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
