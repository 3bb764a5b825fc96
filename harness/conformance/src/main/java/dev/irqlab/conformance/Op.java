package dev.irqlab.conformance;

import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import dev.irqlab.devices.kvm.MsiMessage;
import dev.irqlab.devices.vdpa.VdpaDevice;
import dev.irqlab.devices.vfio.VfioIrqSet;
import java.util.List;
import java.util.Locale;

/**
 * One operation of a scenario: at the API level (make a producer or consumer with scripted
 * callbacks, register, unregister, free, inject a fault, unload the module) or at the system
 * level (create a VM or a device, the ioctls, fire a device interrupt, close a file). Each
 * prints as one line of the text format ({@link #text()}) and runs on a {@link Machine}.
 */
public sealed interface Op {

  /** The line of the text format that reads back as this operation. */
  String text();

  /** Runs on {@code m}; returns 0 or a negative errno. */
  int apply(Machine m);

  /** The names this operation refers to, each with the kind it must have, in argument order. */
  List<Ref> refs();

  /**
   * A name an operation uses or defines.
   *
   * @param name the name
   * @param kind what it must name
   * @param defines true when the operation creates it
   * @param arg the index of the argument that holds it (1 is the first after the verb)
   */
  record Ref(String name, Kind kind, boolean defines, int arg) {}

  /** What a name can stand for. */
  enum Kind {
    PRODUCER("a producer"),
    CONSUMER("a consumer"),
    OBJECT("a producer or consumer"),
    EVENTFD("an eventfd"),
    VM("a VM"),
    VFIO("a VFIO device"),
    VDPA("a vDPA device"),
    FILE("an eventfd, a VM or a device");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    boolean accepts(Kind defined) {
      return this == defined
          || (this == OBJECT && (defined == PRODUCER || defined == CONSUMER))
          || (this == FILE && (defined == EVENTFD || defined == VM || defined == VFIO || defined == VDPA));
    }
  }

  /**
   * Which callbacks a scenario's consumer has: all four, only the two required, none, or
   * exactly one of the two required ({@code add-only}, {@code del-only}).
   */
  enum Callbacks {
    ALL,
    REQUIRED,
    NONE,
    ADD_ONLY,
    DEL_ONLY;

