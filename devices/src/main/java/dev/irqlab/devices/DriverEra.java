package dev.irqlab.devices;

import static dev.irqlab.devices.DriverChange.ARM64_GICV4_FORWARDING;
import static dev.irqlab.devices.DriverChange.KVM_BYPASS_NEEDS_POSTING;
import static dev.irqlab.devices.DriverChange.KVM_DEASSIGN_KEEPS_ROUTE_TYPE;
import static dev.irqlab.devices.DriverChange.KVM_DEVICE_POSTED_IRQS_PARAM;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_NO_IRQBYPASS_FLAG;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_PRIORITY_WAITER;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_REPORTS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_UNIQUE_BINDING;
import static dev.irqlab.devices.DriverChange.KVM_LOGS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.KVM_ROUTE_CHANGED_CHECK;
import static dev.irqlab.devices.DriverChange.KVM_ROUTE_TYPE_CHANGE_IS_CHANGE;
import static dev.irqlab.devices.DriverChange.KVM_UNREGISTER_IN_SHUTDOWN;
import static dev.irqlab.devices.DriverChange.MANAGER_OWNS_EVENTFD;
import static dev.irqlab.devices.DriverChange.SVM_UPDATE_PI_IRTE;
import static dev.irqlab.devices.DriverChange.VDPA_IRQ_OFFLOAD;
import static dev.irqlab.devices.DriverChange.VDPA_LOGS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.VDPA_REGISTER_AT_DRIVER_OK;
import static dev.irqlab.devices.DriverChange.VFIO_CLEAR_TOKEN_ON_FAILURE;
import static dev.irqlab.devices.DriverChange.VFIO_CTX_PER_VECTOR;
import static dev.irqlab.devices.DriverChange.VFIO_INTX_PRODUCER;
import static dev.irqlab.devices.DriverChange.VFIO_LOGS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.VFIO_REPORTS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.VFIO_UNREGISTER_BEFORE_FREE_IRQ;
import static dev.irqlab.devices.DriverChange.VFIO_VIRQFD_DRAINS;
import static dev.irqlab.devices.DriverChange.X86_BYPASS_STARTS_ASSIGNMENT;
import static dev.irqlab.devices.DriverChange.X86_CLEARS_PRODUCER_ON_FAILURE;
import static dev.irqlab.devices.DriverChange.X86_IRQ_BYPASS_REWORK;

