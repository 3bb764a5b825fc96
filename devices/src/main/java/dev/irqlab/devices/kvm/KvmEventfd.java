package dev.irqlab.devices.kvm;

import static dev.irqlab.devices.DriverChange.KVM_DEASSIGN_KEEPS_ROUTE_TYPE;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_NO_IRQBYPASS_FLAG;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_PRIORITY_WAITER;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_REPORTS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_UNIQUE_BINDING;
import static dev.irqlab.devices.DriverChange.KVM_LOGS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.KVM_ROUTE_CHANGED_CHECK;
import static dev.irqlab.devices.DriverChange.KVM_UNREGISTER_IN_SHUTDOWN;
import static dev.irqlab.devices.DriverChange.X86_IRQ_BYPASS_REWORK;

import dev.irqlab.devices.Driver;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.FaultPoints;
import dev.irqlab.devices.Host;
import dev.irqlab.devices.guest.Path;
import dev.irqlab.devices.user.ErrOr;
import dev.irqlab.devices.user.EventfdFile;
import dev.irqlab.devices.user.File;
import dev.irqlab.devices.user.Files;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Work;
import dev.irqlab.spi.IrqBypassConsumer;
import java.util.List;

/**
 * The irqfd half of {@code virt/kvm/eventfd.c}, for one VM, as each {@link DriverEra} had it:
 * {@code KVM_IRQFD} assign and deassign, the wake function, injection, shutdown, VM release and
 * the routing update. The consumer is registered after the irqfd is on the VM's list and the
 * eventfd's wait queue, and unregistered in {@code irqfd_shutdown} (drivers.md §4). A failed
 * registration is logged, or, with the proposed {@link
 * dev.irqlab.devices.DriverChange#KVM_IRQFD_REPORTS_BYPASS_FAILURE}, undone and returned; an
 * irqfd assigned with the proposed {@code KVM_IRQFD_FLAG_NO_IRQBYPASS} has no consumer at all.
 */
final class KvmEventfd extends Driver {
  private final Kvm kvm;

  KvmEventfd(Host host, Kvm kvm) {
    super(host);
    this.kvm = kvm;
  }

  /** {@code kvm_irqfd}: flag validation ({@code -EINVAL} for an unknown flag), then assign or deassign. */
  int kvmIrqfd(Files files, KvmIrqfdArgs args) {
    int known = KvmIrqfdArgs.DEASSIGN | KvmIrqfdArgs.RESAMPLE | (era.has(KVM_IRQFD_NO_IRQBYPASS_FLAG) ? KvmIrqfdArgs.NO_IRQBYPASS : 0);
    if ((args.flags() & ~known) != 0) {
      return -Errno.EINVAL;
    }
    if ((args.flags() & KvmIrqfdArgs.DEASSIGN) != 0) {
      return deassign(files, args);
    }
    try (Kernel.Scope in = kernel.faults().within(FaultPoints.KVM_IRQFD_ASSIGN)) {
      return assign(files, args);
    }
  }