    String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The callbacks a word names: {@code all}, {@code required}, {@code none}, {@code add-only}, {@code del-only}. */
    static Callbacks of(String word) {
      return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  private static String errno(int ret) {
    return dev.irqlab.kernel.Errno.name(ret);
  }

  // ------------------------------------------------------------------ API level

  /** {@code producer p0 [add=-EBUSY] [callbacks=none]}: a zeroed producer with scripted callbacks. */
  record NewProducer(String name, int addResult, boolean callbacks) implements Op {
    public String text() {
      return "producer " + name + (addResult != 0 ? " add=" + errno(addResult) : "") + (callbacks ? "" : " callbacks=none");
    }

    public int apply(Machine m) {
      return m.newProducer(name, addResult, callbacks);
    }

    public List<Ref> refs() {
      return List.of(new Ref(name, Kind.PRODUCER, true, 1));
    }
  }

  /** {@code consumer c0 [add=-EBUSY] [callbacks=required|none]}. */
  record NewConsumer(String name, int addResult, Callbacks callbacks) implements Op {
    public String text() {
      return "consumer " + name + (addResult != 0 ? " add=" + errno(addResult) : "")
          + (callbacks != Callbacks.ALL ? " callbacks=" + callbacks.word() : "");
    }

    public int apply(Machine m) {
      return m.newConsumer(name, addResult, callbacks);
    }

    public List<Ref> refs() {
      return List.of(new Ref(name, Kind.CONSUMER, true, 1));
    }
  }

  /** {@code script c0 add=0}: what the object's add callback returns from now on. */
  record Script(String name, int addResult) implements Op {
    public String text() {
      return "script " + name + " add=" + errno(addResult);
    }

    public int apply(Machine m) {
      return m.script(name, addResult);
    }

    public List<Ref> refs() {
      return List.of(new Ref(name, Kind.OBJECT, false, 1));
    }
  }

  /** {@code eventfd efd0}: {@code eventfd(0, 0)} in the VMM process. */
  record Eventfd(String name) implements Op {
    public String text() {
      return "eventfd " + name;
    }

    public int apply(Machine m) {
      return m.eventfd(name);
    }

    public List<Ref> refs() {
      return List.of(new Ref(name, Kind.EVENTFD, true, 1));
    }
  }

  /** {@code register p0 efd0} (or {@code NULL}): the manager's register entry point. */
  record Register(String name, String key) implements Op {
    public String text() {
      return "register " + name + " " + key;
    }

    public int apply(Machine m) {
      return m.register(name, key);
    }

    public List<Ref> refs() {
      return "NULL".equals(key)
          ? List.of(new Ref(name, Kind.OBJECT, false, 1))
          : List.of(new Ref(name, Kind.OBJECT, false, 1), new Ref(key, Kind.EVENTFD, false, 2));
    }
  }

  /** {@code unregister p0}. */
  record Unregister(String name) implements Op {
    public String text() {
      return "unregister " + name;
    }

    public int apply(Machine m) {
      return m.unregister(name);
    }

    public List<Ref> refs() {
      return List.of(new Ref(name, Kind.OBJECT, false, 1));
    }
  }

  /** {@code free p0}: the caller's {@code kfree} of its struct. */
  record Free(String name) implements Op {
    public String text() {
      return "free " + name;
    }

    public int apply(Machine m) {
      return m.free(name);
    }

    public List<Ref> refs() {
      return List.of(new Ref(name, Kind.OBJECT, false, 1));
    }
  }

  /**
   * {@code fail POINT [nth=N] [times=K] [in=FUNCTION]} and {@code fail off}: fault injection at a
   * point ({@code kmalloc}, {@code kmalloc:TYPE}, {@code try_module_get}, {@code
   * irq_set_vcpu_affinity}, {@code request_irq}). Without {@code nth} and {@code times} every
   * hit fails until {@code fail off}; {@code nth=N} fails the Nth hit from now, and {@code
   * times=K} K hits from the Nth on; {@code in=FUNCTION} counts only the hits made inside that C
   * function.
   *
   * @param what the point, or {@code off}
   * @param nth the first hit that fails, from 1; 0 for every hit
   * @param times how many hits fail from the {@code nth} on; 0 for every one
   * @param within the function the hits must be made in, or null
   */
  record Fail(String what, long nth, long times, String within) implements Op {
    /** Either both are 0 (every hit), or {@code nth} and {@code times} are at least 1 each. */
    public Fail {
      if (nth != 0 || times != 0) {
        nth = Math.max(nth, 1);
        times = Math.max(times, 1);
      }
    }

    /** Every hit of {@code what} fails, or {@code off}. */
    public Fail(String what) {
      this(what, 0, 0, null);
    }

    public String text() {
      return "fail " + what + (nth > 0 ? " nth=" + nth : "") + (times > 1 ? " times=" + times : "")
          + (within != null ? " in=" + within : "");
    }

    public int apply(Machine m) {
      return m.fail(this);
    }

    public List<Ref> refs() {
      return List.of();
    }
  }

  /** {@code rmmod}: unload the manager's module. */
  record Rmmod() implements Op {
    public String text() {
      return "rmmod";
    }

    public int apply(Machine m) {
      return m.rmmod();
    }

    public List<Ref> refs() {
      return List.of();
    }
  }

  // ------------------------------------------------------------------ system level

  /** {@code vm vm0 [vcpus=2]}: {@code KVM_CREATE_VM}. */
  record Vm(String name, int vcpus) implements Op {
    public String text() {
      return "vm " + name + (vcpus != 2 ? " vcpus=" + vcpus : "");
    }

    public int apply(Machine m) {
      return m.vm(name, vcpus);
    }

    public List<Ref> refs() {
      return List.of(new Ref(name, Kind.VM, true, 1));
    }
  }

  /** {@code vfio vfio0 [msi=1] [msix=4]}: a PCI device bound to vfio-pci, opened. */
  record Vfio(String name, int msi, int msix) implements Op {
    public String text() {
      return "vfio " + name + (msi != 1 ? " msi=" + msi : "") + (msix != 4 ? " msix=" + msix : "");
    }

    public int apply(Machine m) {
      return m.vfio(name, msi, msix);
    }

    public List<Ref> refs() {
      return List.of(new Ref(name, Kind.VFIO, true, 1));
    }
  }

  /** {@code vdpa vdpa0 [vqs=2]}: a vDPA device bound to vhost-vDPA, opened. */
  record Vdpa(String name, int vqs) implements Op {
    public String text() {
      return "vdpa " + name + (vqs != 2 ? " vqs=" + vqs : "");
    }

    public int apply(Machine m) {
      return m.vdpa(name, vqs);
    }

    public List<Ref> refs() {
      return List.of(new Ref(name, Kind.VDPA, true, 1));
    }
  }

  /** {@code route vm0 24 vcpu=1 vector=0x41}: an MSI route of a GSI ({@code KVM_SET_GSI_ROUTING}). */
  record Route(String vm, int gsi, int vcpu, int vector) implements Op {
    public String text() {
      return String.format(Locale.ROOT, "route %s %d vcpu=%d vector=0x%x", vm, gsi, vcpu, vector);
    }

    public int apply(Machine m) {
      return m.route(vm, Machine.msiRoute(gsi, vcpu, vector));
    }

    public List<Ref> refs() {
      return List.of(new Ref(vm, Kind.VM, false, 1));
    }
  }

  /**
   * {@code route vm0 24 vcpus=0,1 vector=0x41 [delivery=lowest-priority]}: an MSI route of a GSI
   * to a logical (flat) destination, the vCPUs of {@code vcpuMask} (bit {@code i} is vCPU {@code
   * i}, up to 8), with fixed or lowest-priority delivery.
   */
  record RouteLogical(String vm, int gsi, int vcpuMask, int vector, boolean lowestPriority) implements Op {
    public String text() {
      StringBuilder vcpus = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        if ((vcpuMask & 1 << i) != 0) {
          vcpus.append(vcpus.length() > 0 ? "," : "").append(i);
        }
      }
      return String.format(Locale.ROOT, "route %s %d vcpus=%s vector=0x%x%s", vm, gsi, vcpus, vector,
          lowestPriority ? " delivery=lowest-priority" : "");
    }

    public int apply(Machine m) {
      MsiMessage.DeliveryMode mode = lowestPriority ? MsiMessage.DeliveryMode.LOWEST_PRIORITY : MsiMessage.DeliveryMode.FIXED;
      return m.route(vm, KvmIrqRoutingEntry.msi(gsi, MsiMessage.of(vcpuMask, true, mode, vector)));
    }

    public List<Ref> refs() {
      return List.of(new Ref(vm, Kind.VM, false, 1));
    }
  }

