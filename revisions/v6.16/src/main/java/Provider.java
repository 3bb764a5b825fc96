package dev.irqlab.rev.v6_16;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The v6.16 revision: the list version as it stood from the May 2021 revert to v6.16. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("v6.16")
          .title("virt/lib/irqbypass.c, the long-lived list version")
          .author("Alex Williamson <alex.williamson@redhat.com>")
          .author("Zhu Lingshan <lingshan.zhu@intel.com>")
          .date("2021-05-08")
          .status(Status.MERGED)
          .parent("v5.9")
          .link(Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"", "e44b49f623c77bee7451f1a82ccfb969c1028ae2"))
          .link(Link.lore("the revert as posted", "20210508071152.722425-1-lingshan.zhu@intel.com"))
          .link(Link.lore("the GICv4 VM freeze it fixes", "3a2c66d6-6ca0-8478-d24b-61e8e3241b20@hisilicon.com"))
          .deviates("UNR-04", "unregister_producer still finds the registered producer by token (callers clear the token instead); Like Xu's identity fix was never merged.",
              Link.lore("KVM: eventfd: fix NULL deref irqbypass producer (Like Xu)", "20230801085408.69597-1-likexu@tencent.com"),
              Symptom.in("unregister-failed-producer").step("unreg").detail("list_del corruption, p1->next is NULL"))
          .deviates("INV-04", "The token-matched unregister of a never-added node corrupts the list.",
              Link.lore("KVM: eventfd: fix NULL deref irqbypass producer (Like Xu)", "20230801085408.69597-1-likexu@tencent.com"),
              Symptom.in("unregister-failed-producer").step("unreg").report("LIST_CORRUPTION"))
          .defaultEra("v6.16")
          .summary("Lists and one mutex; a failed connect restarts both sides again. Unchanged"
              + " from the v5.9 revert (May 2021) until Sean Christopherson's 6.17 series.")
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
