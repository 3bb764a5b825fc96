package dev.irqlab.rev.cases;

import dev.irqlab.kernel.Mutex;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassProducer;

/** State shared by every loaded instance, on every Kernel. */
final class NoStaticMutableStatePositiveCases {
  static int registered; // BUG: no-static-mutable-state
  private static IrqBypassProducer last; // BUG: no-static-mutable-state
  private static final long[] TOKENS = {1L, 2L}; // BUG: no-static-mutable-state
  static final StringBuilder LOG = new StringBuilder(); // BUG: no-static-mutable-state
  static final Mutex LOCK = null; // BUG: no-static-mutable-state
  static final IrqBypass.Snapshot EMPTY = null; // BUG: no-static-mutable-state
  static final Object GUARD = new Object(), OTHER = null; // BUG: no-static-mutable-state

  interface Limits {
    int[] SIZES = {1, 2}; // BUG: no-static-mutable-state
  }

  /** An enum constant is one object for every loaded instance: its fields are shared too. */
  enum Mode {
    LIST,
    XARRAY;

    int lookups; // BUG: no-static-mutable-state
    final long[] perMode = new long[2]; // BUG: no-static-mutable-state
  }

  /** A nested type with mutable static state is reported as well. */
  static final class Cache {
    static String lastName; // BUG: no-static-mutable-state
  }
}
