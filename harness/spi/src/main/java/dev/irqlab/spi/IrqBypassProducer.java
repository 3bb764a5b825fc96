package dev.irqlab.spi;

import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;

/**
 * {@code struct irq_bypass_producer}: the interrupt source side (a VFIO MSI vector, a vDPA
 * virtqueue), owned by the device that embeds it.
 *
 * <p>Fields, by who owns them:
 *
 * <ul>
 *   <li>caller data of the older eras: {@link #token()} ({@code void *token}, the opaque match
 *       key the caller sets before 2025) and {@link #irq()} ({@code int irq}, the Linux IRQ
 *       number, which the manager sets itself from 6.17);
 *   <li>the callbacks, each optional ({@code NULL} is {@code null}): {@code add_consumer},
 *       {@code del_consumer}, {@code stop}, {@code start};
 *   <li>the manager-private fields ({@code node}, {@code eventfd}, {@code consumer}, ...), whose
 *       layout each revision defines and keeps in the {@link #priv private slot}.
 * </ul>
 *
 * <p>Every accessor is KASAN-checked: a revision that touches a producer its device has freed
 * is reported with the revision's Java line.
 */
public final class IrqBypassProducer extends IrqBypassObject<IrqBypassProducer, IrqBypassConsumer> {
  private static final String TYPE = "struct irq_bypass_producer";
  private static final int SIZE = 64;

  private int irq;

  private IrqBypassProducer(Kernel kernel) {
    super(kernel, TYPE, SIZE);
  }

  private IrqBypassProducer(KObject container, int offset) {
    super(container, TYPE, offset, SIZE);
  }

  /** {@code kzalloc(sizeof(*producer), GFP_KERNEL)}: a zeroed producer, or null on failure. */
  public static IrqBypassProducer alloc(Kernel kernel) {
    return kernel.memory().kzalloc("irq_bypass_producer", Gfp.KERNEL, () -> new IrqBypassProducer(kernel));
  }

  /**
   * A zeroed producer embedded at {@code offset} in {@code container}: it lives and dies with
   * the container, as {@code vfio_pci_irq_ctx.producer} does.
   */
  public static IrqBypassProducer embeddedIn(KObject container, int offset) {
    return new IrqBypassProducer(container, offset);
  }

  /** {@code producer->irq}: the Linux IRQ number of the source. */
  public int irq() {
    touch();
    return irq;
  }

  public void setIrq(int irq) {
    touch();
    this.irq = irq;
  }

  /**
   * {@code producer->add_consumer}, or null: {@code int (*)(struct irq_bypass_producer *, struct
   * irq_bypass_consumer *)}.
   */
  public Add<IrqBypassProducer, IrqBypassConsumer> addConsumer() {
    return add();
  }

  public IrqBypassProducer setAddConsumer(Add<IrqBypassProducer, IrqBypassConsumer> fn) {
    return setAdd(fn);
  }

  /** {@code producer->del_consumer}, or null. */
  public Del<IrqBypassProducer, IrqBypassConsumer> delConsumer() {
    return del();
  }

  public IrqBypassProducer setDelConsumer(Del<IrqBypassProducer, IrqBypassConsumer> fn) {
    return setDel(fn);
  }

  @Override
  IrqBypassProducer self() {
    return this;
  }
}
