package dev.irqlab.devices;

import java.util.Locale;

/**
 * One documented change in how the callers of the IRQ bypass manager behave: a caller-side
 * commit, with its upstream reference and date as spec/drivers.md gives them. A {@link
 * DriverEra} is the set of these changes a kernel of that time carries.
 *
 * <p>Each constant describes the behaviour the drivers show when the change is present; the
 * Javadoc says what they do without it. Where drivers.md marks a hash or date as not verified,
 * {@link #commit()} says so instead of guessing. The last constants are proposals that no kernel
 * carries: their commit is {@value #PROPOSAL}, their release {@code proposal}, and their date
 * that of the cover letter whose future work they implement.
 */
public enum DriverChange {
  /**
   * VFIO INTx registers a producer after {@code request_irq} and unregisters it after {@code
   * free_irq}. Only the June 2015 prototype's stubs did this; no merged kernel does (drivers.md
   * §2.1).
   */
  VFIO_INTX_PRODUCER(Driver.VFIO, "prototype stubs in Alex Williamson's mail of 18 Jun 2015", "2015-06-18", "RFC", "INTx registers a producer"),

  /**
   * A failed producer registration is logged with {@code dev_info} "irq bypass producer (token
   * %p) registration fails: %d". Without it (the 2015 stubs) the result is ignored silently.
   */
  VFIO_LOGS_BYPASS_FAILURE(Driver.VFIO, "6d7425f109d2", "2015", "v4.4", "logs a failed producer registration"),

  /**
   * Teardown unregisters the producer before {@code free_irq}. Without it (v4.4 to about v5.4)
   * {@code free_irq} runs first: d567fb881916 "vfio/pci: call irq_bypass_unregister_producer()
   * before freeing irq", Cc stable 4.4+.
   */
  VFIO_UNREGISTER_BEFORE_FREE_IRQ(Driver.VFIO, "d567fb881916", "2019-12", "v5.5", "unregisters before free_irq"),

  /**
   * After a failed registration the producer's token is cleared, so a later unregister cannot
   * match another producer: 852b1beecb6f "vfio/pci: Clear token on bypass registration failure"
   * (Fixes: 6d7425f109d2). Removed again in 6.17, when the manager owns the eventfd.
   */
  VFIO_CLEAR_TOKEN_ON_FAILURE(Driver.VFIO, "852b1beecb6f", "2020-10", "v5.10", "clears the token after a failed registration"),

  /**
   * Each vector's {@code vfio_pci_irq_ctx} is allocated when the vector gets a trigger and freed
   * with it (an xarray of contexts, dynamic MSI-X). Without it, one context array is allocated
   * at MSI enable and freed at MSI disable, and the rollback of a failed block counts down.
   * drivers.md §2.2 names the release (v6.5) but no commit.
   */
  VFIO_CTX_PER_VECTOR(Driver.VFIO, "not named in drivers.md", "2023", "v6.5", "one context per vector, freed with it"),

  /**
   * vfio's virqfd (the unmask eventfd of INTx, {@code VFIO_IRQ_SET_ACTION_UNMASK} with
   * {@code DATA_EVENTFD}) drains the eventfd's counter when it is woken, so the events it handles
   * do not pile up for another reader: "vfio/virqfd: Drain events from eventfd in
   * virqfd_wakeup()", David Woodhouse, patch 2/3 of the series whose 3/3 made KVM's irqfd drain
   * too (lore:20201027135523.646811-3-dwmw2@infradead.org; the mainline hash is not checked
   * here). Without it, the counter of a resample eventfd keeps rising for user space to read.
   */
  VFIO_VIRQFD_DRAINS(Driver.VFIO, "lore:20201027135523.646811-3-dwmw2@infradead.org", "2020-10-27", "v5.11", "virqfd drains its eventfd"),

  /**
   * vhost-vDPA offloads virtqueue interrupts: each vq's call context carries a producer with the
   * {@code get_vq_irq} IRQ: 2cf1ba9a4d15 "vhost_vdpa: implement IRQ offloading in vhost_vdpa".
   * Without it vhost-vDPA registers no producer.
   */
  VDPA_IRQ_OFFLOAD(Driver.VDPA, "2cf1ba9a4d15", "2020-07-31", "v5.9", "vq interrupts are offloaded"),

