package dev.irqlab.devices.user;

import dev.irqlab.kernel.Errno;

/** Errno values the drivers return that {@link Errno} does not name, and their rendering. */
public final class MoreErrno {
  /** {@code ENOTTY}: an ioctl the file does not have. */
  public static final int ENOTTY = 25;
  /** {@code ENOBUFS}: vhost's answer to a virtqueue index out of range. */
  public static final int ENOBUFS = 105;

  private MoreErrno() {}

  /** {@link Errno#name}, knowing these two as well: {@code -ENOTTY}. */
  public static String name(int ret) {
    return switch (ret) {
      case -ENOTTY -> "-ENOTTY";
      case -ENOBUFS -> "-ENOBUFS";
      default -> Errno.name(ret);
    };
  }
}
