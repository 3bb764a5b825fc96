package dev.irqlab.rev.v4_4;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The v4.4 revision: f73f8173126b, the first merged IRQ bypass manager. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("v4.4")
          .title("virt: IRQ bypass manager")
          .author("Alex Williamson <alex.williamson@redhat.com>")
          .date("2015-10-01")
          .status(Status.MERGED)
          .parent("rfc-2015")
          .link(Link.commit("virt: IRQ bypass manager", "f73f8173126ba68eb1c42bd9a234a51d78576ca6"))
          .deviates("REG-09", "v4.4 has no NULL-token check: a NULL token is a valid key (added between v4.5 and v4.7).",
              Link.commit("virt: IRQ bypass manager", "f73f8173126ba68eb1c42bd9a234a51d78576ca6"),
              Symptom.in("null-key").step("consumer").detail("producer got 0, consumer got 0"))
          .deviates("UNR-04", "unregister_producer finds the registered producer by token and list_dels the caller's never-added node: the 2020 list_del crash.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"),
              Symptom.in("unregister-failed-producer").step("unreg").detail("list_del corruption, p1->next is NULL"))
          .deviates("UNR-05", "unregister_consumer finds the registered consumer by token, before commit 4f3dbdf47e15.",
              Link.commit("KVM: eventfd: fix NULL deref irqbypass consumer", "4f3dbdf47e15"),
              Symptom.in("unregister-failed-consumer").step("unreg").detail("list_del corruption, c1->next is NULL"))
          .deviates("SYS-05", "Unregistering the refused vector matches the other vector by token; vfio-pci clears the token only from v5.10.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"),
              Symptom.in("sys-shared-eventfd").step("fire0-again").detail("WARNING: .* at X86IrqBypass\\.delProducerLocked"))
          .deviates("INV-04", "The token-matched unregister of a never-added node corrupts the list.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"),
              Symptom.in("unregister-failed-producer").step("unreg").report("LIST_CORRUPTION"),
              Symptom.in("unregister-failed-consumer").step("unreg").report("LIST_CORRUPTION"),
              Symptom.in("sys-shared-eventfd").step("disable").report("LIST_CORRUPTION"))
          .deviates("INV-05", "Disabling the refused vector unregisters the other vector's producer by token, and KVM's x86 del_producer WARNs on the IRTE it then finds.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"),
              Symptom.in("sys-shared-eventfd").report("WARNING"))
          .deviates("SYS-12", "The v4.4 drivers count an assigned device only through KVM_DEV_VFIO_GROUP_ADD, so in a VM never bound to the group vmx_update_pi_irte leaves the IRTE remapped although the pair connects; a connected producer counts only since 2edd9cb79fb3 (v5.9).",
              Link.commit("kvm: detect assigned device via irqbypass manager (v5.9)", "2edd9cb79fb3"),
              Symptom.in("sys-no-group-binding").step("fire").detail("arrived by \\[irqfd\\] with a connection"))
          .defaultEra("v4.4")
          .summary("The prototype as a loadable module: stop, add and start callbacks, -EBUSY for a"
              + " taken token, a module reference per registration. Merged for Linux 4.4.")
          .build();

  @Override
  public RevisionInfo info() {
    return INFO;
  }

  @Override
  public IrqBypass load(Kernel kernel) {
    return new IrqBypassManager(kernel);
  }
}