  /**
   * A failed registration is logged with "vq %u, irq bypass producer (token %p) registration
   * fails, ret =  %d": "vdpa: handle irq bypass register failure case",
   * lore:20201023104046.404794-1-lingshan.zhu@intel.com (hash not named in drivers.md).
   */
  VDPA_LOGS_BYPASS_FAILURE(Driver.VDPA, "lore:20201023104046.404794-1-lingshan.zhu@intel.com", "2020-10-23", "v5.10", "logs a failed producer registration"),

  /**
   * The producer is registered only while DRIVER_OK is set, and unregistered before the old call
   * eventfd can be released. Without it, every VHOST_SET_VRING_CALL unregisters unconditionally
   * and registers again, whatever the status: 02e9e9366fef "vhost_vdpa: assign irq bypass
   * producer token correctly" (lore:20240816031900.18013-1-jasowang@redhat.com).
   */
  VDPA_REGISTER_AT_DRIVER_OK(Driver.VDPA, "02e9e9366fef", "2024-08-16", "v6.12", "registers only while DRIVER_OK"),

  /**
   * The irqfd's consumer is unregistered in {@code irqfd_shutdown}, on every path that ends an
   * irqfd (deassign, eventfd close, VM destroy). Without it (the 2015 stubs) the consumer is
   * unregistered only at the top of {@code kvm_irqfd_deassign}, and an irqfd ended by a close or
   * a VM destroy is freed while still registered (drivers.md §4.4).
   */
  KVM_UNREGISTER_IN_SHUTDOWN(Driver.KVM, "hash not named in drivers.md", "2015", "v4.4", "unregisters in irqfd_shutdown"),

  /**
   * A failed consumer registration is logged with {@code pr_info} "irq bypass consumer (token %p)
   * registration fails: %d". Without it (the 2015 stubs) the result is ignored silently.
   */
  KVM_LOGS_BYPASS_FAILURE(Driver.KVM, "hash not named in drivers.md", "2015", "v4.4", "logs a failed consumer registration"),

  /**
   * {@code kvm_arch_has_irq_bypass()} is {@code enable_apicv} and the IOMMU's posting
   * capability, so a host that cannot post registers no consumer: 5e1fe4a21c0c "KVM: x86/irq:
   * Conditionally register IRQ bypass consumer again" (lore:20230724111236.76570-1-likexu@tencent.com).
   * Without it x86 always registers.
   */
  KVM_BYPASS_NEEDS_POSTING(Driver.KVM, "5e1fe4a21c0c", "2023-07-24", "v6.5", "registers a consumer only on a host that can post"),

  /**
   * The {@code enable_device_posted_irqs} module parameter of kvm_intel and kvm_amd (0444,
   * default true, ANDed with APICv and IOMMU posting) gates {@code kvm_arch_has_irq_bypass()}:
   * 459074cff66f, "KVM: x86: Misc changes for 6.16".
   */
  KVM_DEVICE_POSTED_IRQS_PARAM(Driver.KVM, "459074cff66f", "2025-05-23", "v6.16", "enable_device_posted_irqs gates bypass"),

  /**
   * The irqfd waits on its eventfd as an exclusive priority waiter and drains the counter, so
   * it sees each event before any other waiter and hides it from them; of two irqfds on one
   * eventfd only the first is woken: e8dbf19508a1 "kvm/eventfd: Use priority waitqueue to catch
   * events before userspace" and b59e00dd8cda. Without it, a plain waiter that drains nothing.
   */
  KVM_IRQFD_PRIORITY_WAITER(Driver.KVM, "e8dbf19508a1", "2020-10-27", "v5.11", "irqfd is an exclusive priority waiter"),

  /**
   * A routing update calls the arch hook only when {@code kvm_arch_irqfd_route_changed()} says
   * the route changed: on x86 a new route that is not MSI always counts as changed, and an MSI
   * route counts as changed when its MSI fields differ from the old entry's, whatever the old
   * entry's type: 515a0c79e796 "kvm: irqfd: avoid update unmodified entries of the routing"
   * (lore:20210827080003.2689-1-longpeng2@huawei.com). An irqfd whose GSI lost its single route
   * keeps the old fields with its type zeroed, so a route back to the same MSI looks unchanged
   * until {@link #KVM_ROUTE_TYPE_CHANGE_IS_CHANGE}. Without it every update calls the hook.
   */
  KVM_ROUTE_CHANGED_CHECK(Driver.KVM, "515a0c79e796", "2021-08-27", "v5.16", "routing updates skip unchanged MSI routes"),

