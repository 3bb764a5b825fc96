package dev.irqlab.devices;

import dev.irqlab.devices.irq.IrqDomain;
import dev.irqlab.kernel.FaultInjection;
import dev.irqlab.kernel.Module;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's faults can be injected: the points that can fail (every allocation, one C type's
 * allocations, a module reference, an IRTE update, an IRQ request), and the C functions a
 * schedule can be confined to, which the drivers mark as they enter them ({@link
 * FaultInjection#within}).
 */
public final class FaultPoints {
  /** {@code kvm_irqfd_assign}: everything {@code KVM_IRQFD} does to assign. */
  public static final String KVM_IRQFD_ASSIGN = "kvm_irqfd_assign";
  /** {@code kvm_arch_irq_bypass_add_producer}: a connect, on KVM's side. */
  public static final String KVM_ARCH_ADD_PRODUCER = "kvm_arch_irq_bypass_add_producer";
  /** {@code kvm_arch_irq_bypass_del_producer}: a disconnect, on KVM's side. */
  public static final String KVM_ARCH_DEL_PRODUCER = "kvm_arch_irq_bypass_del_producer";
  /** {@code kvm_irq_routing_update}: what {@code KVM_SET_GSI_ROUTING} does to each irqfd. */
  public static final String KVM_IRQ_ROUTING_UPDATE = "kvm_irq_routing_update";
  /** {@code vfio_msi_set_vector_signal}: one vector's trigger set or torn down. */
  public static final String VFIO_MSI_SET_VECTOR_SIGNAL = "vfio_msi_set_vector_signal";
  /** {@code vhost_vdpa_setup_vq_irq}: one virtqueue's producer set up. */
  public static final String VHOST_VDPA_SETUP_VQ_IRQ = "vhost_vdpa_setup_vq_irq";

  private static final Map<String, String> POINTS = new LinkedHashMap<>();
  private static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();

  static {
    POINTS.put(FaultInjection.KMALLOC, "every allocation (kmalloc:TYPE: only those of one C type, e.g. kmalloc:kvm_kernel_irqfd)");
    POINTS.put(Module.TRY_MODULE_GET, "a reference on the manager's module");
    POINTS.put(IrqDomain.SET_VCPU_AFFINITY, "an IRTE update: the IOMMU refuses to post or to remap");
    POINTS.put(IrqDomain.REQUEST_IRQ, "a request_irq (-ENOMEM)");
    FUNCTIONS.put(KVM_IRQFD_ASSIGN, "KVM_IRQFD's assign");
    FUNCTIONS.put(KVM_ARCH_ADD_PRODUCER, "a connect, on KVM's side");
    FUNCTIONS.put(KVM_ARCH_DEL_PRODUCER, "a disconnect, on KVM's side");
    FUNCTIONS.put(KVM_IRQ_ROUTING_UPDATE, "KVM_SET_GSI_ROUTING's update of each irqfd");
    FUNCTIONS.put(VFIO_MSI_SET_VECTOR_SIGNAL, "one vector of VFIO_DEVICE_SET_IRQS");
    FUNCTIONS.put(VHOST_VDPA_SETUP_VQ_IRQ, "one virtqueue's producer set-up in vhost-vDPA");
  }

  private FaultPoints() {}

  /** The points, in a fixed order, each with what a failure there stands for. */
  public static Map<String, String> points() {
    return Collections.unmodifiableMap(POINTS);
  }

  /** Whether {@code point} names a point: one of {@link #points()}, or {@code kmalloc:TYPE} for a C type. */
  public static boolean isPoint(String point) {
    return POINTS.containsKey(point) || point.matches("kmalloc:[A-Za-z_][A-Za-z0-9_]*");
  }

  /** The point names, in a fixed order, for messages. */
  public static String pointNames() {
    return String.join(", ", POINTS.keySet()) + ", kmalloc:TYPE";
  }

  /** The functions a schedule can be confined to, in a fixed order, each with what it does. */
  public static Map<String, String> functionsDescribed() {
    return Collections.unmodifiableMap(FUNCTIONS);
  }

  /** The functions a schedule can be confined to, in a fixed order. */
  public static List<String> functions() {
    return List.copyOf(FUNCTIONS.keySet());
  }
}