  /** {@code kvm_irqfd_assign}. */
  private int assign(Files files, KvmIrqfdArgs args) {
    KvmIrqfd irqfd = KvmIrqfd.alloc(kernel, kvm, args.gsi(), this);
    if (irqfd == null) {
      return -Errno.ENOMEM;
    }
    irqfd.label(kvm.name() + ".irqfd.gsi" + args.gsi());
    irqfd.setNoIrqBypass((args.flags() & KvmIrqfdArgs.NO_IRQBYPASS) != 0);
    File f = files.fdget(args.fd());
    if (f == null) {
      kernel.memory().kfree(irqfd);
      return -Errno.EBADF;
    }
    if (!(f.ops() instanceof EventfdFile e)) {
      kernel.memory().kfree(irqfd);
      return -Errno.EINVAL;
    }
    irqfd.setEventfd(e.ctx().get());
    int ret = (args.flags() & KvmIrqfdArgs.RESAMPLE) != 0 ? KvmResampler.join(kvm, irqfd, files, args.resamplefd()) : 0;
    if (ret == 0) {
      ret = era.has(KVM_IRQFD_UNIQUE_BINDING) ? registerInPoll(irqfd) : listAddAndPoll(irqfd);
    }
    if (ret != 0) {
      assignFailed(irqfd);
      return ret;
    }
    if ((irqfd.eventfd().poll() & EventfdCtx.EPOLLIN) != 0) {
      host.trace().note("%s was already signalled: irqfd_inject scheduled for %s", irqfd.eventfd(), irqfd.consumer());
      host.systemWq().queue(irqfd.injectWork());
    }
    ret = registerConsumer(irqfd);
    if (ret != 0 && era.has(KVM_IRQFD_REPORTS_BYPASS_FAILURE)) {
      unpublish(irqfd);
      assignFailed(irqfd);
      return ret;
    }
    return 0;
  }

  /** The list era: the per-VM duplicate check, the snapshot and the list under the lock; then {@code vfs_poll}. */
  private int listAddAndPoll(KvmIrqfd irqfd) {
    try (Kernel.Scope lock = kvm.irqfdsLock.guard()) {
      for (KvmIrqfd tmp : kvm.irqfds) {
        kernel.work(Work.LIST_NODE, 1);
        if (tmp.eventfd() == irqfd.eventfd()) {
          return -Errno.EBUSY;
        }
      }
      irqfdUpdate(irqfd);
      kvm.irqfds.add(irqfd);
      irqfd.setActive(true);
    }
    if (era.has(KVM_IRQFD_PRIORITY_WAITER)) {
      irqfd.eventfd().addWaitQueuePriority(irqfd.waitEntry());
    } else {
      irqfd.eventfd().addWaitQueue(irqfd.waitEntry());
    }
    return 0;
  }

  /**
   * {@code kvm_irqfd_register} (6.17), the poll callback: snapshot, then the irqfd as the only
   * priority waiter ({@code -EBUSY} when any irqfd, in any VM, already waits), then the list.
   */
  private int registerInPoll(KvmIrqfd irqfd) {
    try (Kernel.Scope lock = kvm.irqfdsLock.guard()) {
      irqfdUpdate(irqfd);
      int ret = irqfd.eventfd().addWaitQueuePriorityExclusive(irqfd.waitEntry());
      if (ret != 0) {
        return ret;
      }
      kernel.warnOnOnce(kvm.irqfds.stream().peek(tmp -> kernel.work(Work.LIST_NODE, 1)).anyMatch(tmp -> tmp.eventfd() == irqfd.eventfd()));
      kvm.irqfds.add(irqfd);
      irqfd.setActive(true);
      return 0;
    }
  }

  private void assignFailed(KvmIrqfd irqfd) {
    if (irqfd.resampler() != null) {
      KvmResampler.shutdown(kvm, irqfd);
    }
    if (irqfd.resamplefd() != null) {
      irqfd.resamplefd().put();
    }
    irqfd.eventfd().put();
    kernel.memory().kfree(irqfd);
  }

  /**
   * The proposal's {@code fail_bypass} label, which falls through to {@code fail}: the irqfd off
   * the VM's list, then off the eventfd's wait queue and its injection flushed, as {@code
   * irqfd_shutdown} unhooks it. The routing is left as it is.
   */
  private void unpublish(KvmIrqfd irqfd) {
    try (Kernel.Scope lock = kvm.irqfdsLock.guard()) {
      kvm.irqfds.remove(irqfd);
      irqfd.setActive(false);
    }
    unhook(irqfd);
  }

  /** {@code eventfd_ctx_remove_wait_queue} (which drains the counter), then {@code flush_work(&irqfd->inject)}. */
  private void unhook(KvmIrqfd irqfd) {
    irqfd.eventfd().removeWaitQueue(irqfd.waitEntry());
    irqfd.eventfd().read();
    host.systemWq().flush(irqfd.injectWork());
  }

