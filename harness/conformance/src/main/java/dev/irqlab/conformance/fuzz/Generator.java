package dev.irqlab.conformance.fuzz;

import dev.irqlab.conformance.Op;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.Step;
import dev.irqlab.kernel.Errno;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random scenarios from the scenario grammar, the same for the same seed: a few eventfds, producers
 * and consumers at the API level (registered, unregistered, freed, their callbacks failing, with
 * fault injection), or a VM, a VFIO and a vDPA device at the system level (routes, irqfds, {@code
 * VFIO_DEVICE_SET_IRQS}, {@code VHOST_SET_VRING_CALL}, the kvm-vfio binding, interrupts fired, files
 * closed), or both.
 *
 * <p>At the API level the scenario is a caller that means to keep the manager's rules, so that what
 * goes wrong is the manager's doing: it never uses an object it freed, and unregisters only what it
 * tried to register ("safe even if registration was unsuccessful"). Whether a registration worked
 * is known only when the scenario runs, so it may also free an object right after a registration:
 * that keeps the rules when the registration failed (the contract says a failed registration
 * leaves nothing registered), and {@link CallerRules} tells from the trace when it did not. It
 * sometimes registers an object again without unregistering it, which the manager must refuse. It
 * ends by turning fault injection off and unregistering what it tried to register, as a caller
 * does before its module goes. At the system level anything goes: user space may call any system call in any
 * order, and no order of them may hurt the kernel. An eventfd an API object was registered with is
 * never closed, as a kernel caller holds a reference to its context.
 *
 * <p>Names are few (three eventfds, three producers, three consumers), so that objects meet on the
 * same eventfd often.
 */
public final class Generator {
  /** The most operations a generated scenario has before it unregisters what it registered. */
  public static final int MAX_OPS = 24;

  private static final int[] ADD_FAILURES = {-Errno.EBUSY, -Errno.EINVAL, -Errno.ENOMEM};
  private static final int[] GSIS = {24, 25};

  private final SplittableRandom random;
  private final List<Op> ops = new ArrayList<>();
  private final List<String> eventfds = new ArrayList<>();
  /** Every API object made, with what the caller knows of it. */
  private final Map<String, Caller> objects = new LinkedHashMap<>();
  /** The eventfds an API object was registered with. */
  private final Set<String> apiKeys = new HashSet<>();
  private final List<String> vms = new ArrayList<>();
  private final Map<String, Integer> vfio = new LinkedHashMap<>();
  private final Map<String, Integer> vdpa = new LinkedHashMap<>();
  private int producers;
  private int consumers;
  private boolean failing;

  /** What the caller knows of one of its objects. */
  private enum Caller {
    /** Made, never registered, or unregistered. */
    IDLE,
    /** Its registration was tried: it may have worked or not; unregister is safe either way. */
    TRIED,
    /** Freed: never used again. */
    FREED
  }

  private Generator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The scenario of {@code seed}: the same for the same seed, on every machine. */
  public static Scenario scenario(long seed) {
    return new Generator(seed).generate("fuzz-" + Long.toUnsignedString(seed, 16));
  }

  private Scenario generate(String id) {
    int kind = random.nextInt(20);
    boolean api = kind < 14;
    boolean system = kind >= 10;
    int length = 3 + random.nextInt(MAX_OPS - 2);
    while (ops.size() < length) {
      if (api && (!system || random.nextBoolean())) {
        apiOp();
      } else {
        systemOp();
      }
    }
    if (failing) {
      ops.add(new Op.Fail("off"));
    }
    objects.forEach((name, state) -> {
      if (state == Caller.TRIED) {
        ops.add(new Op.Unregister(name));
      }
    });
    List<Step> steps = new ArrayList<>();
    for (Op op : ops) {
      steps.add(new Step(steps.size() + 1, null, op, List.of()));
    }
    return new Scenario(id, "generated", "fuzz:" + id, steps);
  }

  // ------------------------------------------------------------------ API level

  private void apiOp() {
    if (failing && random.nextInt(3) == 0) {
      ops.add(new Op.Fail("off"));
      failing = false;
      return;
    }
    switch (random.nextInt(16)) {
      case 0, 1 -> newEventfd();
      case 2, 3 -> newProducer();
      case 4, 5 -> newConsumer();
      case 6, 7, 8, 9 -> register();
      case 10, 11 -> unregister();
      case 12 -> free();
      case 13 -> script();
      case 14 -> fail(random.nextBoolean() ? "kmalloc" : "try_module_get");
      default -> {
        if (random.nextInt(4) == 0) {
          ops.add(new Op.Rmmod());
        } else {
          register();
        }
      }
    }
  }

