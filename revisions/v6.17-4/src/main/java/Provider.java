package dev.irqlab.rev.v6_17_4;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The v6.17-4 revision: patch 4/8 of Sean Christopherson's v2 series, explicit producer/consumer bindings. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("v6.17-4")
          .title("irqbypass: Explicitly track producer and consumer bindings")
          .author("Sean Christopherson <seanjc@google.com>")
          .date("2025-05-16")
          .status(Status.MERGED)
          .parent("v6.17-3")
          .series("sean-v2", "irqbypass: Cleanups and a perf improvement", 4, 8)
          .link(Link.commit("irqbypass: Explicitly track producer and consumer bindings", "add57f493e0893ac0fb4acbdc441918d3e800f10"))
          .link(Link.lore("[PATCH v2 4/8] as posted", "20250516230734.2564775-5-seanjc@google.com"))
          .link(Link.lore("v2 cover letter", "20250516230734.2564775-1-seanjc@google.com"))
          .deviates("REG-09", "The eventfd argument is not checked: a NULL eventfd is registered and matches another NULL.",
              Link.commit("irqbypass: Take ownership of producer/consumer token tracking", "2b521d86ee80a436a92445b8206d38d75aeb39ea"),
              Symptom.in("null-key").step("consumer").detail("producer got 0, consumer got 0"))
          .defaultEra("v6.16-eventfd")
          .summary("v6.17-3 with explicit bindings: a successful connect records producer->consumer and"
              + " consumer->producer after the start callbacks, a disconnect clears them, and unregister"
              + " WARNs if the partner it finds is not the bound one.")
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
