package dev.irqlab.spi;

/**
 * Something of the IRQ bypass interface that not every design has. A revision names what it
 * lacks ({@link RevisionInfo#lacks()}); a clause that needs a feature is not applicable (N/A) to
 * a revision without it, and its cell says why.
 */
public enum Feature {
  /** The optional {@code stop} and {@code start} callbacks of both sides. */
  STOP_START("stop and start callbacks"),
  /** Connect callbacks that return an error, so that a connect can fail. */
  CONNECT_ERRORS("connect callbacks that can fail"),
  /** The producer's own {@code add_consumer} and {@code del_consumer} callbacks. */
  PRODUCER_CALLBACKS("producer callbacks");

  private final String label;

  Feature(String label) {
    this.label = label;
  }

  /** What it is, in a few words. */
  public String label() {
    return label;
  }
}
