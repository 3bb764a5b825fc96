package dev.irqlab.rev.xarray_v2_2023;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;

/** The xarray-v2-2023 revision: Like Xu's XArray conversion v2 2/2, NAKed by Alex Williamson. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("xarray-v2-2023")
          .title("KVM: irqbypass: Convert producers/consumers single linked list to XArray")
          .author("Like Xu <likexu@tencent.com>")
          .date("2023-08-02")
          .status(Status.REJECTED)
          .parent("xarray-v1-2023")
          .link(Link.lore("v2 2/2 as posted", "20230802051700.52321-3-likexu@tencent.com"))
          .link(Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"))
          .link(Link.lore("v2 1/2, the producer fix it applies on", "20230802051700.52321-2-likexu@tencent.com"))
          .deviates("REG-07", "The duplicate check (tmp || tmp == p) cannot catch the same producer under a new key: it is stored twice.",
              Link.lore("Sean Christopherson: the tmp == consumer check \"subtly gets dropped on the conversion to xarray\"", "20250516230734.2564775-1-seanjc@google.com"))
          .deviates("REG-08", "The duplicate check (tmp || tmp == c) cannot catch the same consumer under a new key: it is stored twice.",
              Link.lore("Sean Christopherson: the tmp == consumer check \"subtly gets dropped on the conversion to xarray\"", "20250516230734.2564775-1-seanjc@google.com"))
          .deviates("ERR-02", "\"The producer is registered to the xarray regardless of the result of the connect operation.\"",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"))
          .deviates("ERR-03", "The failed producer keeps the key, so the next producer is refused with -EBUSY.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"))
          .deviates("ERR-07", "Unregistering the failed producer disconnects a pair that was never connected.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"))
          .deviates("ERR-08", "The retry finds the failed producer still stored and gets -EBUSY.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"))
          .deviates("MOD-02", "\"The module reference is released regardless of xarray item\": the later unregister puts it again.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"))
          .deviates("LIFE-02", "The consumer's unregister reaches the freed producer the failed registration left stored.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"))
          .deviates("INV-01", "The consumer's unregister reaches the freed producer the failed registration left stored.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"))
          .deviates("INV-02", "An object stored under two keys leaves an xarray entry behind after unregister.",
              Link.lore("Sean Christopherson: the tmp == consumer check \"subtly gets dropped on the conversion to xarray\"", "20250516230734.2564775-1-seanjc@google.com"))
          .defaultEra("v6.5")
          .summary("v1 with xa_store before the connect: a failed connect leaves the object stored"
              + " while its module reference is dropped. NAKed the same day; never merged.")
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
