package dev.irqlab.rev.v6_17_2;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The v6.17-2 revision: patch 2/8 of Sean Christopherson's v2 series, no more might_sleep(). */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("v6.17-2")
          .title("irqbypass: Drop superfluous might_sleep() annotations")
          .author("Sean Christopherson <seanjc@google.com>")
          .date("2025-05-16")
          .status(Status.MERGED)
          .parent("v6.17-1")
          .series("sean-v2", "irqbypass: Cleanups and a perf improvement", 2, 8)
          .link(Link.commit("irqbypass: Drop superfluous might_sleep() annotations", "07fbc83c01520c62c89f6495f2f0bea2f4ac6684"))
          .link(Link.lore("[PATCH v2 2/8] as posted", "20250516230734.2564775-3-seanjc@google.com"))
          .link(Link.lore("v2 cover letter", "20250516230734.2564775-1-seanjc@google.com"))
          .deviates("UNR-04", "unregister_producer still finds the registered producer by token (callers clear the token instead); Like Xu's identity fix was never merged.",
              Link.lore("KVM: eventfd: fix NULL deref irqbypass producer (Like Xu)", "20230801085408.69597-1-likexu@tencent.com"),
              Symptom.in("unregister-failed-producer").step("unreg").detail("list_del corruption, p1->next is NULL"))
          .deviates("INV-04", "The token-matched unregister of a never-added node corrupts the list.",
              Link.lore("KVM: eventfd: fix NULL deref irqbypass producer (Like Xu)", "20230801085408.69597-1-likexu@tencent.com"),
              Symptom.in("unregister-failed-producer").step("unreg").report("LIST_CORRUPTION"))
          .defaultEra("v6.16")
          .summary("v6.17-1 without might_sleep(): mutex_lock() reports a sleep in atomic context.")
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
