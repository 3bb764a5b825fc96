package dev.irqlab.rev.cleanup_v1_2025;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The cleanup-v1-2025 revision: Sean Christopherson's seven-patch v1, superseded by v2. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("cleanup-v1-2025")
          .title("irqbypass: Cleanups and a perf improvement (v1)")
          .author("Sean Christopherson <seanjc@google.com>")
          .date("2025-04-04")
          .status(Status.SUPERSEDED)
          .parent("v6.16")
          .link(Link.lore("v1 cover letter", "20250404211449.1443336-1-seanjc@google.com"))
          .link(Link.lore("[PATCH 7/7] irqbypass: Use xarray to track producers and consumers", "20250404211449.1443336-8-seanjc@google.com"))
          .link(Link.lore("Alex Williamson: s/token/eventfd/", "20250410162516.6ebfa8ee.alex.williamson@redhat.com"))
          .link(Link.lore("Sean Christopherson on Like Xu's numbers", "Z_fbFcT3gxNK_dWr@google.com"))
          .deviates("REG-09", "The eventfd argument is not checked: NULL is key 0.",
              Link.lore("[PATCH 3/7] irqbypass: Take ownership of producer/consumer token tracking", "20250404211449.1443336-4-seanjc@google.com"),
              Symptom.in("null-key").step("consumer").detail("producer got 0, consumer got 0"))
          .defaultEra("v6.16")
          .summary("Drops the module refcount and might_sleep, makes the token manager-owned and"
              + " set from the eventfd, tracks bindings, and moves to xarrays. Superseded by v2.")
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
