package dev.irqlab.conformance;

import dev.irqlab.conformance.ScenarioArgs.Word;
import dev.irqlab.conformance.io.Quote;
import dev.irqlab.devices.FaultPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operations of the scenario text format, each read from the words of its line. */
final class ScenarioOps {
  private static final Pattern FIRE = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\.(?:(msix|msi|vq)([0-9]+)|intx)");
  /** The most MSI vectors a device may have (PCI's limit). */
  static final int MAX_MSI = 32;
  /** The most MSI-X vectors a device may have (PCI's limit). */
  static final int MAX_MSIX = 2048;
  /** The most virtqueues a vDPA device may have here. */
  static final int MAX_VQS = 64;

  private ScenarioOps() {}

  /** The operation of one line: its verb and arguments. */
  static Op op(ScenarioArgs a) {
    String verb = a.text(0);
    if (!ScenarioParser.VERBS.containsKey(verb)) {
      throw a.error(a.word(0), "unknown operation " + Quote.of(verb) + ": expected one of " + String.join(", ", ScenarioParser.VERBS.keySet()));
    }
    return switch (verb) {
      case "producer", "consumer", "script" -> apiObject(a);
      case "eventfd", "unregister", "free", "signal", "close", "read", "poll" -> named(a);
      case "register" -> {
        a.need(3, 3);
        yield new Op.Register(a.text(1), a.text(2));
      }
      case "fail" -> fail(a);
      case "rmmod" -> {
        a.need(1, 1);
        yield new Op.Rmmod();
      }
      case "vm", "vfio", "vdpa" -> device(a);
      case "route" -> KvmRoutes.route(a);
      case "unroute", "irqfd", "deassign", "eoi" -> kvm(a);
      case "kvm-vfio", "kvm-vfio-del" -> {
        a.need(3, 3);
        yield new Op.KvmVfio(a.text(1), a.text(2), a.text(0).equals("kvm-vfio"));
      }
      default -> deviceIoctl(a);
    };
  }

  private static Op apiObject(ScenarioArgs a) {
    a.positional(2);
    switch (a.text(0)) {
      case "producer" -> {
        int add = a.errno("add", 0);
        String cb = a.choice("callbacks", "all", "all", "none");
        a.done();
        return new Op.NewProducer(a.text(1), add, cb.equals("all"));
      }
      case "consumer" -> {
        int add = a.errno("add", 0);
        String cb = a.choice("callbacks", "all", "all", "required", "none", "add-only", "del-only");
        a.done();
        return new Op.NewConsumer(a.text(1), add, Op.Callbacks.of(cb));
      }
      default -> {
        if (!a.has("add")) {
          throw a.error(a.endColumn(), "missing add=ERRNO: expected '" + ScenarioParser.VERBS.get("script") + "'");
        }
        int add = a.errno("add", 0);
        a.done();
        return new Op.Script(a.text(1), add);
      }
    }
  }

  private static Op named(ScenarioArgs a) {
    a.need(2, 2);
    String n = a.text(1);
    return switch (a.text(0)) {
      case "eventfd" -> new Op.Eventfd(n);
      case "unregister" -> new Op.Unregister(n);
      case "free" -> new Op.Free(n);
      case "signal" -> new Op.Signal(n);
      case "read" -> new Op.Read(n);
      case "poll" -> new Op.Poll(n);
      default -> new Op.Close(n);
    };
  }

  private static Op fail(ScenarioArgs a) {
    a.positional(2);
    String what = a.text(1);
    if (what.equals("off")) {
      a.done();
      return new Op.Fail(what);
    }
    if (!FaultPoints.isPoint(what)) {
      throw a.error(a.word(1), "unknown fault " + Quote.of(what) + ": expected " + FaultPoints.pointNames() + " or off");
    }
    long nth = a.number("nth", 0, 1, Integer.MAX_VALUE);
    long times = a.number("times", 0, 1, Integer.MAX_VALUE);
    String within = a.choice("in", null, FaultPoints.functions().toArray(String[]::new));
    a.done();
    return new Op.Fail(what, nth, times, within);
  }

  private static Op device(ScenarioArgs a) {
    a.positional(2);
    Op op = switch (a.text(0)) {
      case "vm" -> new Op.Vm(a.text(1), a.number("vcpus", 2, 1, 64));
      case "vfio" -> new Op.Vfio(a.text(1), a.number("msi", 1, 0, MAX_MSI), a.number("msix", 4, 0, MAX_MSIX));
      default -> new Op.Vdpa(a.text(1), a.number("vqs", 2, 1, MAX_VQS));
    };
    a.done();
    return op;
  }