  /**
   * Registers the irqfd's consumer when the arch can bypass and the irqfd was not assigned
   * without bypass; returns what the manager returned. A failure is logged unless the drivers
   * report it to the caller instead.
   */
  private int registerConsumer(KvmIrqfd irqfd) {
    if (irqfd.noIrqBypass() || !kvm.arch().irqBypassConfigured() || !kvm.arch().hasIrqBypass()) {
      return 0;
    }
    IrqBypassConsumer consumer = irqfd.consumer();
    consumer.setAddProducer((c, p) -> {
      try (Kernel.Scope in = kernel.faults().within(FaultPoints.KVM_ARCH_ADD_PRODUCER)) {
        return kvm.arch().addProducer(KvmIrqfd.of(c), p);
      }
    });
    consumer.setDelProducer((c, p) -> {
      try (Kernel.Scope in = kernel.faults().within(FaultPoints.KVM_ARCH_DEL_PRODUCER)) {
        kvm.arch().delProducer(KvmIrqfd.of(c), p);
      }
    });
    consumer.setStop(c -> kvm.arch().stop(KvmIrqfd.of(c)));
    consumer.setStart(c -> kvm.arch().start(KvmIrqfd.of(c)));
    int ret = host.bypass().registerConsumer(consumer, irqfd.eventfd());
    if (ret != 0 && era.has(KVM_LOGS_BYPASS_FAILURE) && !era.has(KVM_IRQFD_REPORTS_BYPASS_FAILURE)) {
      Object key = era.bypassKey(consumer.token(), irqfd.eventfd());
      kernel.prInfo("irq bypass consumer (" + era.bypassKeyName() + " %p) registration fails: %d", key, ret);
    }
    return ret;
  }

  /** {@code kvm_irqfd_deassign}: returns 0 even when nothing matched. */
  private int deassign(Files files, KvmIrqfdArgs args) {
    ErrOr<EventfdCtx> eventfd = files.eventfdCtxFdget(args.fd());
    if (eventfd.isErr()) {
      return eventfd.err();
    }
    if (!era.has(KVM_UNREGISTER_IN_SHUTDOWN) && kvm.arch().irqBypassConfigured()) {
      matching(eventfd.value(), args.gsi()).stream().filter(i -> !i.noIrqBypass())
          .forEach(i -> host.bypass().unregisterConsumer(i.consumer()));
    }
    try (Kernel.Scope lock = kvm.irqfdsLock.guard()) {
      for (KvmIrqfd irqfd : matching(eventfd.value(), args.gsi())) {
        if (!era.has(KVM_DEASSIGN_KEEPS_ROUTE_TYPE)) {
          irqfd.setIrqEntry(irqfd.irqEntry().withTypeZeroed());
        }
        irqfdDeactivate(irqfd);
      }
    }
    eventfd.value().put();
    host.irqfdCleanupWq().flush();
    return 0;
  }

  private List<KvmIrqfd> matching(EventfdCtx eventfd, int gsi) {
    return kvm.irqfds.stream().filter(i -> i.eventfd() == eventfd && i.gsi() == gsi).toList();
  }

  /** {@code irqfd_deactivate}: off the list, shutdown queued. Called with the lock held. */
  private void irqfdDeactivate(KvmIrqfd irqfd) {
    if (!irqfd.isActive()) {
      throw kernel.bug("irqfd_deactivate of an inactive irqfd");
    }
    kvm.irqfds.remove(irqfd);
    irqfd.setActive(false);
    host.irqfdCleanupWq().queue(irqfd.shutdownWork());
  }

  /** {@code irqfd_update}: the GSI's route when it has exactly one, else type 0. Lock held. */
  private void irqfdUpdate(KvmIrqfd irqfd) {
    List<KvmIrqRoutingEntry> entries = kvm.routing().entries(irqfd.gsi());
    irqfd.setIrqEntry(entries.size() == 1 ? entries.get(0) : irqfd.irqEntry().withTypeZeroed());
  }

