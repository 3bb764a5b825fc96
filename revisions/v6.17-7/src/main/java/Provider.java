package dev.irqlab.rev.v6_17_7;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The v6.17-7 revision: patch 7/8 of Sean Christopherson's v2 series, xarrays instead of lists. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("v6.17-7")
          .title("irqbypass: Use xarray to track producers and consumers")
          .author("Sean Christopherson <seanjc@google.com>")
          .date("2025-05-16")
          .status(Status.MERGED)
          .parent("v6.17-6")
          .series("sean-v2", "irqbypass: Cleanups and a perf improvement", 7, 8)
          .link(Link.commit("irqbypass: Use xarray to track producers and consumers", "8394b32faecd9c63b3c436e78e62519e9548e530"))
          .link(Link.lore("[PATCH v2 7/8] as posted", "20250516230734.2564775-8-seanjc@google.com"))
          .link(Link.lore("v2 cover letter", "20250516230734.2564775-1-seanjc@google.com"))
          .deviates("REG-09", "The eventfd argument is not checked: NULL is key 0.",
              Link.commit("irqbypass: Take ownership of producer/consumer token tracking", "2b521d86ee80a436a92445b8206d38d75aeb39ea"),
              Symptom.in("null-key").step("consumer").detail("producer got 0, consumer got 0"))
          .defaultEra("v6.16-eventfd")
          .summary("Two xarrays keyed by the eventfd instead of two lists: an object is inserted before the"
              + " connect (-EBUSY when the index is taken, -ENOMEM when the xarray cannot grow) and erased"
              + " again if the connect fails.")
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
