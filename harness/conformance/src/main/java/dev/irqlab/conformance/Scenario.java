package dev.irqlab.conformance;

import dev.irqlab.conformance.io.Quote;
import dev.irqlab.devices.HostSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sequence of operations on one machine, written in Java ({@link #builder}) or in the text
 * format ({@link ScenarioParser}). Every name is declared by the operation that creates it
 * before it is used, with the kind it is used as; a scenario is checked when it is built.
 *
 * @param id a stable id ({@code connect-fails-producer-side}), also the file's base name
 * @param title one line: what it does
 * @param origin where it came from: a file path, or {@code built-in}
 * @param steps the operations, in order
 * @param host the host it runs on: its {@code host} line, or {@link HostSettings#defaults()}
 */
public record Scenario(String id, String title, String origin, List<Step> steps, HostSettings host) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");

  public Scenario {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(origin, "origin");
    steps = List.copyOf(steps);
    Objects.requireNonNull(host, "host");
    if (!ID.matcher(id).matches()) {
      throw new ScenarioException(origin, 1, 1, "scenario id " + Quote.of(id) + ": expected lower-case letters, digits, '.' and '-'");
    }
    check(origin, steps);
  }

  /** A scenario on the default host. */
  public Scenario(String id, String title, String origin, List<Step> steps) {
    this(id, title, origin, steps, HostSettings.defaults());
  }

  /** This scenario on {@code settings}. */
  public Scenario withHost(HostSettings settings) {
    return new Scenario(id, title, origin, steps, settings);
  }

  /** The step labelled {@code label}. */
  public Step step(String label) {
    return steps.stream().filter(s -> label.equals(s.label())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("scenario " + id + " has no step labelled '" + label + "'"));
  }

  private static void check(String origin, List<Step> steps) {
    Map<String, Op.Kind> defined = new HashMap<>();
    Map<String, Integer> labels = new HashMap<>();
    for (Step s : steps) {
      if (s.label() != null && labels.put(s.label(), s.line()) != null) {
        throw new ScenarioException(origin, s.line(), 1, "label '" + s.label() + "' is used twice: expected a label of its own");
      }
      for (Op.Ref ref : s.op().refs()) {
        int col = s.column(ref.arg());
        if (ref.defines()) {
          if (!NAME.matcher(ref.name()).matches() || "NULL".equals(ref.name())) {
            throw new ScenarioException(origin, s.line(), col,
                Quote.of(ref.name()) + " cannot be a name: expected a letter, then letters, digits or '_', 64 at most");
          }
          Op.Kind before = defined.putIfAbsent(ref.name(), ref.kind());
          if (before != null) {
            throw new ScenarioException(origin, s.line(), col, Quote.of(ref.name()) + " is already " + before.label + ": expected a new name");
          }
        } else {
          Op.Kind kind = defined.get(ref.name());
          if (kind == null) {
            throw new ScenarioException(origin, s.line(), col, "unknown name " + Quote.of(ref.name()) + ": expected " + ref.kind().label + " declared above");
          }
          if (!ref.kind().accepts(kind)) {
            throw new ScenarioException(origin, s.line(), col, Quote.of(ref.name()) + " is " + kind.label + ": expected " + ref.kind().label);
          }
        }
      }
    }
  }

  /** The scenario in the text format, as {@link ScenarioParser} reads it back. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append("scenario ").append(id).append('\n');
    out.append("title ").append(title).append('\n');
    if (!host.describe().isEmpty()) {
      out.append("host ").append(host.describe()).append('\n');
    }
    for (Step s : steps) {
      out.append(s.text()).append('\n');
    }
    return out.toString();
  }

  /** A Java-built scenario. */
  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  /**
   * Builds a scenario step by step; {@link #label} names the next step. The methods read like
   * the text format's lines.
   */
  public static final class Builder {
    private final String id;
    private final String title;
    private final List<Step> steps = new ArrayList<>();
    private String label;
    private HostSettings host = HostSettings.defaults();

    private Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    /** The host it runs on, as a {@code host} line sets it. */
    public Builder host(HostSettings settings) {
      this.host = settings;
      return this;
    }

    /** Names the next step, for clauses. */
    public Builder label(String label) {
      this.label = label;
      return this;
    }

    public Builder op(Op op) {
      steps.add(new Step(steps.size() + 1, label, op, List.of()));
      label = null;
      return this;
    }

    public Builder producer(String name) {
      return op(new Op.NewProducer(name, 0, true));
    }

    /** A producer whose {@code add_consumer} returns {@code addResult}. */
    public Builder producer(String name, int addResult) {
      return op(new Op.NewProducer(name, addResult, true));
    }

    /** A producer with every callback NULL, as vfio-pci's and vhost-vdpa's are. */
    public Builder bareProducer(String name) {
      return op(new Op.NewProducer(name, 0, false));
    }

    public Builder consumer(String name) {
      return op(new Op.NewConsumer(name, 0, Op.Callbacks.ALL));
    }

    /** A consumer whose {@code add_producer} returns {@code addResult}. */
    public Builder consumer(String name, int addResult) {
      return op(new Op.NewConsumer(name, addResult, Op.Callbacks.ALL));
    }

    public Builder consumer(String name, Op.Callbacks callbacks) {
      return op(new Op.NewConsumer(name, 0, callbacks));
    }

    public Builder script(String name, int addResult) {
      return op(new Op.Script(name, addResult));
    }

    public Builder eventfd(String... names) {
      for (String n : names) {
        op(new Op.Eventfd(n));
      }
      return this;
    }

    public Builder register(String name, String key) {
      return op(new Op.Register(name, key));
    }

    public Builder unregister(String... names) {
      for (String n : names) {
        op(new Op.Unregister(n));
      }
      return this;
    }

    public Builder free(String name) {
      return op(new Op.Free(name));
    }

    /** {@code fail kmalloc|try_module_get|irq_set_vcpu_affinity|off}. */
    public Builder fail(String what) {
      return op(new Op.Fail(what));
    }

    public Builder rmmod() {
      return op(new Op.Rmmod());
    }

    public Builder vm(String name) {
      return op(new Op.Vm(name, 2));
    }

    public Builder vfio(String name) {
      return op(new Op.Vfio(name, 1, 4));
    }

    public Builder vdpa(String name) {
      return op(new Op.Vdpa(name, 2));
    }

    public Builder route(String vm, int gsi, int vcpu, int vector) {
      return op(new Op.Route(vm, gsi, vcpu, vector));
    }

    /** {@code kvm-vfio VM DEV}: binds the device's VFIO group to the VM, as a VMM does before wiring its interrupts. */
    public Builder kvmVfio(String vm, String dev) {
      return op(new Op.KvmVfio(vm, dev, true));
    }

    /** {@code kvm-vfio-del VM DEV}. */
    public Builder kvmVfioDel(String vm, String dev) {
      return op(new Op.KvmVfio(vm, dev, false));
    }

    public Builder unroute(String vm, int gsi) {
      return op(new Op.Unroute(vm, gsi));
    }

    public Builder irqfd(String vm, String efd, int gsi) {
      return op(new Op.Irqfd(vm, efd, gsi, true));
    }

    /** {@code irqfd VM EFD GSI flags=no-irqbypass}: the proposed {@code KVM_IRQFD_FLAG_NO_IRQBYPASS}. */
    public Builder irqfdNoIrqBypass(String vm, String efd, int gsi) {
      return op(new Op.Irqfd(vm, efd, gsi, true, true));
    }

    public Builder deassign(String vm, String efd, int gsi) {
      return op(new Op.Irqfd(vm, efd, gsi, false));
    }

    public Builder setIrqs(String dev, String index, int start, String... efds) {
      return op(new Op.SetIrqs(dev, index, start, List.of(efds)));
    }

    public Builder disableIrqs(String dev, String index) {
      return op(new Op.DisableIrqs(dev, index));
    }

    public Builder vringCall(String dev, int vq, String efd) {
      return op(new Op.VringCall(dev, vq, efd));
    }

    public Builder driverOk(String dev) {
      return op(new Op.Status(dev, true));
    }

    public Builder reset(String dev) {
      return op(new Op.Status(dev, false));
    }

    /** {@code fire vfio0.msix3}, {@code fire vdpa0.vq1}. */
    public Builder fire(String source) {
      return op(ScenarioParser.fireOf(source, "built-in", steps.size() + 1, 1));
    }

    public Builder signal(String efd) {
      return op(new Op.Signal(efd));
    }

    public Builder close(String name) {
      return op(new Op.Close(name));
    }

    public Scenario build() {
      return new Scenario(id, title, "built-in:" + id, steps, host);
    }
  }
}
