package dev.irqlab.rev.rfc2015;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;

/** The rfc-2015 revision: Alex Williamson's June 2015 prototype, a root of the history. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("rfc-2015")
          .title("IRQ offload/bypass manager prototype, kernel/irq/bypass.c")
          .author("Alex Williamson <alex.williamson@redhat.com>")
          .date("2015-06-18")
          .status(Status.SUPERSEDED)
          .link(new Link("the mail, \"Re: [v4 08/16] KVM: kvm-vfio: User API for IRQ forwarding\""
              + " (a lore search by subject, sender and date: the mail's own URL was not verified)",
              "https://lore.kernel.org/all/?q=s%3A%22User+API+for+IRQ+forwarding%22+f%3Aalex.williamson+d%3A20150618..20150619"))
          .defaultEra("rfc-2015")
          .summary("A sketch in a reply on LKML: built-in lists and a mutex, void add/del_producer"
              + " callbacks, -EINVAL for a taken token. Never merged; it grew into v4.4.")
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
