package dev.irqlab.rev.rfc2015;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.Feature;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The rfc-2015 revision: Alex Williamson's June 2015 prototype, a root of the history. */
public final class Provider implements Revision {
  /**
   * Alex Williamson's mail with the prototype, 18 Jun 2015. The copy this port follows carries
   * no Message-ID, so the link is a lore search for the mail by subject, sender and date.
   */
  private static final Link MAIL = new Link("Alex Williamson, \"Re: [v4 08/16] KVM: kvm-vfio: User API for IRQ"
      + " forwarding\", 18 Jun 2015: the prototype, which adds to the list first and checks nothing",
      "https://lore.kernel.org/all/?q=s%3A%22User+API+for+IRQ+forwarding%22+f%3Aalex.williamson+d%3A20150618..20150619");

  static final RevisionInfo INFO =
      RevisionInfo.builder("rfc-2015")
          .title("IRQ offload/bypass manager prototype, kernel/irq/bypass.c")
          .author("Alex Williamson <alex.williamson@redhat.com>")
          .date("2015-06-18")
          .status(Status.SUPERSEDED)
          .lacks(Feature.STOP_START, "the 2015 prototype has no stop or start callbacks")
          .lacks(Feature.CONNECT_ERRORS, "the 2015 prototype's add_producer returns void, so a connect cannot fail")
          .lacks(Feature.PRODUCER_CALLBACKS, "the 2015 prototype's producer has no callbacks")
          .link(MAIL)
          .deviates("REG-03", "A producer with a taken token gets -EINVAL, not -EBUSY.",
              MAIL,
              Symptom.in("duplicate-producer").step("dup").detail("the duplicate got -EINVAL"))
          .deviates("REG-04", "A consumer with a taken token gets -EINVAL, not -EBUSY.",
              MAIL,
              Symptom.in("duplicate-consumer").step("dup").detail("the duplicate got -EINVAL"))
          .deviates("REG-09", "A NULL token is a valid key and pairs with another NULL token.",
              MAIL,
              Symptom.in("null-key").step("consumer").detail("producer got 0, consumer got 0"))
          .deviates("REG-10", "Nothing checks that add_producer and del_producer are set.",
              MAIL,
              Symptom.in("consumer-without-callbacks").step("reg").detail("^got 0; .*consumers c0@efd0"))
          .deviates("UNR-03", "Unregister list_dels the node whether or not it was ever added.",
              MAIL,
              Symptom.in("unregister-never-registered").step("producer").detail("^producer: no callbacks, a report"))
          .deviates("UNR-04", "Unregister finds the partner by token and list_dels a node that was never added.",
              MAIL,
              Symptom.in("unregister-failed-producer").step("unreg").detail("list_del corruption, p1->next is NULL"))
          .deviates("UNR-05", "Unregister finds the partner by token and list_dels a node that was never added.",
              MAIL,
              Symptom.in("unregister-failed-consumer").step("unreg").detail("list_del corruption, c1->next is NULL"))
          .deviates("UNR-06", "A second unregister list_dels a poisoned node.",
              MAIL,
              Symptom.in("unregister-twice").step("producer").detail("^producer: c0.del_producer, a report"))
          .deviates("SYS-05", "Unregistering the refused vector matches the other vector's consumer by token and disconnects it; the drivers of 2015 do not clear the token.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"),
              Symptom.in("sys-shared-eventfd").step("fire0-again").detail("WARNING: .* at X86IrqBypass\\.delProducerLocked"))
          .deviates("SYS-06", "In 2015 irqfd shutdown did not unregister the consumer, so a destroyed VM's irqfd stays connected and the device keeps posting to it.",
              new Link("the 2015 mail: the KVM hook is a comment, so irqfd shutdown does not unregister", MAIL.url()),
              Symptom.in("sys-vm-closed").step("fire").detail("then arrived by \\[posted\\]"))
          .deviates("INV-01", "The unguarded unregisters and the VM destroy above reach freed objects.",
              MAIL,
              Symptom.in("connect-fails-free").step("unreg").report("KASAN"),
              Symptom.in("sys-vector-first").step("teardown").report("KASAN"),
              Symptom.in("sys-vm-closed").report("KASAN"))
          .deviates("INV-03", "After the VM is destroyed its stale bypass swallows the vector's interrupts.",
              new Link("the 2015 mail: the KVM hook is a comment, so irqfd shutdown does not unregister", MAIL.url()),
              Symptom.in("sys-vm-closed").report("ANOMALY"))
          .deviates("INV-04", "The unguarded unregisters corrupt the lists (list_del on a node never added or already deleted).",
              MAIL,
              Symptom.in("connect-fails-later-partner", "unregister-never-registered", "unregister-failed-producer", "unregister-failed-consumer", "unregister-twice", "sys-shared-eventfd").report("LIST_CORRUPTION"))
          .deviates("INV-05", "Disabling the refused vector unlinks the other vector's producer, and KVM's x86 del_producer WARNs on the IRTE it then finds.",
              MAIL,
              Symptom.in("sys-shared-eventfd").report("WARNING"))
          .deviates("INV-06", "The callbacks return void, so a refusal goes unheard: the manager holds as connected a pair whose partner refused it.",
              MAIL,
              Symptom.in("connect-fails", "connect-fails-retry", "connect-fails-later-partner", "connect-fails-free", "connect-fails-bare-producer",
                  "connect-fails-beside-pair", "sys-irqfd-connect-fails", "sys-vector-connect-fails").detail("\\(manager: "))
          .deviates("SYS-12", "The drivers of 2015 count an assigned device only through the kvm-vfio group binding, so a VM never bound to the group keeps the IRTE remapped although the pair connects; a connected producer counts only since 2edd9cb79fb3 (v5.9).",
              Link.commit("kvm: detect assigned device via irqbypass manager (v5.9)", "2edd9cb79fb3"),
              Symptom.in("sys-no-group-binding").step("fire").detail("arrived by \\[irqfd\\] with a connection"))
          .defaultEra("rfc-2015")
          .summary("A sketch in a reply on LKML: built-in lists and a mutex, void add/del_producer"
              + " callbacks, -EINVAL for a taken token. Never merged; it grew into v4.4.")
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
