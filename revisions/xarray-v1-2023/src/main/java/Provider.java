package dev.irqlab.rev.xarray_v1_2023;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Symptom;

/** The xarray-v1-2023 revision: Like Xu's first XArray conversion, superseded by his v2. */
public final class Provider implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("xarray-v1-2023")
          .title("KVM: irqbypass: Convert producers/consumers single linked list to XArray")
          .author("Like Xu <likexu@tencent.com>")
          .date("2023-08-01")
          .status(Status.SUPERSEDED)
          .parent("producer-fix-2023")
          .link(Link.lore("v1 as posted", "20230801115646.33990-1-likexu@tencent.com"))
          .link(Link.lore("Alex Williamson's review: connected but not tracked", "20230801143938.3d27a199.alex.williamson@redhat.com"))
          .link(Link.lore("the producer fix it applies on", "20230801085408.69597-1-likexu@tencent.com"))
          .deviates("REG-07", "The duplicate check (tmp || tmp == p) cannot catch the same producer under a new key: it is stored twice.",
              Link.lore("Sean Christopherson: the tmp == consumer check \"subtly gets dropped on the conversion to xarray\"", "20250516230734.2564775-1-seanjc@google.com"),
              Symptom.in("reregister-producer-new-key").step("again").detail("^got 0; producers p0@efd0 p0@efd1;"))
          .deviates("REG-08", "The duplicate check (tmp || tmp == c) cannot catch the same consumer under a new key: it is stored twice.",
              Link.lore("Sean Christopherson: the tmp == consumer check \"subtly gets dropped on the conversion to xarray\"", "20250516230734.2564775-1-seanjc@google.com"),
              Symptom.in("reregister-consumer-new-key").step("again").detail("consumers c0@efd0 c0@efd1;"))
          .deviates("MEM-01", "The connect comes before xa_store: on -ENOMEM the pair stays connected but untracked.",
              Link.lore("Alex Williamson's review: connected but not tracked", "20230801143938.3d27a199.alex.williamson@redhat.com"),
              Symptom.in("alloc-fails").step("reg").detail("returned -ENOMEM after .*c0\\.add_producer, c0\\.start, p0\\.start; .*connected p0<->c0 \\(manager: -\\)"))
          .deviates("MEM-02", "The retry connects the already connected pair a second time.",
              Link.lore("Alex Williamson's review: connected but not tracked", "20230801143938.3d27a199.alex.williamson@redhat.com"),
              Symptom.in("alloc-fails").step("retry").detail("add_producer ran 2 times without a del"))
          .deviates("INV-06", "The connect comes before xa_store: on -ENOMEM the pair stays connected but untracked.",
              Link.lore("Alex Williamson's review: connected but not tracked", "20230801143938.3d27a199.alex.williamson@redhat.com"),
              Symptom.in("alloc-fails", "alloc-fails-consumer").detail("connected p0<->c0 \\(manager: -\\)"))
          .deviates("INV-02", "An object stored under two keys leaves an xarray entry behind after unregister.",
              Link.lore("Sean Christopherson: the tmp == consumer check \"subtly gets dropped on the conversion to xarray\"", "20250516230734.2564775-1-seanjc@google.com"),
              Symptom.in("reregister-producer-new-key", "reregister-consumer-new-key").step("teardown").report("KMEMLEAK"),
              Symptom.in("reregister-producer-new-key", "reregister-consumer-new-key").step("teardown").report("LEAK").detail("^\\(struct xa_node\\)"))
          .defaultEra("v6.5")
          .summary("Two xarrays keyed by token instead of two lists; connects before it stores, so a"
              + " failed xa_store leaves the pair connected but untracked. Replaced by v2 the next day.")
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
