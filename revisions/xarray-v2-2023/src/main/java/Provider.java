package dev.irqlab.rev.xarray_v2_2023;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The xarray-v2-2023 revision: Like Xu's XArray conversion v2 2/2, NAKed by Alex Williamson. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("xarray-v2-2023")
          .title("KVM: irqbypass: Convert producers/consumers single linked list to XArray")
          .author("Like Xu <likexu@tencent.com>")
          .date("2023-08-02")
          .status(Status.REJECTED)
          .parent("producer-fix-2023")
          .series("likexu-v2", "KVM: irqbypass: XArray conversion and a deref fix", 2, 2)
          .link(Link.lore("v2 2/2 as posted", "20230802051700.52321-3-likexu@tencent.com"))
          .link(Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"))
          .link(Link.lore("v2 1/2, the producer fix it applies on", "20230802051700.52321-2-likexu@tencent.com"))
          .deviates("REG-07", "The duplicate check (tmp || tmp == p) cannot catch the same producer under a new key: it is stored twice.",
              Link.lore("Sean Christopherson: the tmp == consumer check \"subtly gets dropped on the conversion to xarray\"", "20250516230734.2564775-1-seanjc@google.com"),
              Symptom.in("reregister-producer-new-key").step("again").detail("^got 0; producers p0@efd0 p0@efd1;"))
          .deviates("REG-08", "The duplicate check (tmp || tmp == c) cannot catch the same consumer under a new key: it is stored twice.",
              Link.lore("Sean Christopherson: the tmp == consumer check \"subtly gets dropped on the conversion to xarray\"", "20250516230734.2564775-1-seanjc@google.com"),
              Symptom.in("reregister-consumer-new-key").step("again").detail("consumers c0@efd0 c0@efd1;"))
          .deviates("ERR-02", "\"The producer is registered to the xarray regardless of the result of the connect operation.\"",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"),
              Symptom.in("connect-fails").step("connect").detail("after the failed connect: producers p0@efd0;.*\\(manager: p0<->c0\\)"))
          .deviates("INV-06", "\"The producer is registered to the xarray regardless of the result of the connect operation\": the manager holds the refused pair as connected.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"),
              Symptom.in("connect-fails", "connect-fails-producer", "connect-fails-retry", "connect-fails-later-partner", "connect-fails-free",
                  "connect-fails-bare-producer", "connect-fails-beside-pair", "sys-irqfd-connect-fails", "sys-vector-connect-fails",
                  "sys-arm64-connect-fails").detail("\\(manager: [^)]*<->"))
          .deviates("INV-05", "The manager holds the refused pair as connected, so it later calls del_producer for a vLPI that"
                  + " add_producer never mapped: kvm_vgic_v4_unset_forwarding WARNs that the vIRQ is not the host IRQ's.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"),
              Symptom.in("sys-arm64-connect-fails").report("WARNING").detail("Arm64IrqBypass\\.delProducer"))
          .deviates("ERR-03", "The failed producer keeps the key, so the next producer is refused with -EBUSY.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"),
              Symptom.in("connect-fails-later-partner").step("later").detail("^got -EBUSY;"))
          .deviates("ERR-07", "Unregistering the failed producer disconnects a pair that was never connected.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"),
              Symptom.in("connect-fails").step("unreg").detail("c0\\.del_producer, p0\\.del_consumer"))
          .deviates("ERR-08", "The retry finds the failed producer still stored and gets -EBUSY.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"),
              Symptom.in("connect-fails-retry").step("retry").detail("^retry got -EBUSY;"))
          .deviates("MOD-02", "\"The module reference is released regardless of xarray item\": the later unregister puts it again.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"),
              Symptom.in("connect-fails").step("done").detail("refcount 0 before, -1 after"))
          .deviates("LIFE-02", "The consumer's unregister reaches the freed producer the failed registration left stored.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"),
              Symptom.in("connect-fails-free").detail("KASAN: slab-use-after-free in disconnect"))
          .deviates("INV-01", "The consumer's unregister reaches the freed producer the failed registration left stored.",
              Link.lore("NAK by Alex Williamson", "20230802123017.5695fe0a.alex.williamson@redhat.com"),
              Symptom.in("connect-fails-free").step("unreg").report("KASAN"),
              Symptom.in("sys-vector-connect-fails").report("KASAN"))
          .deviates("INV-02", "An object stored under two keys leaves an xarray entry behind after unregister.",
              Link.lore("Sean Christopherson: the tmp == consumer check \"subtly gets dropped on the conversion to xarray\"", "20250516230734.2564775-1-seanjc@google.com"),
              Symptom.in("reregister-producer-new-key", "reregister-consumer-new-key").step("teardown").report("KMEMLEAK"),
              Symptom.in("reregister-producer-new-key", "reregister-consumer-new-key").step("teardown").report("LEAK").detail("^\\(struct xa_node\\)"))
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