  /**
   * {@code irqfd_wakeup}, in atomic context: {@code EPOLLIN} injects (an MSI at once, anything
   * else through the inject work); {@code EPOLLHUP} deactivates.
   *
   * @return 1 when the event was consumed (the priority waiter drains the counter), else 0
   */
  int irqfdWakeup(KvmIrqfd irqfd, int key) {
    int ret = 0;
    if ((key & EventfdCtx.EPOLLIN) != 0) {
      if (era.has(KVM_IRQFD_PRIORITY_WAITER)) {
        irqfd.eventfd().read();
        ret = 1;
      }
      KvmIrqRoutingEntry entry = irqfd.irqEntry();
      if (entry.isMsi()) {
        kvm.inject(entry, Path.IRQFD);
      } else {
        host.systemWq().queue(irqfd.injectWork());
      }
    }
    if ((key & EventfdCtx.EPOLLHUP) != 0) {
      try (Kernel.Scope lock = kvm.irqfdsLock.guard()) {
        if (irqfd.isActive()) {
          irqfdDeactivate(irqfd);
        }
      }
    }
    return ret;
  }

  /**
   * {@code irqfd_inject}: pulses the GSI, or, for a resampler, raises it and leaves it high until
   * the guest's EOI ({@link Kvm#eoi}).
   */
  void irqfdInject(KvmIrqfd irqfd) {
    kvm.setIrq(irqfd.gsi(), 1);
    if (irqfd.resampler() == null) {
      kvm.setIrq(irqfd.gsi(), 0);
    }
  }

  /** {@code irqfd_shutdown}, from the cleanup workqueue: unhooks, unregisters (unless it has no consumer), frees. */
  void irqfdShutdown(KvmIrqfd irqfd) {
    unhook(irqfd);
    if (irqfd.resampler() != null) {
      KvmResampler.shutdown(kvm, irqfd);
      irqfd.resamplefd().put();
    }
    if (era.has(KVM_UNREGISTER_IN_SHUTDOWN) && !irqfd.noIrqBypass() && kvm.arch().irqBypassConfigured()) {
      host.bypass().unregisterConsumer(irqfd.consumer());
    }
    irqfd.eventfd().put();
    kernel.memory().kfree(irqfd);
  }

  /** {@code kvm_irqfd_release}: the VM is going; every irqfd is deactivated and shut down. */
  void irqfdRelease() {
    try (Kernel.Scope lock = kvm.irqfdsLock.guard()) {
      List.copyOf(kvm.irqfds).forEach(this::irqfdDeactivate);
    }
    host.irqfdCleanupWq().flush();
  }

  /** {@code kvm_irq_routing_update}: re-snapshots every irqfd; a connected one calls the arch hook. */
  void irqRoutingUpdate() {
    try (Kernel.Scope in = kernel.faults().within(FaultPoints.KVM_IRQ_ROUTING_UPDATE);
        Kernel.Scope lock = kvm.irqfdsLock.guard()) {
      for (KvmIrqfd irqfd : kvm.irqfds) {
        kernel.work(Work.LIST_NODE, 1);
        KvmIrqRoutingEntry old = irqfd.irqEntry();
        irqfdUpdate(irqfd);
        if (irqfd.producer() == null) {
          continue;
        }
        KvmIrqRoutingEntry now = irqfd.irqEntry();
        if (era.has(X86_IRQ_BYPASS_REWORK)) {
          kvm.arch().updateIrqfdRouting(irqfd, old, now);
        } else if (!era.has(KVM_ROUTE_CHANGED_CHECK) || kvm.arch().irqfdRouteChanged(old, now)) {
          kernel.warnOn(kvm.arch().updateIrqfdRouting(irqfd, old, now) != 0);
        }
      }
    }
  }
}
