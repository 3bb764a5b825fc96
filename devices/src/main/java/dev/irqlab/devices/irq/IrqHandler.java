package dev.irqlab.devices.irq;

/** {@code irq_handler_t}: a host interrupt handler, run in hard-IRQ (atomic) context. */
@FunctionalInterface
public interface IrqHandler {
  /** {@code IRQ_NONE}: not this device's interrupt. */
  int IRQ_NONE = 0;
  /** {@code IRQ_HANDLED}. */
  int IRQ_HANDLED = 1;

  /** Handles one interrupt on {@code irq}; {@code devId} is what {@code request_irq} got. */
  int handle(int irq, Object devId);
}