  /**
   * {@code kvm_arch_irqfd_route_changed()} also treats an old entry that was not MSI as a
   * change, so a route from no route (or an irqchip pin) back to the same MSI posts again:
   * bcda70c56f3e "KVM: x86: Explicitly treat routing entry type changes as changes"
   * (lore:20250404193923.1413163-4-seanjc@google.com, Fixes: 515a0c79e796, Cc stable; in
   * v6.15-rc4, pushed 24 Apr 2025). Without it, only the new entry's type is checked. Only the
   * list-era form of the hooks reads it: 6.17 folds the check into its routing update.
   */
  KVM_ROUTE_TYPE_CHANGE_IS_CHANGE(Driver.X86, "bcda70c56f3e", "2025-04-04", "v6.15", "a route type change counts as a change"),

  /**
   * {@code kvm_arch_irq_bypass_add_producer} starts an assignment ({@code
   * kvm_arch_start_assignment}) and {@code del_producer} ends it, so a VM with a connected
   * producer has an assigned device and may post, bound to its VFIO group or not: 2edd9cb79fb3
   * "kvm: detect assigned device via irqbypass manager" (Zhu Lingshan's vDPA IRQ offloading
   * series, v5.9). Without it only the kvm-vfio device's {@code KVM_DEV_VFIO_GROUP_ADD} counts
   * an assigned device, and {@code vmx_update_pi_irte} leaves the IRTE remapped in a VM that was
   * never bound to the group. Reverted for 6.17 (ff845e6a84c8, then bbc13ae593e0 "VFIO: KVM:
   * x86: Drop kvm_arch_{start,end}_assignment()"), when the 6.17 hooks stopped reading the
   * count; only the list-era form of the hooks reads it.
   */
  X86_BYPASS_STARTS_ASSIGNMENT(Driver.X86, "2edd9cb79fb3", "2020-07-31", "v5.9", "a connected producer counts as an assigned device"),

  /**
   * An eventfd can back one irqfd in the whole system: the irqfd is added as the only priority
   * waiter inside the poll callback, and a second binding, in any VM, fails with {@code -EBUSY}:
   * 2cdd64cbf990, Sean Christopherson's irqfd series v3
   * (lore:20250522235223.3178519-5-seanjc@google.com).
   */
  KVM_IRQFD_UNIQUE_BINDING(Driver.KVM, "2cdd64cbf990", "2025-05-22", "v6.17", "one irqfd per eventfd, system-wide"),

  /**
   * SVM provides {@code update_pi_irte} ({@code avic_pi_update_irte}), so on an AMD host ({@code
   * vendor=amd}) a connect posts through AVIC and the AMD IOMMU's guest virtual APIC mode: 411b44ba80ab
   * "svm: Implements update_pi_irte hook to setup posted interrupt" (Suravee Suthikulpanit; the
   * AVIC IOMMU series of 2016, whose release is not checked against a tag here). Without it the
   * v4.4 {@code kvm_arch_irq_bypass_add_producer} finds no vendor op on AMD and returns {@code
   * -EINVAL}, so every connect fails, and {@code del_producer} WARNs if a producer is recorded
   * and returns. Intel's VMX had the op from v4.4 (efc644048ecd).
   */
  SVM_UPDATE_PI_IRTE(Driver.X86, "411b44ba80ab", "2016-08", "v4.9", "SVM (AMD) provides update_pi_irte"),

