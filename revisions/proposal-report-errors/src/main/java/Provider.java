package dev.irqlab.rev.proposal_report_errors;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/**
 * The proposal-report-errors revision: the 6.17 manager with callers that fail their ioctl when
 * a registration cannot connect, and a KVM_IRQFD flag that registers no consumer.
 */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("proposal-report-errors")
          .title("irqbypass: report a failed connect to userspace, and KVM_IRQFD_FLAG_NO_IRQBYPASS")
          .author("irqbypass-lab <irqbypass-lab@users.noreply.github.com>")
          .date("2026-11-22")
          .status(Status.PROPOSAL)
          .parent("v6.17")
          .link(Link.lore("irqbypass: Cleanups and a perf improvement (v1 cover letter: the future work)", "20250404211449.1443336-1-seanjc@google.com"))
          .link(Link.lore("v2 cover letter, as merged for 6.17", "20250516230734.2564775-1-seanjc@google.com"))
          .link(Link.commit("KVM: x86: Nullify irqfd->producer if updating IRTE for bypass fails", "ed446e8aa894883c08892cfee69782fdf8f6c3ca"))
          .deviates("REG-09", "The eventfd argument is not checked: NULL is key 0.",
              Link.commit("irqbypass: Take ownership of producer/consumer token tracking", "2b521d86ee80a436a92445b8206d38d75aeb39ea"),
              Symptom.in("null-key").step("consumer").detail("producer got 0, consumer got 0"))
          .defaultEra("proposal-report-errors")
          .summary("The 6.17 manager, whose registration already returns a failed connect's error,"
              + " with callers that fail KVM_IRQFD and VFIO_DEVICE_SET_IRQS with it, and"
              + " KVM_IRQFD_FLAG_NO_IRQBYPASS to opt an irqfd out of bypass.")
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
