package dev.irqlab.kernel;

/** Allocation flags, as far as the emulated allocator distinguishes them. */
public enum Gfp {
  /** {@code GFP_KERNEL}: may sleep, so {@code might_sleep()} is checked. */
  KERNEL(true),
  /** {@code GFP_KERNEL_ACCOUNT}: as {@link #KERNEL}, charged to the memory cgroup. */
  KERNEL_ACCOUNT(true),
  /** {@code GFP_NOWAIT}: must not sleep. */
  NOWAIT(false),
  /** {@code GFP_ATOMIC}: must not sleep, may dip into reserves. */
  ATOMIC(false);

  private final boolean maySleep;

  Gfp(boolean maySleep) {
    this.maySleep = maySleep;
  }

  /** True when an allocation with these flags may sleep ({@code gfpflags_allow_blocking}). */
  public boolean maySleep() {
    return maySleep;
  }
}
