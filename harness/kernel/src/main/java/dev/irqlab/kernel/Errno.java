package dev.irqlab.kernel;

import java.util.Locale;

/**
 * Linux errno values, as a port of kernel C uses them.
 *
 * <p>The constants are positive, as in {@code <uapi/asm-generic/errno-base.h>}, so that a port
 * reads like the C it comes from: {@code return -EBUSY;}. Functions of the emulated kernel and
 * of every revision return {@code 0} or a negative errno; {@link #name(int)} renders one the way
 * a kernel developer writes it, {@code -EBUSY}.
 */
public final class Errno {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EINTR = 4;
  public static final int EIO = 5;
  public static final int EBADF = 9;
  public static final int EAGAIN = 11;
  public static final int EWOULDBLOCK = EAGAIN;
  public static final int ENOMEM = 12;
  public static final int EFAULT = 14;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int ENODEV = 19;
  public static final int EINVAL = 22;
  public static final int ENOTTY = 25;
  public static final int ENOSPC = 28;
  public static final int ERANGE = 34;
  public static final int ENOSYS = 38;
  public static final int ENOBUFS = 105;
  public static final int ENOTSUPP = 524;

  private static final String[] NAMES = new String[ENOTSUPP + 1];

  static {
    NAMES[EPERM] = "EPERM";
    NAMES[ENOENT] = "ENOENT";
    NAMES[EINTR] = "EINTR";
    NAMES[EIO] = "EIO";
    NAMES[EBADF] = "EBADF";
    NAMES[EAGAIN] = "EAGAIN";
    NAMES[ENOMEM] = "ENOMEM";
    NAMES[EFAULT] = "EFAULT";
    NAMES[EBUSY] = "EBUSY";
    NAMES[EEXIST] = "EEXIST";
    NAMES[ENODEV] = "ENODEV";
    NAMES[EINVAL] = "EINVAL";
    NAMES[ENOTTY] = "ENOTTY";
    NAMES[ENOSPC] = "ENOSPC";
    NAMES[ERANGE] = "ERANGE";
    NAMES[ENOSYS] = "ENOSYS";
    NAMES[ENOBUFS] = "ENOBUFS";
    NAMES[ENOTSUPP] = "ENOTSUPP";
  }

  private Errno() {}

  /**
   * Renders a return code: {@code 0}, {@code -EBUSY}, or the bare number when it is no errno
   * this table knows ({@code -77}, {@code 5}).
   */
  public static String name(int ret) {
    if (ret < 0 && -ret < NAMES.length && NAMES[-ret] != null) {
      return "-" + NAMES[-ret];
    }
    return Integer.toString(ret);
  }

  /**
   * Parses what {@link #name(int)} prints, for scenario files and saved reports.
   *
   * @throws IllegalArgumentException naming the text when it is neither a number nor a known
   *     errno name
   */
  public static int parse(String text) {
    String t = text.strip();
    boolean negative = t.startsWith("-");
    String body = negative ? t.substring(1) : t;
    if (!body.isEmpty() && body.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(t);
    }
    String upper = body.toUpperCase(Locale.ROOT);
    for (int i = 0; i < NAMES.length; i++) {
      if (upper.equals(NAMES[i])) {
        return negative ? -i : i;
      }
    }
    throw new IllegalArgumentException("not an errno: '" + text + "' (expected 0, a number or a name such as -EBUSY)");
  }

  /** {@code IS_ERR_VALUE}: true for the negative errno range the kernel reserves. */
  public static boolean isError(long value) {
    return value < 0 && value >= -4095;
  }
}
