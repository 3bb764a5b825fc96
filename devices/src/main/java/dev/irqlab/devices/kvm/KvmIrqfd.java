package dev.irqlab.devices.kvm;

import dev.irqlab.devices.sched.Work;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.WaitQueueEntry;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;

/**
 * {@code struct kvm_kernel_irqfd}: an eventfd bound to a GSI of one VM, with the IRQ bypass
 * consumer embedded in it.
 *
 * <p>Allocated by {@code kvm_irqfd_assign} and freed by {@code irqfd_shutdown} through the
 * kernel's allocator, so a manager that keeps a pointer to the embedded consumer after that is
 * reported as a use-after-free. Every accessor is KASAN-checked.
 */
public final class KvmIrqfd extends KObject {
  private static final int SIZE = 256;
  private static final int CONSUMER_OFFSET = 128;

  private final Kvm kvm;
  private final int gsi;
  private final IrqBypassConsumer consumer;
  private final WaitQueueEntry wait;
  private final Work inject;
  private final Work shutdown;
  private EventfdCtx eventfd;
  private KvmIrqRoutingEntry irqEntry;
  private IrqBypassProducer producer;
  private KvmResampler resampler;
  private EventfdCtx resamplefd;
  private Vcpu irqBypassVcpu;
  private boolean onList;
  private boolean noIrqBypass;

  private KvmIrqfd(Kernel kernel, Kvm kvm, int gsi, KvmEventfd ops) {
    super(kernel, "struct kvm_kernel_irqfd", SIZE);
    this.kvm = kvm;
    this.gsi = gsi;
    this.irqEntry = KvmIrqRoutingEntry.none(gsi);
    this.consumer = IrqBypassConsumer.embeddedIn(this, CONSUMER_OFFSET);
    this.wait = new WaitQueueEntry((w, key) -> ops.irqfdWakeup(this, key), this);
    this.inject = new Work("irqfd_inject", () -> ops.irqfdInject(this));
    this.shutdown = new Work("irqfd_shutdown", () -> ops.irqfdShutdown(this));
  }

  /** {@code kzalloc(sizeof(*irqfd), GFP_KERNEL_ACCOUNT)} and its {@code INIT_WORK}s: null on failure. */
  static KvmIrqfd alloc(Kernel kernel, Kvm kvm, int gsi, KvmEventfd ops) {
    return kernel.memory().kzalloc("kvm_kernel_irqfd", Gfp.KERNEL, () -> new KvmIrqfd(kernel, kvm, gsi, ops));
  }

  /** Names the irqfd {@code name} and its consumer {@code name.consumer}. */
  void label(String name) {
    setName(name);
    consumer.setName(name + ".consumer");
  }

  /** The irqfd that embeds {@code consumer} ({@code container_of}). */
  public static KvmIrqfd of(IrqBypassConsumer consumer) {
    return (KvmIrqfd) consumer.container();
  }

  public Kvm kvm() {
    touch();
    return kvm;
  }

  public int gsi() {
    touch();
    return gsi;
  }

  public IrqBypassConsumer consumer() {
    touch();
    return consumer;
  }

  WaitQueueEntry waitEntry() {
    touch();
    return wait;
  }

  Work injectWork() {
    touch();
    return inject;
  }

  Work shutdownWork() {
    touch();
    return shutdown;
  }

  public EventfdCtx eventfd() {
    touch();
    return eventfd;
  }

  void setEventfd(EventfdCtx eventfd) {
    touch();
    this.eventfd = eventfd;
  }

  /** {@code irqfd->irq_entry}: the snapshot of the GSI's single route, type 0 when there is none. */
  public KvmIrqRoutingEntry irqEntry() {
    touch();
    return irqEntry;
  }

  void setIrqEntry(KvmIrqRoutingEntry entry) {
    touch();
    this.irqEntry = entry;
  }

  /** {@code irqfd->producer}: the connected producer, as the x86 hooks record it. */
  public IrqBypassProducer producer() {
    touch();
    return producer;
  }

  public void setProducer(IrqBypassProducer producer) {
    touch();
    this.producer = producer;
  }

  KvmResampler resampler() {
    touch();
    return resampler;
  }

  void setResampler(KvmResampler resampler, EventfdCtx resamplefd) {
    touch();
    this.resampler = resampler;
    this.resamplefd = resamplefd;
  }

  EventfdCtx resamplefd() {
    touch();
    return resamplefd;
  }

  /** {@code irqfd->irq_bypass_vcpu} (6.17): the vCPU its IRTE posts to, or null. */
  public Vcpu irqBypassVcpu() {
    touch();
    return irqBypassVcpu;
  }

  public void setIrqBypassVcpu(Vcpu vcpu) {
    touch();
    this.irqBypassVcpu = vcpu;
  }

  /** Assigned with {@code KVM_IRQFD_FLAG_NO_IRQBYPASS} (a proposal): it has no consumer to register or unregister. */
  boolean noIrqBypass() {
    touch();
    return noIrqBypass;
  }

  void setNoIrqBypass(boolean noIrqBypass) {
    touch();
    this.noIrqBypass = noIrqBypass;
  }

  /** {@code irqfd_is_active()}: on the VM's list. */
  boolean isActive() {
    touch();
    return onList;
  }

  void setActive(boolean active) {
    touch();
    this.onList = active;
  }
}