  private static Op kvm(ScenarioArgs a) {
    switch (a.text(0)) {
      case "unroute" -> {
        a.need(3, 3);
        return new Op.Unroute(a.text(1), a.number(2, 0, 4095));
      }
      case "irqfd" -> {
        a.positional(4);
        int gsi = a.number(3, 0, 4095);
        if (a.has("resample")) {
          if (a.has("flags")) {
            throw a.error(a.option("resample"), "option 'resample' with 'flags': expected one of them");
          }
          String resample = a.option("resample").text();
          a.done();
          return new Op.ResampleIrqfd(a.text(1), a.text(2), gsi, resample);
        }
        boolean noIrqBypass = a.choice("flags", "", "no-irqbypass").equals("no-irqbypass");
        a.done();
        return new Op.Irqfd(a.text(1), a.text(2), gsi, true, noIrqBypass);
      }
      case "eoi" -> {
        a.need(3, 3);
        return new Op.Eoi(a.text(1), a.number(2, 0, 4095));
      }
      default -> {
        a.need(4, 4);
        return new Op.Irqfd(a.text(1), a.text(2), a.number(3, 0, 4095), false);
      }
    }
  }

  private static Op deviceIoctl(ScenarioArgs a) {
    switch (a.text(0)) {
      case "set-irqs" -> {
        a.need(3, Integer.MAX_VALUE);
        String index = a.text(2);
        if (index.equals("intx") || index.equals("intx-unmask")) {
          a.need(4, 4);
          return new Op.SetIrqs(a.text(1), index, 0, List.of(a.text(3)));
        }
        a.need(5, Integer.MAX_VALUE);
        index = index(a, 2, "msi, msix, intx or intx-unmask");
        int start = a.number(3, 0, MAX_MSIX - 1);
        List<String> efds = new ArrayList<>();
        for (int i = 4; i < a.size(); i++) {
          efds.add(a.text(i));
        }
        return new Op.SetIrqs(a.text(1), index, start, efds);
      }
      case "disable-irqs" -> {
        a.need(3, 3);
        String index = a.text(2).equals("intx") ? "intx" : index(a, 2, "msi, msix or intx");
        return new Op.DisableIrqs(a.text(1), index);
      }
      case "trigger" -> {
        a.need(3, Integer.MAX_VALUE);
        String index = a.text(2).equals("intx") ? "intx" : index(a, 2, "msi, msix or intx");
        boolean intx = index.equals("intx");
        a.positional(intx ? 3 : 4);
        int vector = intx ? 0 : a.number(3, 0, MAX_MSIX - 1);
        String bool = a.choice("bool", null, "0", "1");
        a.done();
        return new Op.Trigger(a.text(1), index, vector, bool == null ? null : bool.equals("1"));
      }
      case "vring-call" -> {
        a.need(4, 4);
        return new Op.VringCall(a.text(1), a.number(2, 0, MAX_VQS - 1), a.text(3));
      }
      case "status" -> {
        a.need(3, 3);
        String s = a.text(2);
        if (!s.equals("driver-ok") && !s.equals("reset")) {
          throw a.error(a.word(2), "unknown status " + Quote.of(s) + ": expected driver-ok or reset");
        }
        return new Op.Status(a.text(1), s.equals("driver-ok"));
      }
      default -> {
        a.need(2, 2);
        return fireOf(a.text(1), a.file(), a.line(), a.word(1).column());
      }
    }
  }

  /** {@code vfio0.msix3} as a fire operation; the number is checked against the largest device of its kind. */
  static Op.Fire fireOf(String source, String file, int line, int column) {
    Matcher m = FIRE.matcher(source);
    if (!m.matches()) {
      throw new ScenarioException(file, line, column,
          "bad interrupt source " + Quote.of(source) + ": expected DEVICE.msixN, DEVICE.msiN, DEVICE.intx or DEVICE.vqN");
    }
    if (m.group(2) == null) {
      return new Op.Fire(m.group(1), "intx", 0);
    }
    int max = switch (m.group(2)) {
      case "msix" -> MAX_MSIX - 1;
      case "msi" -> MAX_MSI - 1;
      default -> MAX_VQS - 1;
    };
    String what = "vq".equals(m.group(2)) ? "a queue" : "a vector";
    int n = ScenarioArgs.number(file, line, new Word(m.group(3), column + m.start(3)), 0, max, what);
    return new Op.Fire(m.group(1), m.group(2), n);
  }

  /** Word {@code i}, {@code msi} or {@code msix}; {@code expected} lists every index the operation takes. */
  private static String index(ScenarioArgs a, int i, String expected) {
    String w = a.text(i);
    if (!w.equals("msi") && !w.equals("msix")) {
      throw a.error(a.word(i), "unknown interrupt index " + Quote.of(w) + ": expected " + expected);
    }
    return w;
  }
}
