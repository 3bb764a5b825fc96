package dev.irqlab.rev.v6_17;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/**
 * The v6.17 revision: Sean Christopherson's v2 series as merged for Linux 6.17, and its patch
 * 8/8 (also v6.17-8): producers pass the Linux IRQ number.
 */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("v6.17")
          .title("irqbypass: Cleanups and a perf improvement (v2, as merged)")
          .author("Sean Christopherson <seanjc@google.com>")
          .date("2025-05-16")
          .status(Status.MERGED)
          .parent("v6.17-7")
          .series("sean-v2", "irqbypass: Cleanups and a perf improvement", 8, 8)
          .alias("v6.17-8")
          .link(Link.commit("irqbypass: Require producers to pass in Linux IRQ number during registration", "23b54381cee2928e8b5622e654ca4516f30d2f1a"))
          .link(Link.lore("[PATCH v2 8/8] as posted", "20250516230734.2564775-9-seanjc@google.com"))
          .link(Link.lore("v2 cover letter", "20250516230734.2564775-1-seanjc@google.com"))
          .link(Link.commit("irqbypass: Take ownership of producer/consumer token tracking", "2b521d86ee80a436a92445b8206d38d75aeb39ea"))
          .link(Link.commit("irqbypass: Use xarray to track producers and consumers", "8394b32faecd9c63b3c436e78e62519e9548e530"))
          .link(new Link("KVM IRQ changes for 6.17 (merge f02b1bcc73a1)",
              "https://www.infradead.org/git/?a=commitdiff&h=f02b1bcc73a17602903480562571069f0dff9f24&p=nvme.git"))
          .deviates("REG-09", "The eventfd argument is not checked: NULL is key 0.",
              Link.commit("irqbypass: Take ownership of producer/consumer token tracking", "2b521d86ee80a436a92445b8206d38d75aeb39ea"),
              Symptom.in("null-key").step("consumer").detail("producer got 0, consumer got 0"))
          .deviates("SYS-02", "The 6.17 drivers leave the IRTE posted after KVM_IRQFD deassign (fixed in January 2026, era v6.17-fix).",
              Link.lore("KVM: x86: fix the IRTE left posted on irqfd deassign (Jan 2026)", "20260113174606.104978-2-seanjc@google.com"),
              Symptom.in("sys-vfio-irqfd").step("fire-deassigned").detail("arrived by \\[posted\\] with no connection"))
          .deviates("INV-03", "With the IRTE left posted after deassign, an interrupt meant for the eventfd goes to the vCPU.",
              Link.lore("KVM: x86: fix the IRTE left posted on irqfd deassign (Jan 2026)", "20260113174606.104978-2-seanjc@google.com"),
              Symptom.in("sys-vfio-irqfd").report("ANOMALY"))
          .defaultEra("v6.17")
          .summary("XArrays keyed by the eventfd, explicit producer/consumer bindings, no module"
              + " refcount; the manager takes the eventfd and the IRQ. Mainline since 6.17.")
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
