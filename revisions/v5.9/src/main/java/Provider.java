package dev.irqlab.rev.v5_9;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;

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
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"))
          .deviates("ORD-04", "\"It also erroneously calls the producer destructor unconditionally\" (the revert).",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"))
          .deviates("ERR-04", "A failed connect returns without the start callbacks: \"should the connect fail, the VM will not be resumed\".",
              Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"))
          .deviates("UNR-04", "unregister_producer finds the registered producer by token and list_dels the caller's never-added node: the 2020 list_del crash.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"))
          .deviates("SYS-05", "Unregistering the refused vector matches the other vector by token; vfio-pci clears the token only from v5.10.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"))
          .deviates("INV-04", "The token-matched unregister of a never-added node corrupts the list.",
              Link.commit("vfio-pci: clear the producer token after a failed registration (v5.10)", "852b1beecb6f"))
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
