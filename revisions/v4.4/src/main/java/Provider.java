package dev.irqlab.rev.v4_4;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;

/** The v4.4 revision: f73f8173126b, the first merged IRQ bypass manager. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("v4.4")
          .title("virt: IRQ bypass manager")
          .author("Alex Williamson <alex.williamson@redhat.com>")
          .date("2015-10-01")
          .status(Status.MERGED)
          .parent("rfc-2015")
          .link(Link.commit("virt: IRQ bypass manager", "f73f8173126ba68eb1c42bd9a234a51d78576ca6"))
          .defaultEra("v4.4")
          .summary("The prototype as a loadable module: stop, add and start callbacks, -EBUSY for a"
              + " taken token, a module reference per registration. Merged for Linux 4.4.")
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
