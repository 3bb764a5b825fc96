package dev.irqlab.conformance;

import dev.irqlab.conformance.ScenarioArgs.Word;
import dev.irqlab.conformance.io.Quote;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import java.util.List;

/**
 * The {@code route} operation of the text format: an MSI to one vCPU ({@code vcpu=}), an MSI to
 * a logical destination of several vCPUs ({@code vcpus=}, fixed or lowest-priority), or a pin of
 * the in-kernel irqchip ({@code irqchip=}).
 */
final class KvmRoutes {
  /** The vCPUs a logical (flat) destination can name: one bit each of the 8-bit logical id. */
  static final int MAX_LOGICAL_VCPUS = 8;
  private static final List<String> CHIPS = List.of("pic-master", "pic-slave", "ioapic");

  private KvmRoutes() {}

  static Op route(ScenarioArgs a) {
    a.positional(3);
    String usage = ScenarioParser.VERBS.get("route");
    int gsi = a.number(2, 0, 4095);
    int forms = (a.has("vcpu") ? 1 : 0) + (a.has("vcpus") ? 1 : 0) + (a.has("irqchip") ? 1 : 0);
    if (forms == 0) {
      throw a.error(a.endColumn(), "missing vcpu=, vcpus= or irqchip=: expected '" + usage + "'");
    }
    if (forms > 1) {
      String key = a.has("irqchip") ? "irqchip" : "vcpus";
      throw a.error(a.option(key).column() - key.length() - 1, "more than one destination: expected one of vcpu=, vcpus= and irqchip=");
    }
    Op op;
    if (a.has("irqchip")) {
      Word chip = a.option("irqchip");
      int irqchip = CHIPS.indexOf(chip.text());
      if (irqchip < 0) {
        throw a.error(chip, Quote.of(chip.text()) + " is not an irqchip: expected ioapic, pic-master or pic-slave");
      }
      if (!a.has("pin")) {
        throw a.error(a.endColumn(), "missing pin=: expected '" + usage + "'");
      }
      op = new Op.RouteIrqchip(a.text(1), gsi, irqchip, a.number("pin", 0, 0, 23));
    } else {
      if (!a.has("vector")) {
        throw a.error(a.endColumn(), "missing vector=: expected '" + usage + "'");
      }
      if (a.has("vcpu")) {
        int vcpu = a.number("vcpu", 0, 0, 63);
        int vector = a.number("vector", 0, 16, 255);
        op = new Op.Route(a.text(1), gsi, vcpu, vector);
      } else {
        int mask = vcpus(a, a.option("vcpus"));
        int vector = a.number("vector", 0, 16, 255);
        boolean lowest = a.choice("delivery", "fixed", "fixed", "lowest-priority").equals("lowest-priority");
        op = new Op.RouteLogical(a.text(1), gsi, mask, vector, lowest);
      }
    }
    a.done();
    return op;
  }

  /** {@code 0,1,3} as a logical destination mask; each vCPU from 0 to 7, once. */
  private static int vcpus(ScenarioArgs a, Word w) {
    int mask = 0;
    int column = w.column();
    for (String part : w.text().split(",", -1)) {
      int vcpu = ScenarioArgs.number(a.file(), a.line(), new Word(part, column), 0, MAX_LOGICAL_VCPUS - 1, "a vCPU of a logical destination");
      if ((mask & 1 << vcpu) != 0) {
        throw a.error(column, "vCPU " + vcpu + " named twice: expected each vCPU once");
      }
      mask |= 1 << vcpu;
      column += part.length() + 1;
    }
    return mask;
  }
}
