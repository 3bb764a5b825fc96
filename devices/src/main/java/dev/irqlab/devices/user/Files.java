package dev.irqlab.devices.user;

import dev.irqlab.kernel.EventfdCtx;

/** The calling process's file table, as kernel code sees it ({@code current->files}). */
public interface Files {
  /** {@code fdget(fd)}: the open file, or null for a descriptor that is not open. */
  File fdget(int fd);

  /**
   * {@code eventfd_ctx_fdget(fd)}: a new reference to the eventfd context behind {@code fd};
   * {@code -EBADF} for a descriptor that is not open, {@code -EINVAL} for a file that is not an
   * eventfd.
   */
  default ErrOr<EventfdCtx> eventfdCtxFdget(int fd) {
    File f = fdget(fd);
    if (f == null) {
      return ErrOr.error(-dev.irqlab.kernel.Errno.EBADF);
    }
    if (!(f.ops() instanceof EventfdFile e)) {
      return ErrOr.error(-dev.irqlab.kernel.Errno.EINVAL);
    }
    return ErrOr.ok(e.ctx().get());
  }
}
