package dev.irqlab.devices.vfio;

import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypassProducer;

/**
 * {@code struct vfio_pci_irq_ctx}: one interrupt's trigger eventfd and name, with the IRQ
 * bypass producer embedded. Either a slab object of its own (INTx, and each MSI vector from
 * v6.5) or an element of the MSI context array (before), freed with it. Every accessor is
 * KASAN-checked.
 */
public final class VfioPciIrqCtx extends KObject {
  static final String TYPE = "struct vfio_pci_irq_ctx";
  static final int SIZE = 128;
  private static final int PRODUCER_OFFSET = 32;

  private final IrqBypassProducer producer;
  private EventfdCtx trigger;
  private String name;

  private VfioPciIrqCtx(Kernel kernel) {
    super(kernel, TYPE, SIZE);
    this.producer = IrqBypassProducer.embeddedIn(this, PRODUCER_OFFSET);
  }

  VfioPciIrqCtx(KObject array, int offset) {
    super(array, TYPE, offset, SIZE);
    this.producer = IrqBypassProducer.embeddedIn(this, PRODUCER_OFFSET);
  }

  /** {@code kzalloc(sizeof(*ctx), GFP_KERNEL_ACCOUNT)}: null on failure. */
  static VfioPciIrqCtx alloc(Kernel kernel) {
    return kernel.memory().kzalloc("vfio_pci_irq_ctx", Gfp.KERNEL, () -> new VfioPciIrqCtx(kernel));
  }

  /** Names the context {@code name} and its producer {@code name.producer}, for reports and traces. */
  void label(String name) {
    setName(name);
    producer.setName(name + ".producer");
  }

  public IrqBypassProducer producer() {
    touch();
    return producer;
  }

  /** {@code ctx->trigger}: the eventfd the host handler signals, or null. */
  public EventfdCtx trigger() {
    touch();
    return trigger;
  }

  void setTrigger(EventfdCtx trigger) {
    touch();
    this.trigger = trigger;
  }

  /** {@code ctx->name}: the name the IRQ was requested with, or null. */
  public String irqName() {
    touch();
    return name;
  }

  void setIrqName(String name) {
    touch();
    this.name = name;
  }
}
