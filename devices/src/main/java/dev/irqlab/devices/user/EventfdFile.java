package dev.irqlab.devices.user;

import dev.irqlab.kernel.EventfdCtx;

/** An eventfd file: it owns the context's first reference; its release is {@code eventfd_release}. */
public final class EventfdFile implements FileOps {
  private final EventfdCtx ctx;

  EventfdFile(EventfdCtx ctx) {
    this.ctx = ctx;
  }

  public EventfdCtx ctx() {
    return ctx;
  }

  @Override
  public void release() {
    ctx.release();
  }

  @Override
  public String kind() {
    return "anon_inode:[eventfd]";
  }
}
