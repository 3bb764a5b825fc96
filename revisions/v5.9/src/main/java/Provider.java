package dev.irqlab.rev.v5_9;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The v5.9 revision: a979a6aa009f, no start callbacks after a failed connect. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("v5.9")
          .title("irqbypass: do not start cons/prod when failed connect")
          .author("Zhu Lingshan <lingshan.zhu@intel.com>")
          .date("2020-07-31")
          .status(Status.MERGED)
          .parent("v4.4")
          .link(Link.commit("irqbypass: do not start cons/prod when failed connect", "a979a6aa009f3c99689432e0cdb5402a4463fb88"))
          .link(Link.lore("V5 6/6 as merged", "20200731065533.4144-7-lingshan.zhu@intel.com"))
          .link(Link.commit("reverted by e44b49f623c7 (v5.13)", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"))
          .deviates("ORD-01", "A successful connect falls through to del_consumer after the start callbacks.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("producer-first").step("connect").detail("^producer-first: p0\\.stop, c0\\.stop, p0\\.add_consumer, c0\\.add_producer, c0\\.start, p0\\.start, p0\\.del_consumer$"))
          .deviates("ORD-04", "\"It also erroneously calls the producer destructor unconditionally\" (the revert).",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("producer-first").step("connect").detail("^producer-first: p0\\.stop, c0\\.stop, p0\\.add_consumer, c0\\.add_producer, c0\\.start, p0\\.start, p0\\.del_consumer$"))
          .deviates("ERR-04", "A failed connect returns without the start callbacks: \"should the connect fail, the VM will not be resumed\".",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("connect-fails").step("connect").detail("c0\\.add_producer, p0\\.del_consumer$"))
          .deviates("UNR-04", "unregister_producer finds the registered producer by token and list_dels the caller's never-added node: the 2020 list_del crash.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"),
              Symptom.in("unregister-failed-producer").step("unreg").detail("list_del corruption, p1->next is NULL"))
          .deviates("SYS-05", "Unregistering the refused vector matches the other vector by token; vfio-pci clears the token only from v5.10.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"),
              Symptom.in("sys-shared-eventfd").step("fire0-again").detail("WARNING: .* at X86IrqBypass\\.delProducerLocked"))
          .deviates("INV-04", "The token-matched unregister of a never-added node corrupts the list.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"),
              Symptom.in("unregister-failed-producer").step("unreg").report("LIST_CORRUPTION"),
              Symptom.in("sys-shared-eventfd").step("disable").report("LIST_CORRUPTION"))
          .deviates("REG-05", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("duplicate-producer", "duplicate-consumer").step("dup").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("PAIR-01", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("producer-first").step("connect").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("PAIR-02", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("consumer-first").step("connect").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("PAIR-04", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("producer-first").step("reconnect").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("UNR-03", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("unregister-never-registered").step("producer").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("UNR-05", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("unregister-failed-consumer").step("unreg").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("UNR-07", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("reuse-after-unregister").step("connect").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("ERR-03", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("connect-fails-later-partner").step("later").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("ERR-08", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("connect-fails-retry").step("retry").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("MEM-01", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("alloc-fails").step("reg").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("MEM-02", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("alloc-fails").step("retry").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("PAIR-06", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("two-pairs").step("second").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("ERR-07", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("connect-fails-beside-pair").step("unreg").detail("<->c\\d\\(c\\d-only\\) \\(manager: "))
          .deviates("INV-05", "Disabling the refused vector unregisters the other vector's producer by token, and KVM's x86 del_producer WARNs on the IRTE it then finds.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"),
              Symptom.in("sys-shared-eventfd").report("WARNING"))
          .deviates("INV-06", "A successful connect falls through to del_consumer: the producer is told it was disconnected from a pair the manager holds as connected.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("producer-first", "consumer-first", "duplicate-producer", "duplicate-consumer", "connect-fails-retry", "connect-fails-later-partner",
                  "unregister-never-registered", "unregister-failed-producer", "unregister-failed-consumer", "unregister-twice", "reuse-after-unregister",
                  "alloc-fails", "rmmod-after-unregister", "free-after-unregister", "two-pairs", "connect-fails-beside-pair", "alloc-fails-consumer")
                  .detail("<->c\\d\\(c\\d-only\\).* \\(manager: "))
          .deviates("SYS-11", "A failed connect returns without the start callbacks; on arm64 KVM's stop halted every vCPU, so"
                  + " the VM is never resumed: \"may cause VM freeze on arm64 with GICv4\" (the revert).",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("sys-arm64-connect-fails").step("fire").detail("^fire: interrupt vfio0\\.msix0: halted at "))
          .deviates("INV-03", "On arm64 the VM stays halted after a failed connect (no start callback): the guest takes no"
                  + " interrupt, and the VM is destroyed halted. The GICv4 freeze of the revert.",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"),
              Symptom.in("sys-arm64-connect-fails").detail("(: halted at |: left halted )"))
          .defaultEra("v5.9")
          .summary("A failed connect returns at once, leaving both sides stopped, and a successful"
              + " one ends with del_consumer. Reverted in v5.13 by e44b49f623c7.")
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