import dev.irqlab.kernel.EventfdCtx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A driver profile: how the callers of the IRQ bypass manager (VFIO-PCI, vhost-vDPA, KVM and
 * its x86 hooks) behaved at one point in history, as the set of documented {@link DriverChange
 * changes} they carry (spec/drivers.md).
 *
 * <p>Each revision's {@code RevisionInfo.defaultEra()} names the era of its own time, and any
 * revision can run with any era, including one made with {@link #with} and {@link #without}.
 * The catalogue is in history order; its last era, {@code proposal-report-errors}, is not a
 * kernel but a proposal: 6.17 with the January 2026 deassign fix, the June 2026 fix that
 * clears {@code irqfd->producer} after a failed connect (which the proposal needs), and the
 * {@link DriverChange#isProposal() proposed changes}: KVM_IRQFD and VFIO_DEVICE_SET_IRQS failing
 * with a bypass registration's error, and KVM_IRQFD_FLAG_NO_IRQBYPASS.
 *
 * @param id the era's id ({@code v6.17-fix})
 * @param title what the era is, in a few words
 * @param changes the changes its drivers carry
 */
public record DriverEra(String id, String title, Set<DriverChange> changes) {

  private static final Set<DriverChange> V4_4 =
      plus(Set.of(), VFIO_LOGS_BYPASS_FAILURE, KVM_UNREGISTER_IN_SHUTDOWN, KVM_LOGS_BYPASS_FAILURE);
  private static final Set<DriverChange> V5_9 =
      plus(V4_4, VFIO_UNREGISTER_BEFORE_FREE_IRQ, VDPA_IRQ_OFFLOAD, X86_BYPASS_STARTS_ASSIGNMENT,
          ARM64_GICV4_FORWARDING, SVM_UPDATE_PI_IRTE);
  private static final Set<DriverChange> V6_5 =
      plus(V5_9, VFIO_CLEAR_TOKEN_ON_FAILURE, VFIO_CTX_PER_VECTOR, VDPA_LOGS_BYPASS_FAILURE,
          KVM_IRQFD_PRIORITY_WAITER, VFIO_VIRQFD_DRAINS, KVM_ROUTE_CHANGED_CHECK, KVM_BYPASS_NEEDS_POSTING);
  private static final Set<DriverChange> V6_16 =
      plus(V6_5, VDPA_REGISTER_AT_DRIVER_OK, KVM_DEVICE_POSTED_IRQS_PARAM, KVM_ROUTE_TYPE_CHANGE_IS_CHANGE);
  /** The callers as patch 3 of Sean Christopherson's v2 series left them, before the 6.17 x86 rework. */
  private static final Set<DriverChange> V6_16_EVENTFD =
      minus(plus(V6_16, MANAGER_OWNS_EVENTFD), VFIO_CLEAR_TOKEN_ON_FAILURE);
  /** 6.17 reverted 2edd9cb79fb3 (ff845e6a84c8) and dropped the assignment count with the x86 rework. */
  private static final Set<DriverChange> V6_17 =
      minus(minus(plus(V6_16, MANAGER_OWNS_EVENTFD, KVM_IRQFD_UNIQUE_BINDING, X86_IRQ_BYPASS_REWORK),
          VFIO_CLEAR_TOKEN_ON_FAILURE), X86_BYPASS_STARTS_ASSIGNMENT);
  private static final Set<DriverChange> V6_17_FIX = plus(V6_17, KVM_DEASSIGN_KEEPS_ROUTE_TYPE);

  private static final List<DriverEra> CATALOGUE =
      List.of(
          new DriverEra("rfc-2015", "the June 2015 prototype's stubs in VFIO and KVM", plus(Set.of(), VFIO_INTX_PRODUCER)),
          new DriverEra("v4.4", "the first merged callers (v4.4)", V4_4),
          new DriverEra("v5.9", "v5.9: vhost-vDPA offloading, unregister before free_irq", V5_9),
          new DriverEra("v6.5", "mid-2023 list-era callers (the base of the 2023 XArray patches)", V6_5),
          new DriverEra("v6.16", "the last list-era callers (v6.16)", V6_16),
          new DriverEra("v6.16-eventfd",
              "the v6.16 callers as the irqbypass series left them (they pass the eventfd), before the 6.17 x86 rework",
              V6_16_EVENTFD),
          new DriverEra("v6.17", "the 6.17 callers, with the x86 deassign bug", V6_17),
          new DriverEra("v6.17-fix", "6.17 with the January 2026 deassign fix", V6_17_FIX),
          new DriverEra("proposal-report-errors",
              "6.17 with the January 2026 deassign fix and the June 2026 irqfd->producer fix, reporting bypass failures to"
                  + " userspace, with KVM_IRQFD_FLAG_NO_IRQBYPASS",
              plus(V6_17_FIX, KVM_IRQFD_REPORTS_BYPASS_FAILURE, VFIO_REPORTS_BYPASS_FAILURE, X86_CLEARS_PRODUCER_ON_FAILURE,
                  KVM_IRQFD_NO_IRQBYPASS_FLAG)));

  public DriverEra {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    changes = plus(changes);
  }

  /** True when this era's drivers carry {@code change}. */
  public boolean has(DriverChange change) {
    return changes.contains(change);
  }

  /**
   * What log lines call the match key: {@code eventfd} once the manager owns it ({@link
   * DriverChange#MANAGER_OWNS_EVENTFD}), {@code token} before.
   */
  public String bypassKeyName() {
    return has(DriverChange.MANAGER_OWNS_EVENTFD) ? "eventfd" : "token";
  }

  /**
   * The {@code %p} argument of a bypass log line: the eventfd once the manager owns it, else
   * the token the caller set.
   */
  public Object bypassKey(long token, EventfdCtx eventfd) {
    return has(DriverChange.MANAGER_OWNS_EVENTFD) ? eventfd : (Object) token;
  }

  /** This era with {@code change} added, named {@code <id>+<CHANGE>}. */
  public DriverEra with(DriverChange change) {
    return new DriverEra(id + "+" + change.name(), title + ", with " + change.summary(), plus(changes, change));
  }

  /** This era with {@code change} taken out, named {@code <id>-<CHANGE>}. */
  public DriverEra without(DriverChange change) {
    return new DriverEra(id + "-" + change.name(), title + ", without " + change.summary(), minus(changes, change));
  }

  /** The documented eras, oldest first. */
  public static List<DriverEra> catalogue() {
    return CATALOGUE;
  }

  /** The ids of the documented eras, oldest first. */
  public static List<String> ids() {
    return CATALOGUE.stream().map(DriverEra::id).toList();
  }

  /**
   * The documented era named {@code id}.
   *
   * @throws IllegalArgumentException naming the known ids when there is none
   */
  public static DriverEra byId(String id) {
    for (DriverEra era : CATALOGUE) {
      if (era.id.equals(id)) {
        return era;
      }
    }
    throw new IllegalArgumentException(
        "unknown driver era '" + id + "': the known eras are " + String.join(", ", ids()));
  }

  /** The era, then one line per change it carries, in declaration order. */
  public String describe() {
    List<String> lines = new ArrayList<>();
    lines.add(id + ": " + title);
    changes.forEach(c -> lines.add("  " + c.describe()));
    return lines.stream().collect(Collectors.joining("\n"));
  }

  @Override
  public String toString() {
    return id;
  }

  /** {@code base} and {@code more}, unmodifiable. */
  private static Set<DriverChange> plus(Set<DriverChange> base, DriverChange... more) {
    Set<DriverChange> out = EnumSet.noneOf(DriverChange.class);
    out.addAll(base);
    out.addAll(List.of(more));
    return Collections.unmodifiableSet(out);
  }

  /** {@code base} without {@code less}, unmodifiable. */
  private static Set<DriverChange> minus(Set<DriverChange> base, DriverChange less) {
    Set<DriverChange> out = EnumSet.noneOf(DriverChange.class);
    out.addAll(base);
    out.remove(less);
    return Collections.unmodifiableSet(out);
  }
}