  /**
   * arm64 KVM consumes producers with GICv4 (host {@code arch=arm64}): {@code
   * kvm_arch_has_irq_bypass()} is true, {@code add_producer} and {@code del_producer} map and
   * unmap the device's LPI as a vLPI of the target vCPU ({@code kvm_vgic_v4_set_forwarding},
   * {@code kvm_vgic_v4_unset_forwarding}), and {@code stop} and {@code start} halt and resume
   * every vCPU of the VM ({@code kvm_arm_halt_guest}, {@code kvm_arm_resume_guest}): 196b136498b3
   * "KVM: arm/arm64: GICv4: Wire mapping/unmapping of VLPIs in VFIO irq bypass" (Marc Zyngier,
   * v4.15). Without it, an arm64 kernel registers no consumer: its irqfds always inject in
   * software. drivers.md §6; read in virt/kvm/arm/arm.c and vgic/vgic-v4.c at 010e85f9e47c and
   * 0b5eca67bd2d, and arch/arm64/kvm/arm.c at 004a01241c5a (v5.9 era) and 2555693dd85c.
   */
  ARM64_GICV4_FORWARDING(Driver.ARM64, "196b136498b3", "2017-11", "v4.15", "arm64 forwards MSIs as GICv4 vLPIs"),

  /**
   * The 6.17 x86 hooks: {@code kvm_pi_update_irte} from the irqfd's own routing entry, add and
   * del only for an MSI route, {@code irqfd->producer} cleared after the IRTE update, a void
   * routing update that reverts a non-MSI route and no longer WARNs (cb210737675e, 9517aedecd0e,
   * 77bb184ab880, b33252b9d172, 77e1b8332d1d). Without it, the list-era hooks: {@code
   * pi_update_irte} walks the GSI's current routes and skips non-MSI ones.
   */
  X86_IRQ_BYPASS_REWORK(Driver.X86, "cb210737675e", "2025-05", "v6.17", "the 6.17 posted-interrupt hooks"),

  /**
   * The manager owns the eventfd: callers stop writing the token and their log lines print
   * "(eventfd %p)" with the eventfd instead of "(token %p)" with the token: 2b521d86ee80
   * "irqbypass: Take ownership of producer/consumer token tracking" (Sean Christopherson v2 3/8).
   * The writes themselves ({@code producer.token = trigger} before registering) are each
   * revision's side of its own API, so any revision can run with any era; what is left to the
   * drivers is what they print.
   */
  MANAGER_OWNS_EVENTFD(Driver.ALL, "2b521d86ee80", "2025-05-16", "v6.17", "callers leave the token to the manager"),

  /**
   * Deassign no longer zeroes the irqfd's routing type, so the 6.17 {@code del_producer} still
   * sees an MSI route and reverts the IRTE: "KVM: Don't clobber irqfd routing type when
   * deassigning irqfd" (lore:20260113174606.104978-2-seanjc@google.com, Fixes: cb210737675e).
   * Without it, 6.17 leaves the IRTE posted after a deassign.
   */
  KVM_DEASSIGN_KEEPS_ROUTE_TYPE(Driver.KVM, "lore:20260113174606.104978-2-seanjc@google.com", "2026-01-13", "stable", "deassign keeps the routing type"),

  /**
   * A failed 6.17 {@code kvm_arch_irq_bypass_add_producer} clears {@code irqfd->producer}:
   * ed446e8aa894 "KVM: x86: Nullify irqfd->producer if updating IRTE for bypass fails" (leixiang,
   * lore:1782119051448443.14545.seg@mailgw.kylinos.cn, Fixes: 77e1b8332d1d, Cc stable,
   * CVE-2026-72283; not in drivers.md). Without it the producer of a failed connect stays in the
   * irqfd although the manager never connected it: the next routing update posts its IRTE behind
   * the manager's back, and once VFIO frees the vector's context, reads its {@code irq} from freed
   * memory. Only the 6.17 form of the hooks carries it.
   */
  X86_CLEARS_PRODUCER_ON_FAILURE(Driver.X86, "ed446e8aa894", "2026-06-22", "stable", "clear irqfd->producer when add_producer fails"),

  /**
   * Proposal, not upstream: {@code kvm_irqfd_assign} fails with the error {@code
   * irq_bypass_register_consumer} returned, instead of logging it, and undoes the irqfd as its
   * other error paths do: off the VM's list and the eventfd's wait queue (which drains the
   * counter), its pending injection flushed, then the {@code fail} label (the resampler shut
   * down, the resample eventfd and the eventfd put, the irqfd freed); the routing is not touched.
   * Sean Christopherson's 2025 cover letter calls "not reporting an error to userspace if
   * connect() fails" "*awful* behavior for environments that want/need irqbypass to always work"
   * and leaves it for later (lore:20250404211449.1443336-1-seanjc@google.com). Without it, the
   * failure is logged ({@link #KVM_LOGS_BYPASS_FAILURE}) and {@code KVM_IRQFD} returns 0.
   */
  KVM_IRQFD_REPORTS_BYPASS_FAILURE(Driver.KVM, DriverChange.PROPOSAL, "2025-04-04", "proposal", "fail KVM_IRQFD with the consumer registration's error"),

