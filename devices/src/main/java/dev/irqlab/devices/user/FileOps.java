package dev.irqlab.devices.user;

/** What a {@link File} is: {@code struct file_operations} and the file's private data. */
public interface FileOps {
  /** {@code ->release}: the last reference to the file is gone. */
  void release();

  /** The kind of file, for {@code /proc/<pid>/fd} style listings ({@code anon_inode:[eventfd]}). */
  String kind();
}
