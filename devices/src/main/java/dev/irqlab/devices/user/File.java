package dev.irqlab.devices.user;

/**
 * {@code struct file}: an open file, referenced by file descriptors (and by the kernel while it
 * uses one), released when the last reference goes.
 */
public final class File {
  private final FileOps ops;
  private int refs = 1;

  File(FileOps ops) {
    this.ops = ops;
  }

  public FileOps ops() {
    return ops;
  }

  /** {@code get_file()}. */
  File get() {
    refs++;
    return this;
  }

  /** {@code fput()}: the last put runs {@code ->release}. */
  void put() {
    if (--refs == 0) {
      ops.release();
    }
  }

  @Override
  public String toString() {
    return ops.kind();
  }
}
