package dev.irqlab.rev.proposal_report_errors;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;

/** The v6.17 revision: Sean Christopherson's v2 series as merged for Linux 6.17. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("proposal-report-errors")
          .title("irqbypass: report a failed connect to userspace, and KVM_IRQFD_FLAG_NO_IRQBYPASS")
          .author("irqbypass-lab <irqbypass-lab@users.noreply.github.com>")
          .date("2026-11-22")
          .status(Status.PROPOSAL)
          .parent("v6.17")
          .link(Link.lore("v2 cover letter", "20250516230734.2564775-1-seanjc@google.com"))
          .link(Link.commit("irqbypass: Take ownership of producer/consumer token tracking", "2b521d86ee80a436a92445b8206d38d75aeb39ea"))
          .link(Link.commit("irqbypass: Use xarray to track producers and consumers", "8394b32faecd9c63b3c436e78e62519e9548e530"))
          .link(Link.lore("irqbypass: Require producers to pass in Linux IRQ number during registration", "20250516230734.2564775-9-seanjc@google.com"))
          .link(new Link("KVM IRQ changes for 6.17 (merge f02b1bcc73a1)",
              "https://www.infradead.org/git/?a=commitdiff&h=f02b1bcc73a17602903480562571069f0dff9f24&p=nvme.git"))
          .deviates("REG-09", "The eventfd argument is not checked: NULL is key 0.",
              Link.commit("irqbypass: Take ownership of producer/consumer token tracking", "2b521d86ee80a436a92445b8206d38d75aeb39ea"))
          .deviates("MOD-03", "No module reference is held while objects are registered; the callers' module dependencies pin irqbypass.ko instead.",
              Link.lore("[PATCH v2 1/8] irqbypass: Drop pointless and misleading THIS_MODULE get/put", "20250516230734.2564775-2-seanjc@google.com"))
          .deviates("SYS-02", "The 6.17 drivers leave the IRTE posted after KVM_IRQFD deassign (fixed in January 2026, era v6.17-fix).",
              Link.lore("KVM: x86: fix the IRTE left posted on irqfd deassign (Jan 2026)", "20260113174606.104978-2-seanjc@google.com"))
          .deviates("INV-03", "With the IRTE left posted after deassign, an interrupt meant for the eventfd goes to the vCPU.",
              Link.lore("KVM: x86: fix the IRTE left posted on irqfd deassign (Jan 2026)", "20260113174606.104978-2-seanjc@google.com"))
          .deviates("INV-04", "After the rmmod that MOD-03 shows, the next unregister runs unloaded code.",
              Link.lore("[PATCH v2 1/8] irqbypass: Drop pointless and misleading THIS_MODULE get/put", "20250516230734.2564775-2-seanjc@google.com"))
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
