package dev.irqlab.rev.producer_fix_2023;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The producer-fix-2023 revision: Like Xu's 2023 producer identity fix, patch 1/2 of the XArray series. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("producer-fix-2023")
          .title("KVM: eventfd: fix NULL deref irqbypass producer")
          .author("Like Xu <likexu@tencent.com>")
          .date("2023-08-01")
          .status(Status.SUPERSEDED)
          .parent("v6.16")
          .series("likexu-v2", "KVM: irqbypass: XArray conversion and a deref fix", 1, 2)
          .link(Link.lore("[PATCH v2 1/2] KVM: eventfd: fix NULL deref irqbypass producer", "20230802051700.52321-2-likexu@tencent.com"))
          .link(Link.lore("the patch as first posted, alone", "20230801085408.69597-1-likexu@tencent.com"))
          .link(Link.lore("Reviewed-by Alex Williamson", "20230801142642.1f73ca45.alex.williamson@redhat.com"))
          .link(Link.lore("Sean Christopherson: what are the rules for using these APIs?", "ZN0XXKezcXjv1GWH@google.com"))
          .defaultEra("v6.5")
          .summary("v6.16 with producers matched by identity too: registering a registered producer"
              + " is -EBUSY, and unregistering finds the producer itself, not the first with its token."
              + " Never applied.")
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