  /**
   * Proposal, not upstream: {@code vfio_msi_set_vector_signal} fails with the error {@code
   * irq_bypass_register_producer} returned, instead of logging it, and undoes the vector as its
   * other error paths do ({@code free_irq}, the name freed, the trigger put, the context freed),
   * so {@code vfio_msi_set_block} rolls the block back and {@code VFIO_DEVICE_SET_IRQS} returns
   * the error (an enable that fails disables MSI again). The same cover letter as {@link
   * #KVM_IRQFD_REPORTS_BYPASS_FAILURE}. vhost-vDPA is left as it is: it registers after the
   * device has been told DRIVER_OK, or after the call eventfd was swapped and the old one put,
   * so failing those ioctls would leave a running device or a released eventfd behind, and its
   * virtqueues work without bypass ("vqs still remain functional"). Freeing the context at once
   * turns the stale {@code irqfd->producer} of 6.17 into a use-after-free at the next routing
   * update, so drivers with this change need {@link #X86_CLEARS_PRODUCER_ON_FAILURE} too.
   */
  VFIO_REPORTS_BYPASS_FAILURE(Driver.VFIO, DriverChange.PROPOSAL, "2025-04-04", "proposal", "fail VFIO_DEVICE_SET_IRQS with the producer registration's error"),

  /**
   * Proposal, not upstream: {@code KVM_IRQFD} takes {@code KVM_IRQFD_FLAG_NO_IRQBYPASS} ({@code
   * 1 << 2}, {@link dev.irqlab.devices.kvm.KvmIrqfdArgs#NO_IRQBYPASS}); an irqfd assigned with it
   * registers no consumer, and its shutdown unregisters none, so its interrupts always come
   * through the eventfd. Proposed in the same cover letter "so that userspace can opt-out on a
   * per-IRQ basis", after bugzilla 217379 (the reporter's idea) and Like Xu's 2023
   * KVM_IRQFD_FLAG_NO_BYPASS. Without it, the flag is an unknown flag and {@code KVM_IRQFD}
   * returns {@code -EINVAL}, as for any unknown flag.
   */
  KVM_IRQFD_NO_IRQBYPASS_FLAG(Driver.KVM, DriverChange.PROPOSAL, "2025-04-04", "proposal", "accept KVM_IRQFD_FLAG_NO_IRQBYPASS");

  /**
   * What {@link #commit()} says of a change no kernel carries: a proposal, dated by the cover
   * letter whose future work it implements, with {@code proposal} as its {@link #release()}.
   */
  public static final String PROPOSAL = "proposal, not upstream";

  /** Which caller a change is in. */
  public enum Driver {
    VFIO,
    VDPA,
    KVM,
    X86,
    ARM64,
    ALL
  }

  private final Driver driver;
  private final String commit;
  private final String date;
  private final String release;
  private final String summary;

  DriverChange(Driver driver, String commit, String date, String release, String summary) {
    this.driver = driver;
    this.commit = commit;
    this.date = date;
    this.release = release;
    this.summary = summary;
  }

  public Driver driver() {
    return driver;
  }

  /** The upstream commit or mail, or what drivers.md says when it names none. */
  public String commit() {
    return commit;
  }

  /** The date, as precise as drivers.md gives it ({@code 2020-10-27}, {@code 2019-12}). */
  public String date() {
    return date;
  }

  /** The release it first shipped in, or {@code RFC} / {@code stable} / {@code proposal}. */
  public String release() {
    return release;
  }

  /** True for a change no kernel carries ({@value #PROPOSAL}). */
  public boolean isProposal() {
    return PROPOSAL.equals(commit);
  }

  /** What the driver does with the change, in a few words. */
  public String summary() {
    return summary;
  }

  /** {@code VFIO_UNREGISTER_BEFORE_FREE_IRQ: unregisters before free_irq (d567fb881916, 2019-12, v5.5)}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s: %s (%s, %s, %s)", name(), summary, commit, date, release);
  }
}
