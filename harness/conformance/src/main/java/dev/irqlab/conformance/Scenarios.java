package dev.irqlab.conformance;

import static dev.irqlab.kernel.Errno.EBUSY;

import dev.irqlab.devices.HostSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios of the standard suite, in Java. Each exercises one piece of the contract and
 * ends, as a well-behaved caller does, with everything it registered unregistered; labelled
 * steps are what the clauses read. {@code ./irqlab run} prints any of them as a trace.
 */
public final class Scenarios {
  private Scenarios() {}

  private static Scenario.Builder s(String id, String title) {
    return Scenario.builder(id, title);
  }

  /** Every scenario of the standard suite, in order. */
  public static List<Scenario> all() {
    List<Scenario> out = new ArrayList<>();
    out.addAll(api());
    out.addAll(system());
    return out;
  }

  /** Scenarios at the manager's API. */
  static List<Scenario> api() {
    return List.of(
        s("producer-alone", "a producer registers and unregisters with no consumer")
            .eventfd("efd0").producer("p0")
            .label("reg").register("p0", "efd0")
            .label("unreg").unregister("p0")
            .build(),
        s("consumer-alone", "a consumer registers and unregisters with no producer")
            .eventfd("efd0").consumer("c0")
            .label("reg").register("c0", "efd0")
            .label("unreg").unregister("c0")
            .build(),
        s("producer-first", "producer, then consumer; the producer leaves and another comes")
            .eventfd("efd0").producer("p0").label("base").consumer("c0").producer("p1")
            .label("first").register("p0", "efd0")
            .label("connect").register("c0", "efd0")
            .label("disconnect").unregister("p0")
            .label("reconnect").register("p1", "efd0")
            .label("leave").unregister("c0")
            .label("done").unregister("p1")
            .build(),
        s("consumer-first", "consumer, then producer; the consumer leaves first")
            .eventfd("efd0").consumer("c0").producer("p0")
            .label("first").register("c0", "efd0")
            .label("connect").register("p0", "efd0")
            .label("disconnect").unregister("c0")
            .label("done").unregister("p0")
            .build(),
        s("different-keys", "a producer and a consumer with different eventfds")
            .eventfd("efd0", "efd1").producer("p0").consumer("c0")
            .register("p0", "efd0")
            .label("other").register("c0", "efd1")
            .unregister("p0", "c0")
            .build(),
        s("duplicate-producer", "a second producer with an eventfd already taken")
            .eventfd("efd0").producer("p0").producer("p1").label("base").consumer("c0")
            .register("c0", "efd0").register("p0", "efd0")
            .label("dup").register("p1", "efd0")
            .unregister("p0")
            .label("done").unregister("c0")
            .build(),
        s("duplicate-consumer", "a second consumer with an eventfd already taken")
            .eventfd("efd0").producer("p0").consumer("c0").label("base").consumer("c1")
            .register("p0", "efd0").register("c0", "efd0")
            .label("dup").register("c1", "efd0")
            .unregister("c0")
            .label("done").unregister("p0")
            .build(),
        s("reregister-producer", "a registered producer registers again with the same eventfd")
            .eventfd("efd0").producer("p0")
            .register("p0", "efd0")
            .label("again").register("p0", "efd0")
            .unregister("p0")
            .build(),
        s("reregister-producer-new-key", "a registered producer registers again with another eventfd")
            .eventfd("efd0", "efd1").producer("p0")
            .register("p0", "efd0")
            .label("again").register("p0", "efd1")
            .unregister("p0")
            .build(),
        s("reregister-consumer-new-key", "a registered consumer registers again with another eventfd")
            .eventfd("efd0", "efd1").consumer("c0")
            .register("c0", "efd0")
            .label("again").register("c0", "efd1")
            .unregister("c0")
            .build(),
        s("null-key", "a producer and a consumer register without an eventfd")
            .producer("p0").consumer("c0")
            .label("producer").register("p0", "NULL")
            .label("consumer").register("c0", "NULL")
            .unregister("p0", "c0")
            .build(),
        s("consumer-without-callbacks", "a consumer without add_producer and del_producer")
            .eventfd("efd0").consumer("c0", Op.Callbacks.NONE)
            .label("reg").register("c0", "efd0")
            .unregister("c0")
            .build(),
        s("optional-callbacks", "a producer with no callbacks (as vfio-pci's) and a consumer with only the required ones")
            .eventfd("efd0").bareProducer("p0").consumer("c0", Op.Callbacks.REQUIRED)
            .register("p0", "efd0")
            .label("connect").register("c0", "efd0")
            .label("disconnect").unregister("p0")
            .unregister("c0")
            .build(),
        s("connect-fails", "the consumer refuses the producer; the caller then unregisters it")
            .eventfd("efd0").consumer("c0", -EBUSY).label("base").producer("p0")
            .register("c0", "efd0")
            .label("connect").register("p0", "efd0")
            .label("unreg").unregister("p0")
            .label("done").unregister("c0")
            .build(),
        s("connect-fails-producer", "the producer's add_consumer refuses the consumer")
            .eventfd("efd0").producer("p0", -EBUSY).label("base").consumer("c0")
            .register("p0", "efd0")
            .label("connect").register("c0", "efd0")
            .unregister("c0")
            .label("done").unregister("p0")
            .build(),
        s("connect-fails-retry", "a failed registration is retried once the consumer accepts")
            .eventfd("efd0").consumer("c0", -EBUSY).producer("p0")
            .register("c0", "efd0")
            .label("connect").register("p0", "efd0")
            .script("c0", 0)
            .label("retry").register("p0", "efd0")
            .unregister("p0", "c0")
            .build(),
        s("connect-fails-later-partner", "after a failed connect, another producer comes for the consumer")
            .eventfd("efd0").consumer("c0", -EBUSY).producer("p0").producer("p1")
            .register("c0", "efd0")
            .label("connect").register("p0", "efd0")
            .script("c0", 0)
            .label("later").register("p1", "efd0")
            .unregister("p1", "c0")
            .build(),
        s("connect-fails-free", "the caller frees a producer whose registration failed")
            .eventfd("efd0").consumer("c0", -EBUSY).producer("p0")
            .register("c0", "efd0")
            .label("connect").register("p0", "efd0")
            .free("p0")
            .label("unreg").unregister("c0")
            .build(),
        s("unregister-never-registered", "objects that never registered are unregistered")
            .eventfd("efd0").producer("p0").consumer("c0").producer("p1").consumer("c1")
            .register("p0", "efd0").register("c0", "efd0")
            .label("producer").unregister("p1")
            .label("consumer").unregister("c1")
            .unregister("p0", "c0")
            .build(),
        s("unregister-failed-producer", "a producer refused as a duplicate is unregistered (the 2020 list_del crash)")
            .eventfd("efd0").producer("p0").producer("p1").consumer("c0")
            .register("c0", "efd0").register("p0", "efd0")
            .label("dup").register("p1", "efd0")
            .label("unreg").unregister("p1")
            .unregister("p0", "c0")
            .build(),
        s("unregister-failed-consumer", "a consumer refused as a duplicate is unregistered")
            .eventfd("efd0").producer("p0").consumer("c0").consumer("c1")
            .register("p0", "efd0").register("c0", "efd0")
            .label("dup").register("c1", "efd0")
            .label("unreg").unregister("c1")
            .unregister("c0", "p0")
            .build(),
        s("unregister-twice", "each side is unregistered twice")
            .eventfd("efd0").producer("p0").consumer("c0")
            .register("p0", "efd0").register("c0", "efd0")
            .unregister("p0")
            .label("producer").unregister("p0")
            .unregister("c0")
            .label("consumer").unregister("c0")
            .build(),
        s("reuse-after-unregister", "an unregistered producer registers again, with another eventfd")
            .eventfd("efd0", "efd1").producer("p0").consumer("c0").consumer("c1")
            .register("p0", "efd0").register("c0", "efd0")
            .unregister("p0")
            .label("reuse").register("p0", "efd1")
            .label("connect").register("c1", "efd1")
            .unregister("p0", "c0", "c1")
            .build(),
        s("alloc-fails", "a registration while every allocation fails, then again")
            .eventfd("efd0").consumer("c0").producer("p0")
            .register("c0", "efd0")
            .fail("kmalloc")
            .label("reg").register("p0", "efd0")
            .fail("off")
            .label("retry").register("p0", "efd0")
            .unregister("p0", "c0")
            .build(),
        s("rmmod-while-registered", "rmmod irqbypass while a producer is registered")
            .eventfd("efd0").producer("p0")
            .register("p0", "efd0")
            .label("rmmod").rmmod()
            .label("unreg").unregister("p0")
            .build(),
        s("rmmod-after-unregister", "rmmod irqbypass once everything is unregistered")
            .eventfd("efd0").producer("p0").consumer("c0")
            .register("p0", "efd0").register("c0", "efd0")
            .unregister("p0", "c0")
            .label("rmmod").rmmod()
            .build(),
        s("free-after-unregister", "a producer is freed after it unregisters; the consumer gets another")
            .eventfd("efd0").producer("p0").consumer("c0").producer("p1")
            .register("p0", "efd0").register("c0", "efd0")
            .unregister("p0")
            .free("p0")
            .label("partner").register("p1", "efd0")
            .unregister("c0", "p1")
            .build(),
        s("two-pairs", "two pairs on two eventfds: each side registers beside an object of the other pair, and leaves")
            .eventfd("efd0", "efd1").producer("p0").producer("p1").consumer("c0").consumer("c1")
            .label("first").register("c1", "efd1")
            .label("other-key").register("p0", "efd0")
            .label("second").register("p1", "efd1")
            .label("pair0").register("c0", "efd0")
            .label("leave-p1").unregister("p1")
            .label("back-p1").register("p1", "efd1")
            .label("leave-c0").unregister("c0")
            .unregister("p0", "p1", "c1")
            .build(),
        s("connect-fails-bare-producer", "a consumer refuses a producer with no callbacks (vfio-pci's shape)")
            .eventfd("efd0").consumer("c0", -EBUSY).bareProducer("p0")
            .register("c0", "efd0")
            .label("connect").register("p0", "efd0")
            .label("unreg").unregister("p0")
            .unregister("c0")
            .build(),
        s("connect-fails-beside-pair", "a registration fails to connect while another pair is connected; the caller unregisters it")
            .eventfd("efd0", "efd1").producer("p1").consumer("c1").consumer("c0", -EBUSY).producer("p0")
            .register("p1", "efd1").register("c1", "efd1").register("c0", "efd0")
            .label("connect").register("p0", "efd0")
            .label("unreg").unregister("p0")
            .unregister("c0", "c1", "p1")
            .build(),
        s("consumer-missing-one-callback", "a consumer with add_producer only, and one with del_producer only")
            .eventfd("efd0", "efd1").consumer("c0", Op.Callbacks.ADD_ONLY).consumer("c1", Op.Callbacks.DEL_ONLY)
            .label("add-only").register("c0", "efd0")
            .label("del-only").register("c1", "efd1")
            .unregister("c0", "c1")
            .build(),
        s("alloc-fails-consumer", "a consumer registers while every allocation fails, then again")
            .eventfd("efd0").producer("p0").consumer("c0")
            .register("p0", "efd0")
            .fail("kmalloc")
            .label("reg").register("c0", "efd0")
            .fail("off")
            .label("retry").register("c0", "efd0")
            .unregister("c0", "p0")
            .build(),
        s("module-get-fails", "a producer and a consumer register while try_module_get fails, and unregister once it works")
            .eventfd("efd0").producer("p0").label("base").consumer("c0")
            .fail("try_module_get")
            .label("producer").register("p0", "efd0")
            .label("consumer").register("c0", "efd0")
            .fail("off")
            .unregister("p0")
            .label("done").unregister("c0")
            .build());
  }