  /** {@code route vm0 10 irqchip=ioapic pin=10}: a route of a GSI to a pin of the in-kernel irqchip. */
  record RouteIrqchip(String vm, int gsi, int irqchip, int pin) implements Op {
    public String text() {
      return "route " + vm + " " + gsi + " irqchip=" + KvmIrqRoutingEntry.irqchipName(irqchip) + " pin=" + pin;
    }

    public int apply(Machine m) {
      return m.route(vm, KvmIrqRoutingEntry.irqchip(gsi, irqchip, pin));
    }

    public List<Ref> refs() {
      return List.of(new Ref(vm, Kind.VM, false, 1));
    }
  }

  /** {@code unroute vm0 24}: removes the GSI's routes. */
  record Unroute(String vm, int gsi) implements Op {
    public String text() {
      return "unroute " + vm + " " + gsi;
    }

    public int apply(Machine m) {
      return m.unroute(vm, gsi);
    }

    public List<Ref> refs() {
      return List.of(new Ref(vm, Kind.VM, false, 1));
    }
  }

  /**
   * {@code irqfd vm0 efd0 24 [flags=no-irqbypass]} and {@code deassign vm0 efd0 24}: {@code
   * KVM_IRQFD}, the assign with or without the proposed {@code KVM_IRQFD_FLAG_NO_IRQBYPASS}.
   */
  record Irqfd(String vm, String efd, int gsi, boolean assign, boolean noIrqBypass) implements Op {
    /** Without the flag. */
    public Irqfd(String vm, String efd, int gsi, boolean assign) {
      this(vm, efd, gsi, assign, false);
    }

    public String text() {
      return (assign ? "irqfd " : "deassign ") + vm + " " + efd + " " + gsi + (noIrqBypass ? " flags=no-irqbypass" : "");
    }

    public int apply(Machine m) {
      return m.irqfd(vm, efd, gsi, assign, noIrqBypass);
    }

    public List<Ref> refs() {
      return List.of(new Ref(vm, Kind.VM, false, 1), new Ref(efd, Kind.EVENTFD, false, 2));
    }
  }