  private String newEventfd() {
    if (eventfds.size() >= 3) {
      return pick(eventfds);
    }
    String name = "efd" + eventfds.size();
    eventfds.add(name);
    ops.add(new Op.Eventfd(name));
    return name;
  }

  private void newProducer() {
    if (producers >= 3) {
      register();
      return;
    }
    String name = "p" + producers++;
    ops.add(new Op.NewProducer(name, addResult(), random.nextInt(5) != 0));
    objects.put(name, Caller.IDLE);
  }

  private void newConsumer() {
    if (consumers >= 3) {
      register();
      return;
    }
    String name = "c" + consumers++;
    int c = random.nextInt(10);
    Op.Callbacks callbacks = c < 7 ? Op.Callbacks.ALL : c < 9 ? Op.Callbacks.REQUIRED : Op.Callbacks.NONE;
    ops.add(new Op.NewConsumer(name, addResult(), callbacks));
    objects.put(name, Caller.IDLE);
  }

  /** What a new object's add callback returns: mostly 0. */
  private int addResult() {
    return random.nextInt(4) == 0 ? ADD_FAILURES[random.nextInt(ADD_FAILURES.length)] : 0;
  }

  private void register() {
    String name = random.nextInt(8) == 0 ? objectIn(Caller.IDLE, Caller.TRIED) : objectIn(Caller.IDLE);
    if (name == null) {
      if (producers + consumers < 6 && random.nextBoolean()) {
        newProducer();
      } else {
        newConsumer();
      }
      return;
    }
    String key = random.nextInt(25) == 0 ? "NULL" : newOrOldEventfd();
    ops.add(new Op.Register(name, key));
    objects.put(name, Caller.TRIED);
    if (!"NULL".equals(key)) {
      apiKeys.add(key);
    }
  }

  /** An eventfd: a new one while there are few, else one of those made. */
  private String newOrOldEventfd() {
    return eventfds.isEmpty() || (eventfds.size() < 3 && random.nextInt(3) == 0) ? newEventfd() : pick(eventfds);
  }

  private void unregister() {
    String name = objectIn(Caller.TRIED);
    if (name == null) {
      register();
      return;
    }
    ops.add(new Op.Unregister(name));
    objects.put(name, Caller.IDLE);
  }

  private void free() {
    String name = random.nextInt(3) == 0 ? objectIn(Caller.IDLE, Caller.TRIED) : objectIn(Caller.IDLE);
    if (name == null) {
      unregister();
      return;
    }
    ops.add(new Op.Free(name));
    objects.put(name, Caller.FREED);
  }

  private void script() {
    String name = objectIn(Caller.IDLE, Caller.TRIED);
    if (name == null) {
      newConsumer();
      return;
    }
    ops.add(new Op.Script(name, random.nextBoolean() ? 0 : ADD_FAILURES[random.nextInt(ADD_FAILURES.length)]));
  }

  private void fail(String what) {
    ops.add(new Op.Fail(what));
    failing = true;
  }

  /** An object in one of {@code states}, or null. */
  private String objectIn(Caller... states) {
    List<String> in = new ArrayList<>();
    objects.forEach((name, state) -> {
      for (Caller s : states) {
        if (s == state) {
          in.add(name);
        }
      }
    });
    return in.isEmpty() ? null : pick(in);
  }

  // ------------------------------------------------------------------ system level

  private void systemOp() {
    if (failing && random.nextInt(3) == 0) {
      ops.add(new Op.Fail("off"));
      failing = false;
      return;
    }
    switch (random.nextInt(20)) {
      case 0 -> newVm();
      case 1 -> newVfio();
      case 2 -> newVdpa();
      case 3 -> newEventfd();
      case 4, 5 -> route();
      case 6, 7, 8 -> irqfd(true);
      case 9 -> irqfd(false);
      case 10, 11 -> setIrqs();
      case 12 -> disableIrqs();
      case 13 -> vringCall();
      case 14 -> status();
      case 15, 16 -> fire();
      case 17 -> signal();
      case 18 -> {
        if (random.nextInt(3) == 0) {
          ops.add(new Op.KvmVfio(vm(), vfio(), random.nextInt(4) != 0));
        } else {
          close();
        }
      }
      default -> fail(random.nextBoolean() ? "irq_set_vcpu_affinity" : "kmalloc");
    }
  }

