package dev.irqlab.conformance;

import dev.irqlab.spi.Feature;
import dev.irqlab.spi.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The clauses of the standard suite. */
public final class Clauses {
  private Clauses() {}

  static final Link NAK = Link.lore("Alex Williamson's NAK of xarray-v2-2023", "20230802123017.5695fe0a.alex.williamson@redhat.com");

  /** Every clause of the standard suite, in order. */
  public static List<Clause> all() {
    List<Clause> out = new ArrayList<>();
    out.add(new Clause("ERR-02", Category.ERRORS,
        "A registration whose connect fails leaves nothing registered.",
        "The caller is told the registration failed and will not unregister; anything left behind is reached later.",
        List.of(NAK), List.of("connect-fails"), Set.of(Feature.CONNECT_ERRORS), Set.of(),
        e -> {
          Trace.StepTrace s = Checks.step(e, "connect-fails", "connect");
          return Verdict.check(!s.state().registers("p0"), "the failed producer stays registered: " + s.state().render());
        }));
    return out;
  }
}
