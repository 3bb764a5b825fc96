package dev.irqlab.rev.v6_17_6;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The v6.17-6 revision: patch 6/8 of Sean Christopherson's v2 series, guard(mutex). */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("v6.17-6")
          .title("irqbypass: Use guard(mutex) in lieu of manual lock+unlock")
          .author("Sean Christopherson <seanjc@google.com>")
          .date("2025-05-16")
          .status(Status.MERGED)
          .parent("v6.17-5")
          .series("sean-v2", "irqbypass: Cleanups and a perf improvement", 6, 8)
          .link(Link.commit("irqbypass: Use guard(mutex) in lieu of manual lock+unlock", "46a4bfd0ae480cabbacc56fe0d8f91cbe229c7ce"))
          .link(Link.lore("[PATCH v2 6/8] as posted", "20250516230734.2564775-7-seanjc@google.com"))
          .link(Link.lore("v2 cover letter", "20250516230734.2564775-1-seanjc@google.com"))
          .deviates("REG-09", "The eventfd argument is not checked: a NULL eventfd is registered and matches another NULL.",
              Link.commit("irqbypass: Take ownership of producer/consumer token tracking", "2b521d86ee80a436a92445b8206d38d75aeb39ea"),
              Symptom.in("null-key").step("consumer").detail("producer got 0, consumer got 0"))
          .defaultEra("v6.16-eventfd")
          .summary("v6.17-5 with the mutex held by scope (guard(mutex)) and early returns instead of"
              + " goto out_err: no change in behaviour.")
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
