package dev.irqlab.rev.cases;

import dev.irqlab.kernel.Gfp;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;

/** Constants of immutable types, and mutable state kept per instance. */
final class NoStaticMutableStateNegativeCases {
  static final RevisionInfo INFO = null;
  static final int MAX_CONSUMERS = 4;
  private static final long NO_TOKEN = 0L;
  static final String NAME = "irqbypass";
  static final Long BOXED = 1L;
  static final java.lang.Integer QUALIFIED = 2;
  static final Status STATUS = Status.PROPOSAL;
  static final Gfp FLAGS = Gfp.KERNEL;
  static final Mode DEFAULT_MODE = Mode.LIST;

  private final long[] tokens = new long[4];
  private int registered;

  enum Mode {
    LIST("list"),
    XARRAY("xarray");

    private final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  interface Limits {
    int MAX = 8;
    String UNIT = "token";
  }

  static int twice(int x) {
    return 2 * x;
  }
}
