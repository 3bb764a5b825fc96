package dev.irqlab.devices.guest;

/** The path by which an interrupt reached its target. */
public enum Path {
  /** Posted: the IRTE sent the device interrupt straight to the vCPU; no eventfd was signalled. */
  POSTED("posted"),
  /**
   * Through the eventfd and KVM's irqfd: a remapped IRQ's host handler (or a loopback trigger,
   * or a user-space write) signalled the eventfd, which woke the irqfd, which injected.
   */
  IRQFD("irqfd"),
  /** Through the eventfd to a driver that waits on it in the kernel: vfio's virqfd. */
  VIRQFD("virqfd"),
  /** The eventfd's counter rose with no irqfd to take it: user space reads it. */
  USER_SPACE("eventfd");

  private final String label;

  Path(String label) {
    this.label = label;
  }

  /** {@code posted}, {@code irqfd} or {@code eventfd}, as deliveries print. */
  public String label() {
    return label;
  }
}
