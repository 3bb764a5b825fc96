package dev.irqlab.devices;

/**
 * What the drivers show of their own steps where the order between them and the manager's entry
 * points matters: {@code free_irq} and the {@code eventfd_ctx_put} of a trigger or call eventfd,
 * an event found pending when an irqfd is assigned. A listener (a trace) names the kernel objects
 * it is given; {@link #NONE} shows nothing.
 */
public interface DriverTrace {
  /** The listener that shows nothing. */
  DriverTrace NONE = new DriverTrace() {
    @Override
    public void call(String function, Object... args) {}

    @Override
    public void note(String format, Object... args) {}
  };

  /**
   * A driver called {@code function}: shown as {@code free_irq(28, vfio0.msix3)}.
   *
   * @param args its arguments: kernel objects (the listener names them), numbers or text
   */
  void call(String function, Object... args);

  /**
   * A driver did what {@code format} says, each {@code %s} standing for the name of the matching
   * argument: {@code "%s was already signalled: irqfd_inject scheduled"}.
   */
  void note(String format, Object... args);
}
