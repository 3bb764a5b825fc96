package dev.irqlab.spi;

import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;

/**
 * {@code struct irq_bypass_consumer}: the interrupt sink side (a KVM irqfd), owned by the
 * device that embeds it.
 *
 * <p>Fields, by who owns them:
 *
 * <ul>
 *   <li>caller data of the older eras: {@link #token()} ({@code void *token}, set by the caller
 *       before 2025);
 *   <li>the callbacks: {@code add_producer} and {@code del_producer}, required (the list era
 *       refuses a consumer without them, the 2015 prototype dereferences them), and the optional
 *       {@code stop} and {@code start};
 *   <li>the manager-private fields, in the {@link #priv private slot}.
 * </ul>
 *
 * <p>Every accessor is KASAN-checked.
 */
public final class IrqBypassConsumer extends IrqBypassObject<IrqBypassConsumer, IrqBypassProducer> {
  private static final String TYPE = "struct irq_bypass_consumer";
  private static final int SIZE = 64;

  private IrqBypassConsumer(Kernel kernel) {
    super(kernel, TYPE, SIZE);
  }

  private IrqBypassConsumer(KObject container, int offset) {
    super(container, TYPE, offset, SIZE);
  }

  /** {@code kzalloc(sizeof(*consumer), GFP_KERNEL)}: a zeroed consumer, or null on failure. */
  public static IrqBypassConsumer alloc(Kernel kernel) {
    return kernel.memory().kzalloc("irq_bypass_consumer", Gfp.KERNEL, () -> new IrqBypassConsumer(kernel));
  }

  /**
   * A zeroed consumer embedded at {@code offset} in {@code container}: it lives and dies with
   * the container, as {@code kvm_kernel_irqfd.consumer} does.
   */
  public static IrqBypassConsumer embeddedIn(KObject container, int offset) {
    return new IrqBypassConsumer(container, offset);
  }

  /**
   * {@code consumer->add_producer}, or null: {@code int (*)(struct irq_bypass_consumer *, struct
   * irq_bypass_producer *)}.
   */
  public Add<IrqBypassConsumer, IrqBypassProducer> addProducer() {
    return add();
  }

  public IrqBypassConsumer setAddProducer(Add<IrqBypassConsumer, IrqBypassProducer> fn) {
    return setAdd(fn);
  }

  /** {@code consumer->del_producer}, or null. */
  public Del<IrqBypassConsumer, IrqBypassProducer> delProducer() {
    return del();
  }

  public IrqBypassConsumer setDelProducer(Del<IrqBypassConsumer, IrqBypassProducer> fn) {
    return setDel(fn);
  }

  @Override
  IrqBypassConsumer self() {
    return this;
  }
}