  /** Scenarios through the simulated drivers: ioctls, and device interrupts the guest counts. */
  static List<Scenario> system() {
    return List.of(
        s("sys-vfio-irqfd", "a VFIO MSI-X vector wired to a VM's irqfd; the irqfd comes and goes")
            .vm("vm0").vfio("vfio0").kvmVfio("vm0", "vfio0").eventfd("efd0").route("vm0", 24, 1, 0x41)
            .label("assign").irqfd("vm0", "efd0", 24)
            .label("enable").setIrqs("vfio0", "msix", 0, "efd0")
            .label("fire").fire("vfio0.msix0")
            .label("deassign").deassign("vm0", "efd0", 24)
            .label("fire-deassigned").fire("vfio0.msix0")
            .label("reassign").irqfd("vm0", "efd0", 24)
            .label("fire-reassigned").fire("vfio0.msix0")
            .label("disable").disableIrqs("vfio0", "msix")
            .build(),
        s("sys-vector-first", "the vector's eventfd is set before the irqfd exists")
            .vm("vm0").vfio("vfio0").kvmVfio("vm0", "vfio0").eventfd("efd0").route("vm0", 24, 1, 0x41)
            .label("enable").setIrqs("vfio0", "msix", 0, "efd0")
            .label("fire-unbound").fire("vfio0.msix0")
            .label("assign").irqfd("vm0", "efd0", 24)
            .label("fire").fire("vfio0.msix0")
            .build(),
        s("sys-shared-eventfd", "two vectors of one device share an eventfd; then the second is disabled")
            .vm("vm0").vfio("vfio0").kvmVfio("vm0", "vfio0").eventfd("efd0").route("vm0", 24, 1, 0x41)
            .irqfd("vm0", "efd0", 24)
            .label("enable").setIrqs("vfio0", "msix", 0, "efd0", "efd0")
            .label("fire0").fire("vfio0.msix0")
            .label("fire1").fire("vfio0.msix1")
            .label("disable").setIrqs("vfio0", "msix", 1, "-")
            .label("fire0-again").fire("vfio0.msix0")
            .disableIrqs("vfio0", "msix")
            .label("deassign").deassign("vm0", "efd0", 24)
            .build(),
        s("sys-vm-closed", "the VM is destroyed while a vector is wired to its irqfd")
            .vm("vm0").vfio("vfio0").kvmVfio("vm0", "vfio0").eventfd("efd0").route("vm0", 24, 1, 0x41)
            .irqfd("vm0", "efd0", 24)
            .setIrqs("vfio0", "msix", 0, "efd0")
            .label("close").close("vm0")
            .label("fire").fire("vfio0.msix0")
            .label("disable").disableIrqs("vfio0", "msix")
            .build(),
        s("sys-vdpa", "a vDPA virtqueue's call eventfd feeds a VM's irqfd")
            .vm("vm0").vdpa("vdpa0").eventfd("efd0").route("vm0", 24, 0, 0x42)
            .irqfd("vm0", "efd0", 24)
            .vringCall("vdpa0", 0, "efd0")
            .label("driver-ok").driverOk("vdpa0")
            .label("fire").fire("vdpa0.vq0")
            .label("reset").reset("vdpa0")
            .label("fire-reset").fire("vdpa0.vq0")
            .build(),
        s("sys-irqfd-connect-fails", "KVM_IRQFD whose consumer cannot connect (the IOMMU refuses to post); then again")
            .vm("vm0").vfio("vfio0").kvmVfio("vm0", "vfio0").eventfd("efd0").route("vm0", 24, 1, 0x41)
            .label("enable").setIrqs("vfio0", "msix", 0, "efd0")
            .fail("irq_set_vcpu_affinity")
            .label("assign").irqfd("vm0", "efd0", 24)
            .fail("off")
            .label("fire").fire("vfio0.msix0")
            .label("retry").irqfd("vm0", "efd0", 24)
            .label("fire-retry").fire("vfio0.msix0")
            .disableIrqs("vfio0", "msix")
            .deassign("vm0", "efd0", 24)
            .build(),
        s("sys-vector-connect-fails", "VFIO_DEVICE_SET_IRQS whose producer cannot connect; a reroute; then again")
            .vm("vm0").vfio("vfio0").kvmVfio("vm0", "vfio0").eventfd("efd0").route("vm0", 24, 1, 0x41)
            .label("assign").irqfd("vm0", "efd0", 24)
            .fail("irq_set_vcpu_affinity")
            .label("enable").setIrqs("vfio0", "msix", 0, "efd0")
            .fail("off")
            .label("fire").fire("vfio0.msix0")
            .label("reroute").route("vm0", 24, 0, 0x42)
            .label("fire-rerouted").fire("vfio0.msix0")
            .label("retry").setIrqs("vfio0", "msix", 0, "efd0")
            .label("fire-retry").fire("vfio0.msix0")
            .disableIrqs("vfio0", "msix")
            .deassign("vm0", "efd0", 24)
            .build(),
        s("sys-irqfd-no-irqbypass", "an irqfd assigned with KVM_IRQFD_FLAG_NO_IRQBYPASS, deassigned, assigned again, closed")
            .vm("vm0").vfio("vfio0").kvmVfio("vm0", "vfio0").eventfd("efd0").route("vm0", 24, 1, 0x41)
            .label("assign").irqfdNoIrqBypass("vm0", "efd0", 24)
            .label("enable").setIrqs("vfio0", "msix", 0, "efd0")
            .label("fire").fire("vfio0.msix0")
            .label("deassign").deassign("vm0", "efd0", 24)
            .label("fire-deassigned").fire("vfio0.msix0")
            .label("reassign").irqfdNoIrqBypass("vm0", "efd0", 24)
            .label("close").close("efd0")
            .label("disable").disableIrqs("vfio0", "msix")
            .build(),
        s("sys-arm64-connect-fails", "on arm64 with GICv4, a KVM_IRQFD whose vLPI cannot be mapped; the VM keeps running")
            .host(HostSettings.defaults().withArch(HostSettings.Arch.ARM64))
            .vm("vm0").vfio("vfio0").kvmVfio("vm0", "vfio0").eventfd("efd0").route("vm0", 24, 1, 0x41)
            .label("enable").setIrqs("vfio0", "msix", 0, "efd0")
            .fail("irq_set_vcpu_affinity")
            .label("assign").irqfd("vm0", "efd0", 24)
            .fail("off")
            .label("fire").fire("vfio0.msix0")
            .label("disable").disableIrqs("vfio0", "msix")
            .deassign("vm0", "efd0", 24)
            .build(),
        s("sys-no-group-binding", "a VFIO vector wired to a VM's irqfd by a VMM that never binds the device's group to the VM")
            .vm("vm0").vfio("vfio0").eventfd("efd0").route("vm0", 24, 1, 0x41)
            .label("assign").irqfd("vm0", "efd0", 24)
            .label("enable").setIrqs("vfio0", "msix", 0, "efd0")
            .label("fire").fire("vfio0.msix0")
            .label("disable").disableIrqs("vfio0", "msix")
            .build());
  }
}
