package dev.irqlab.devices.vfio;

import static dev.irqlab.devices.DriverChange.VFIO_VIRQFD_DRAINS;

import dev.irqlab.devices.Host;
import dev.irqlab.devices.guest.EventfdReader;
import dev.irqlab.devices.guest.Path;
import dev.irqlab.devices.guest.Target;
import dev.irqlab.devices.sched.Work;
import dev.irqlab.devices.user.ErrOr;
import dev.irqlab.devices.user.Files;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.WaitQueueEntry;
import java.util.function.IntSupplier;

/**
 * {@code struct virqfd} of {@code drivers/vfio/virqfd.c}: an eventfd that vfio itself waits on,
 * as a plain waiter. When it is signalled, the handler runs in the wake-up; when the handler
 * returns nonzero, the thread runs from a work item. vfio-pci uses one to unmask INTx when KVM
 * signals a resample eventfd. From v5.11 the wake-up drains the counter ({@link
 * dev.irqlab.devices.DriverChange#VFIO_VIRQFD_DRAINS}).
 */
final class VfioVirqfd extends KObject implements EventfdReader {
  private final Host host;
  private final Target.Reader target;
  private final IntSupplier handler;
  private final WaitQueueEntry wait;
  private final Work inject;
  private final Work shutdown;
  private final Runnable hangUp;
  private EventfdCtx eventfd;

  private VfioVirqfd(Host host, String name, IntSupplier handler, Runnable thread, Runnable hangUp) {
    super(host.kernel(), "struct virqfd", 160);
    this.host = host;
    this.target = new Target.Reader(name);
    this.handler = handler;
    this.wait = new WaitQueueEntry((w, key) -> wakeup(key), this);
    this.inject = new Work("virqfd_inject", thread);
    this.shutdown = new Work("virqfd_shutdown", this::shutdown);
    this.hangUp = hangUp;
  }

  /**
   * {@code vfio_virqfd_enable}: waits on the eventfd {@code fd}; an event already pending runs
   * the handler (and the thread) at once, "as if we didn't miss it".
   *
   * @param name what the trace calls this reader ({@code vfio-pci vfio0 INTx unmask})
   * @param hangUp what the owner does when the eventfd is closed under it: forget it and {@link
   *     #deactivate} it
   * @return the virqfd, or the errno ({@code -ENOMEM}, {@code -EBADF}, {@code -EINVAL})
   */
  static ErrOr<VfioVirqfd> enable(Host host, Files files, int fd, String name, IntSupplier handler, Runnable thread,
      Runnable hangUp) {
    Kernel kernel = host.kernel();
    VfioVirqfd virqfd = kernel.memory().kzalloc("virqfd", Gfp.KERNEL, () -> new VfioVirqfd(host, name, handler, thread, hangUp));
    if (virqfd == null) {
      return ErrOr.error(-Errno.ENOMEM);
    }
    ErrOr<EventfdCtx> ctx = files.eventfdCtxFdget(fd);
    if (ctx.isErr()) {
      kernel.memory().kfree(virqfd);
      return ErrOr.error(ctx.err());
    }
    virqfd.eventfd = ctx.value();
    ctx.value().addWaitQueue(virqfd.wait);
    if ((ctx.value().poll() & EventfdCtx.EPOLLIN) != 0 && handler.getAsInt() != 0) {
      host.systemWq().queue(virqfd.inject);
    }
    return ErrOr.ok(virqfd);
  }

  /**
   * {@code virqfd_wakeup}: on {@code EPOLLIN} drains (from v5.11), runs the handler, schedules
   * the thread; on {@code EPOLLHUP} the owner lets it go.
   */
  private int wakeup(int key) {
    if ((key & EventfdCtx.EPOLLIN) != 0) {
      if (host.era().has(VFIO_VIRQFD_DRAINS)) {
        eventfd.read();
      }
      host.interrupts().deliver(target, Path.VIRQFD);
      if (handler.getAsInt() != 0) {
        host.systemWq().queue(inject);
      }
    }
    if ((key & EventfdCtx.EPOLLHUP) != 0) {
      hangUp.run();
    }
    return 0;
  }

  /** {@code virqfd_deactivate}: the shutdown queued. */
  void deactivate() {
    host.systemWq().queue(shutdown);
  }

  /**
   * {@code virqfd_shutdown}: off the wait queue (which drains the counter), the thread flushed,
   * the eventfd put, freed. {@code vfio_virqfd_disable} waits for it.
   */
  void shutdown() {
    eventfd.removeWaitQueue(wait);
    eventfd.read();
    host.systemWq().flush(inject);
    eventfd.put();
    host.kernel().memory().kfree(this);
  }

  /** The eventfd it waits on. */
  EventfdCtx eventfd() {
    touch();
    return eventfd;
  }

  @Override
  public Target.Reader target() {
    return target;
  }
}