  /**
   * {@code kvm-vfio vm0 vfio0} and {@code kvm-vfio-del vm0 vfio0}: the VM's kvm-vfio device
   * ({@code KVM_CREATE_DEVICE} of {@code KVM_DEV_TYPE_VFIO}, made at the first use as QEMU makes
   * it), then {@code KVM_SET_DEVICE_ATTR} with {@code KVM_DEV_VFIO_GROUP_ADD} or {@code
   * GROUP_DEL} and the device's group.
   */
  record KvmVfio(String vm, String dev, boolean add) implements Op {
    public String text() {
      return (add ? "kvm-vfio " : "kvm-vfio-del ") + vm + " " + dev;
    }

    public int apply(Machine m) {
      return m.kvmVfio(vm, dev, add);
    }

    public List<Ref> refs() {
      return List.of(new Ref(vm, Kind.VM, false, 1), new Ref(dev, Kind.VFIO, false, 2));
    }
  }

  /**
   * {@code irqfd vm0 efd0 5 resample=efd1}: {@code KVM_IRQFD} with {@code
   * KVM_IRQFD_FLAG_RESAMPLE}: the line stays high until the guest's EOI, which signals {@code
   * efd1}.
   */
  record ResampleIrqfd(String vm, String efd, int gsi, String resample) implements Op {
    public String text() {
      return "irqfd " + vm + " " + efd + " " + gsi + " resample=" + resample;
    }

    public int apply(Machine m) {
      return m.irqfd(vm, efd, gsi, true, false, resample);
    }

    public List<Ref> refs() {
      return List.of(new Ref(vm, Kind.VM, false, 1), new Ref(efd, Kind.EVENTFD, false, 2), new Ref(resample, Kind.EVENTFD, false, 4));
    }
  }

  /**
   * {@code eoi vm0 5}: the guest acknowledges the interrupt it took through GSI 5's irqchip pin;
   * KVM's ack notifiers run (a resample irqfd's resampler lowers the line and signals the
   * resample eventfd). The guest does nothing else on its own: a level interrupt stays
   * unacknowledged until a step says {@code eoi}.
   */
  record Eoi(String vm, int gsi) implements Op {
    public String text() {
      return "eoi " + vm + " " + gsi;
    }

    public int apply(Machine m) {
      return m.eoi(vm, gsi);
    }

    public List<Ref> refs() {
      return List.of(new Ref(vm, Kind.VM, false, 1));
    }
  }

  /** {@code read efd0}: a nonblocking {@code read(2)}: the counter, reset to 0, or {@code -EAGAIN} at 0. */
  record Read(String efd) implements Op {
    public String text() {
      return "read " + efd;
    }

    public int apply(Machine m) {
      return m.read(efd);
    }

    public List<Ref> refs() {
      return List.of(new Ref(efd, Kind.EVENTFD, false, 1));
    }
  }

  /** {@code poll efd0}: whether the eventfd is readable ({@code POLLIN}) now; its counter is left as it is. */
  record Poll(String efd) implements Op {
    public String text() {
      return "poll " + efd;
    }

    public int apply(Machine m) {
      return m.poll(efd);
    }

    public List<Ref> refs() {
      return List.of(new Ref(efd, Kind.EVENTFD, false, 1));
    }
  }

  /**
   * {@code set-irqs vfio0 msix 0 efd0 - efd1}: {@code VFIO_DEVICE_SET_IRQS} with eventfds ({@code
   * -} is -1); {@code set-irqs vfio0 intx efd0} sets the INTx trigger, and {@code set-irqs vfio0
   * intx-unmask efd1} the eventfd that unmasks INTx ({@code ACTION_UNMASK}), with no start.
   */
  record SetIrqs(String dev, String index, int start, List<String> efds) implements Op {
    public SetIrqs {
      efds = List.copyOf(efds);
    }

    /** INTx: {@code intx} or {@code intx-unmask}, one eventfd. */
    private boolean intx() {
      return index.startsWith("intx");
    }

    public String text() {
      return "set-irqs " + dev + " " + index + " " + (intx() ? "" : start + " ") + String.join(" ", efds);
    }

    public int apply(Machine m) {
      return switch (index) {
        case "intx-unmask" -> m.intxUnmask(dev, efds.get(0));
        case "intx" -> m.setIrqs(dev, VfioIrqSet.INTX, 0, efds);
        case "msi" -> m.setIrqs(dev, VfioIrqSet.MSI, start, efds);
        default -> m.setIrqs(dev, VfioIrqSet.MSIX, start, efds);
      };
    }

    public List<Ref> refs() {
      java.util.ArrayList<Ref> out = new java.util.ArrayList<>();
      out.add(new Ref(dev, Kind.VFIO, false, 1));
      int first = intx() ? 3 : 4;
      for (int i = 0; i < efds.size(); i++) {
        if (!"-".equals(efds.get(i))) {
          out.add(new Ref(efds.get(i), Kind.EVENTFD, false, first + i));
        }
      }
      return out;
    }
  }