  private String vm() {
    return vms.isEmpty() || (vms.size() < 2 && random.nextInt(6) == 0) ? newVm() : pick(vms);
  }

  private String newVm() {
    if (vms.size() >= 2) {
      return pick(vms);
    }
    String name = "vm" + vms.size();
    vms.add(name);
    ops.add(new Op.Vm(name, 2));
    return name;
  }

  private String vfio() {
    return vfio.isEmpty() ? newVfio() : pick(new ArrayList<>(vfio.keySet()));
  }

  private String newVfio() {
    if (!vfio.isEmpty()) {
      return vfio();
    }
    String name = "vfio0";
    int msix = 1 + random.nextInt(4);
    vfio.put(name, msix);
    ops.add(new Op.Vfio(name, 1, msix));
    return name;
  }

  private String vdpa() {
    return vdpa.isEmpty() ? newVdpa() : pick(new ArrayList<>(vdpa.keySet()));
  }

  private String newVdpa() {
    if (!vdpa.isEmpty()) {
      return vdpa();
    }
    String name = "vdpa0";
    int vqs = 1 + random.nextInt(2);
    vdpa.put(name, vqs);
    ops.add(new Op.Vdpa(name, vqs));
    return name;
  }

  private String eventfd() {
    return eventfds.isEmpty() ? newEventfd() : pick(eventfds);
  }

  private void route() {
    String vm = vm();
    int gsi = GSIS[random.nextInt(GSIS.length)];
    int form = random.nextInt(10);
    if (form < 2) {
      ops.add(new Op.Unroute(vm, gsi));
    } else if (form == 2) {
      ops.add(new Op.RouteLogical(vm, gsi, 1 + random.nextInt(3), 0x40 + random.nextInt(3), random.nextBoolean()));
    } else if (form == 3) {
      ops.add(new Op.RouteIrqchip(vm, gsi, 2, random.nextInt(24)));
    } else {
      ops.add(new Op.Route(vm, gsi, random.nextInt(2), 0x40 + random.nextInt(3)));
    }
  }

  private void irqfd(boolean assign) {
    String vm = vm();
    String efd = eventfd();
    ops.add(new Op.Irqfd(vm, efd, GSIS[random.nextInt(GSIS.length)], assign, assign && random.nextInt(10) == 0));
  }

  private void setIrqs() {
    String dev = vfio();
    int msix = vfio.get(dev);
    int start = random.nextInt(msix);
    int count = 1 + random.nextInt(Math.min(2, msix - start));
    List<String> efds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      efds.add(random.nextInt(5) == 0 ? "-" : eventfd());
    }
    ops.add(new Op.SetIrqs(dev, "msix", start, efds));
  }

  private void disableIrqs() {
    ops.add(new Op.DisableIrqs(vfio(), "msix"));
  }

  private void vringCall() {
    String dev = vdpa();
    int vq = random.nextInt(vdpa.get(dev));
    ops.add(new Op.VringCall(dev, vq, random.nextInt(5) == 0 ? "-" : eventfd()));
  }

  private void status() {
    ops.add(new Op.Status(vdpa(), random.nextInt(3) != 0));
  }

  private void fire() {
    if (!vdpa.isEmpty() && (vfio.isEmpty() || random.nextBoolean())) {
      String dev = vdpa();
      ops.add(new Op.Fire(dev, "vq", random.nextInt(vdpa.get(dev))));
    } else {
      String dev = vfio();
      ops.add(new Op.Fire(dev, "msix", random.nextInt(vfio.get(dev))));
    }
  }

  private void signal() {
    ops.add(new Op.Signal(eventfd()));
  }

  private void close() {
    List<String> files = new ArrayList<>(eventfds);
    files.removeAll(apiKeys);
    files.addAll(vms);
    files.addAll(vfio.keySet());
    files.addAll(vdpa.keySet());
    if (files.isEmpty()) {
      newEventfd();
      return;
    }
    ops.add(new Op.Close(pick(files)));
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
