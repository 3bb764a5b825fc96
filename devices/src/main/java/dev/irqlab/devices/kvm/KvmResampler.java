package dev.irqlab.devices.kvm;

import dev.irqlab.devices.Host;
import dev.irqlab.devices.user.ErrOr;
import dev.irqlab.devices.user.Files;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct kvm_kernel_irqfd_resampler}: the resample irqfds of one level-triggered GSI and
 * its ack notifier. An injection raises the line and leaves it high; when the guest acknowledges
 * the interrupt (its EOI, {@link Kvm#eoi}), {@code irqfd_resampler_ack} lowers the line, then
 * signals every resamplefd.
 */
final class KvmResampler extends KObject {
  private final int gsi;
  private final List<KvmIrqfd> irqfds = new ArrayList<>();

  private KvmResampler(Kernel kernel, int gsi) {
    super(kernel, "struct kvm_kernel_irqfd_resampler", 96);
    this.gsi = gsi;
  }

  static KvmResampler alloc(Kernel kernel, int gsi) {
    return kernel.memory().kzalloc("kvm_kernel_irqfd_resampler", Gfp.KERNEL, () -> new KvmResampler(kernel, gsi));
  }

  int gsi() {
    touch();
    return gsi;
  }

  List<KvmIrqfd> irqfds() {
    touch();
    return irqfds;
  }

  /**
   * The {@code KVM_IRQFD_FLAG_RESAMPLE} part of {@code kvm_irqfd_assign}: resolves the
   * resamplefd and joins (or creates) the GSI's resampler.
   */
  static int join(Kvm kvm, KvmIrqfd irqfd, Files files, int resamplefd) {
    ErrOr<EventfdCtx> r = files.eventfdCtxFdget(resamplefd);
    if (r.isErr()) {
      return r.err();
    }
    irqfd.setResampler(null, r.value());
    Kernel kernel = kvm.host().kernel();
    kvm.resamplerLock.lock();
    try {
      KvmResampler resampler = kvm.resamplers.stream().filter(x -> x.gsi() == irqfd.gsi()).findFirst().orElse(null);
      if (resampler == null) {
        resampler = alloc(kernel, irqfd.gsi());
        if (resampler == null) {
          return -Errno.ENOMEM;
        }
        kvm.resamplers.add(resampler);
      }
      resampler.irqfds().add(irqfd);
      irqfd.setResampler(resampler, r.value());
      return 0;
    } finally {
      kvm.resamplerLock.unlock();
    }
  }

  /** {@code irqfd_resampler_shutdown}: the last irqfd of a GSI frees its resampler. */
  static void shutdown(Kvm kvm, KvmIrqfd irqfd) {
    kvm.resamplerLock.lock();
    try {
      KvmResampler resampler = irqfd.resampler();
      resampler.irqfds().remove(irqfd);
      if (resampler.irqfds().isEmpty()) {
        kvm.resamplers.remove(resampler);
        kvm.setIrq(resampler.gsi(), 0);
        kvm.host().kernel().memory().kfree(resampler);
      }
    } finally {
      kvm.resamplerLock.unlock();
    }
  }

  /** {@code irqfd_resampler_ack}: the guest acknowledged: the line drops, every resamplefd is signalled. */
  static void ack(Host host, Kvm kvm, KvmResampler resampler) {
    kvm.setIrq(resampler.gsi(), 0);
    for (KvmIrqfd irqfd : List.copyOf(resampler.irqfds())) {
      host.interrupts().signal(irqfd.resamplefd(), "resample " + kvm.name() + " gsi " + resampler.gsi());
    }
  }
}
