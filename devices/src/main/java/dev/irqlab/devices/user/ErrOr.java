package dev.irqlab.devices.user;

/**
 * A pointer or an error, as {@code ERR_PTR}, {@code IS_ERR} and {@code PTR_ERR} carry one in C.
 *
 * @param value the pointer, null when this is an error
 * @param err 0, or the negative errno
 */
public record ErrOr<T>(T value, int err) {
  public static <T> ErrOr<T> ok(T value) {
    return new ErrOr<>(value, 0);
  }

  /** {@code ERR_PTR(err)}. */
  public static <T> ErrOr<T> error(int err) {
    if (err >= 0) {
      throw new IllegalArgumentException("ERR_PTR wants a negative errno, not " + err);
    }
    return new ErrOr<>(null, err);
  }

  /** {@code IS_ERR()}. */
  public boolean isErr() {
    return err != 0;
  }
}