  /**
   * {@code trigger vfio0 msix 3} (or {@code ... bool=0|1}): {@code VFIO_DEVICE_SET_IRQS} with
   * {@code ACTION_TRIGGER} and {@code DATA_NONE} ({@code DATA_BOOL}) on one vector: a loopback
   * that signals the vector's trigger from software.
   *
   * @param fire the {@code DATA_BOOL} flag, or null for {@code DATA_NONE}
   */
  record Trigger(String dev, String index, int vector, Boolean fire) implements Op {
    public String text() {
      return "trigger " + dev + " " + index + ("intx".equals(index) ? "" : " " + vector) + (fire == null ? "" : " bool=" + (fire ? 1 : 0));
    }

    public int apply(Machine m) {
      int i = switch (index) {
        case "intx" -> VfioIrqSet.INTX;
        case "msi" -> VfioIrqSet.MSI;
        default -> VfioIrqSet.MSIX;
      };
      return m.trigger(dev, i, vector, fire);
    }

    public List<Ref> refs() {
      return List.of(new Ref(dev, Kind.VFIO, false, 1));
    }
  }

  /** {@code disable-irqs vfio0 msix} (or {@code msi}, {@code intx}): {@code VFIO_DEVICE_SET_IRQS} with DATA_NONE and count 0. */
  record DisableIrqs(String dev, String index) implements Op {
    public String text() {
      return "disable-irqs " + dev + " " + index;
    }

    public int apply(Machine m) {
      return m.disableIrqs(dev, "intx".equals(index) ? VfioIrqSet.INTX : "msi".equals(index) ? VfioIrqSet.MSI : VfioIrqSet.MSIX);
    }

    public List<Ref> refs() {
      return List.of(new Ref(dev, Kind.VFIO, false, 1));
    }
  }

  /** {@code vring-call vdpa0 0 efd0} ({@code -} unsets): {@code VHOST_SET_VRING_CALL}. */
  record VringCall(String dev, int vq, String efd) implements Op {
    public String text() {
      return "vring-call " + dev + " " + vq + " " + efd;
    }

    public int apply(Machine m) {
      return m.vringCall(dev, vq, efd);
    }

    public List<Ref> refs() {
      return "-".equals(efd)
          ? List.of(new Ref(dev, Kind.VDPA, false, 1))
          : List.of(new Ref(dev, Kind.VDPA, false, 1), new Ref(efd, Kind.EVENTFD, false, 3));
    }
  }

  /** {@code status vdpa0 driver-ok|reset}: {@code VHOST_VDPA_SET_STATUS}. */
  record Status(String dev, boolean driverOk) implements Op {
    public String text() {
      return "status " + dev + (driverOk ? " driver-ok" : " reset");
    }

    public int apply(Machine m) {
      return m.setStatus(dev, driverOk ? VdpaDevice.DRIVER_OK : 0);
    }

    public List<Ref> refs() {
      return List.of(new Ref(dev, Kind.VDPA, false, 1));
    }
  }

  /** {@code fire vfio0.msix3}, {@code fire vfio0.intx} or {@code fire vdpa0.vq1}: the device raises that interrupt. */
  record Fire(String dev, String kind, int n) implements Op {
    public String text() {
      return "fire " + dev + "." + kind + ("intx".equals(kind) ? "" : Integer.toString(n));
    }

    public int apply(Machine m) {
      return m.fire(dev, kind, n);
    }

    public List<Ref> refs() {
      return List.of(new Ref(dev, "vq".equals(kind) ? Kind.VDPA : Kind.VFIO, false, 1));
    }
  }

  /** {@code signal efd0}: user space writes the eventfd. */
  record Signal(String efd) implements Op {
    public String text() {
      return "signal " + efd;
    }

    public int apply(Machine m) {
      return m.signal(efd);
    }

    public List<Ref> refs() {
      return List.of(new Ref(efd, Kind.EVENTFD, false, 1));
    }
  }

  /** {@code close efd0}: closes the process's file for that name. */
  record Close(String name) implements Op {
    public String text() {
      return "close " + name;
    }

    public int apply(Machine m) {
      return m.close(name);
    }

    public List<Ref> refs() {
      return List.of(new Ref(name, Kind.FILE, false, 1));
    }
  }
}
