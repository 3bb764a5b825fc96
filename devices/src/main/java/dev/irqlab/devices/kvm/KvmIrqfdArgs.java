package dev.irqlab.devices.kvm;

/**
 * {@code struct kvm_irqfd}, the argument of {@code KVM_IRQFD}.
 *
 * @param fd the eventfd
 * @param gsi the GSI it injects
 * @param flags {@link #DEASSIGN}, {@link #RESAMPLE}, {@link #NO_IRQBYPASS}, or any other bits
 *     (which the kernel refuses)
 * @param resamplefd with {@link #RESAMPLE}: the eventfd signalled when the guest acknowledges
 */
public record KvmIrqfdArgs(int fd, int gsi, int flags, int resamplefd) {
  /** {@code KVM_IRQFD_FLAG_DEASSIGN}. */
  public static final int DEASSIGN = 1 << 0;
  /** {@code KVM_IRQFD_FLAG_RESAMPLE}. */
  public static final int RESAMPLE = 1 << 1;
  /**
   * {@code KVM_IRQFD_FLAG_NO_IRQBYPASS}, a proposal, not upstream: the irqfd registers no IRQ
   * bypass consumer. Drivers without {@link dev.irqlab.devices.DriverChange#KVM_IRQFD_NO_IRQBYPASS_FLAG}
   * refuse it as an unknown flag.
   */
  public static final int NO_IRQBYPASS = 1 << 2;

  /** Binds {@code fd} to {@code gsi}. */
  public static KvmIrqfdArgs assign(int fd, int gsi) {
    return new KvmIrqfdArgs(fd, gsi, 0, 0);
  }

  /** Binds {@code fd} to the level-triggered {@code gsi}, with a resample eventfd. */
  public static KvmIrqfdArgs resample(int fd, int gsi, int resamplefd) {
    return new KvmIrqfdArgs(fd, gsi, RESAMPLE, resamplefd);
  }

  /** Binds {@code fd} to {@code gsi} without IRQ bypass ({@link #NO_IRQBYPASS}). */
  public static KvmIrqfdArgs noIrqBypass(int fd, int gsi) {
    return new KvmIrqfdArgs(fd, gsi, NO_IRQBYPASS, 0);
  }

  /** Unbinds {@code fd} from {@code gsi}. */
  public static KvmIrqfdArgs deassign(int fd, int gsi) {
    return new KvmIrqfdArgs(fd, gsi, DEASSIGN, 0);
  }
}
