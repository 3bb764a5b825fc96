package dev.irqlab.devices.guest;

import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The guest's view of every interrupt: what each vCPU (and irqchip pin, and user-space reader)
 * received, by path, and a check that each interrupt arrived exactly once where the
 * configuration says.
 *
 * <p>An interrupt is opened by {@link #raise} (a device interrupt) or {@link #signal} (an eventfd
 * signalled from software); its expected targets are computed from the eventfd it signals or
 * would signal: the targets of every irqfd bound to that eventfd, by the current GSI routing, or
 * user space when no irqfd is. While it is open, every {@link #deliver delivery} counts for it;
 * when it closes, a target that got it less often than expected is {@link Anomaly.Kind#LOST},
 * more often {@link Anomaly.Kind#DUPLICATED}, and one not expected at all {@link
 * Anomaly.Kind#MISROUTED}, or {@link Anomaly.Kind#POSTED_WITHOUT_CALLBACK} when the IRTE posted
 * it past a device callback that was cleared; one that reached an expected vCPU while it was halted
 * (and so was not taken) is {@link Anomaly.Kind#HALTED}, and a VM destroyed while halted leaves
 * {@link Anomaly.Kind#LEFT_HALTED}. Each anomaly is kept and logged ({@code pr_err}, prefixed {@code
 * irqlab-guest:}), never dropped.
 *
 * <p>Used by one task at a time, as one {@code Host} is.
 */
public final class InterruptLedger {
  private final Kernel kernel;
  private final Function<EventfdCtx, List<Target>> expectations;
  private final Runnable settle;
  private final List<Interrupt> history = new ArrayList<>();
  private final List<Anomaly> anomalies = new ArrayList<>();
  private final List<Delivery> unattributed = new ArrayList<>();
  private final Map<Target, Map<Path, Long>> counts = new TreeMap<>();
  private Open open;
  private long lastId;

  /** The interrupt being handled. */
  private static final class Open {
    final long id;
    final String source;
    final EventfdCtx eventfd;
    final List<Target> expected;
    /** Each eventfd this interrupt signalled, the first one first, with its signal count before. */
    final Map<EventfdCtx, Long> signalled = new java.util.LinkedHashMap<>();
    final List<Delivery> deliveries = new ArrayList<>();
    final Set<Target> halted = new TreeSet<>();
    /** Where the device's eventfd leads when it has no callback to signal it, else empty. */
    List<Target> withoutCallback = List.of();

    Open(long id, String source, EventfdCtx eventfd, List<Target> expected, long signalsBefore) {
      this.id = id;
      this.source = source;
      this.eventfd = eventfd;
      this.expected = new ArrayList<>(expected);
      if (eventfd != null) {
        signalled.put(eventfd, signalsBefore);
      }
    }
  }

  /**
   * @param expectations the targets an eventfd's signal should reach now (with repeats for a
   *     target expected twice); empty for none
   * @param settle what runs after the hardware part of an interrupt, before it is checked: the
   *     deferred work it queued (injection work items)
   */
  public InterruptLedger(Kernel kernel, Function<EventfdCtx, List<Target>> expectations, Runnable settle) {
    this.kernel = kernel;
    this.expectations = expectations;
    this.settle = settle;
  }

  /**
   * A device raises an interrupt whose handler signals {@code eventfd} (null when it has none):
   * runs {@code hardware}, then the deferred work, and checks where it arrived.
   */
  public Interrupt raise(String source, EventfdCtx eventfd, Runnable hardware) {
    if (open != null) {
      throw new IllegalStateException("interrupt " + open.id + " (" + open.source + ") is still being handled");
    }
    List<Target> expected = eventfd == null || eventfd.isFreed() ? List.of() : expectations.apply(eventfd);
    return handle(new Open(++lastId, source, eventfd, expected, signals(eventfd)), hardware);
  }

  /** Runs {@code hardware} and the deferred work with {@code interrupt} open, then closes it. */
  private Interrupt handle(Open interrupt, Runnable hardware) {
    open = interrupt;
    try {
      hardware.run();
      settle.run();
      return close();
    } finally {
      open = null;
    }
  }

  /**
   * A device raises an interrupt while it has no callback that would signal {@code eventfd}, the
   * eventfd its producer was registered with: nothing is expected, and an arrival posted where
   * that eventfd leads is {@link Anomaly.Kind#POSTED_WITHOUT_CALLBACK}.
   */
  public Interrupt raiseWithoutCallback(String source, EventfdCtx eventfd, Runnable hardware) {
    if (open != null) {
      throw new IllegalStateException("interrupt " + open.id + " (" + open.source + ") is still being handled");
    }
    List<Target> leadsTo = eventfd == null || eventfd.isFreed() ? List.of() : expectations.apply(eventfd);
    Open interrupt = new Open(++lastId, source, null, List.of(), 0);
    interrupt.withoutCallback = leadsTo;
    return handle(interrupt, hardware);
  }

  /**
   * {@code eventfd_signal(ctx)} from software (a host handler, a loopback trigger, a user-space
   * write): inside an interrupt it just signals, and a signal of another eventfd than the
   * interrupt's (a resample eventfd at the guest's EOI, the trigger that vfio re-sends when it
   * unmasks INTx) adds that eventfd's targets to what the interrupt should reach; outside one it
   * is an interrupt of its own.
   */
  public void signal(EventfdCtx ctx, String source) {
    if (open != null) {
      if (!open.signalled.containsKey(ctx) && !ctx.isFreed()) {
        open.expected.addAll(expectations.apply(ctx));
        open.signalled.put(ctx, signals(ctx));
      }
      ctx.signal();
    } else {
      raise(source, ctx, ctx::signal);
    }
  }

  /** An interrupt arrives at {@code target} by {@code path}. */
  public void deliver(Target target, Path path) {
    counts.computeIfAbsent(target, t -> new EnumMap<>(Path.class)).merge(path, 1L, Long::sum);
    if (open == null) {
      unattributed.add(new Delivery(0, target, path));
    } else {
      open.deliveries.add(new Delivery(open.id, target, path));
    }
  }

  /**
   * An interrupt reaches {@code target}, a vCPU that is halted, by {@code path}: the guest does
   * not take it. It does not count as a delivery; the open interrupt reports the target as
   * {@link Anomaly.Kind#HALTED} (outside one, it is reported at once).
   */
  public void halted(Target target, Path path) {
    if (open == null) {
      record(new Anomaly(Anomaly.Kind.HALTED, 0, "untracked (" + path.label() + ")", target, 0, 0));
    } else {
      open.halted.add(target);
    }
  }

  /** A VM is destroyed while vCPU {@code vcpu} of {@code vm} is still halted: {@link Anomaly.Kind#LEFT_HALTED}. */
  public void leftHalted(String vm, int vcpu, String when) {
    record(new Anomaly(Anomaly.Kind.LEFT_HALTED, 0, when, new Target.Vcpu(vm, vcpu, 0), 0, 0));
  }

  private void record(Anomaly a) {
    kernel.prErr("irqlab-guest: %s", a.toString());
    anomalies.add(a);
  }

  private Interrupt close() {
    Open o = open;
    readerSees(o);
    Map<Target, Integer> want = tally(o.expected);
    Map<Target, Integer> got = new TreeMap<>();
    o.deliveries.forEach(d -> got.merge(d.target(), 1, Integer::sum));
    List<Anomaly> found = new ArrayList<>();
    Set<Target> all = new TreeSet<>(want.keySet());
    all.addAll(got.keySet());
    all.addAll(o.halted);
    for (Target t : all) {
      int w = want.getOrDefault(t, 0);
      int g = got.getOrDefault(t, 0);
      Anomaly.Kind kind = o.halted.contains(t) && g < Math.max(w, 1) ? Anomaly.Kind.HALTED
          : w == 0 ? unexpected(o, t) : g < w ? Anomaly.Kind.LOST : g > w ? Anomaly.Kind.DUPLICATED : null;
      if (kind != null) {
        found.add(new Anomaly(kind, o.id, o.source, t, w, g));
      }
    }
    found.forEach(a -> kernel.prErr("irqlab-guest: %s", a.toString()));
    anomalies.addAll(found);
    String efd = o.eventfd == null ? null : o.eventfd.toString();
    Interrupt done = new Interrupt(o.id, o.source, efd, new TreeMap<>(want), o.deliveries, found);
    history.add(done);
    return done;
  }

  /** An arrival nothing expected: posted where a device's callback-less eventfd leads, or misrouted. */
  private static Anomaly.Kind unexpected(Open o, Target t) {
    boolean allPosted = o.deliveries.stream().filter(d -> d.target().equals(t)).allMatch(d -> d.path() == Path.POSTED);
    return o.withoutCallback.contains(t) && allPosted ? Anomaly.Kind.POSTED_WITHOUT_CALLBACK : Anomaly.Kind.MISROUTED;
  }

  private static Map<Target, Integer> tally(List<Target> targets) {
    Map<Target, Integer> out = new TreeMap<>();
    targets.forEach(t -> out.merge(t, 1, Integer::sum));
    return out;
  }

  /** The eventfd's signal count, read without KASAN (0 for none or a freed one). */
  private long signals(EventfdCtx eventfd) {
    if (eventfd == null || eventfd.isFreed()) {
      return 0;
    }
    try (Kernel.Scope quiet = kernel.kasanDisableCurrent()) {
      return eventfd.signals();
    }
  }

  /**
   * Counts user space as a target reached, for each eventfd the interrupt signalled, when it is
   * expected and the counter rose and stayed up.
   */
  private void readerSees(Open o) {
    o.signalled.forEach((eventfd, before) -> {
      if (eventfd.isFreed()) {
        return;
      }
      Target reader = new Target.UserSpace(eventfd.toString());
      if (!o.expected.contains(reader)) {
        return;
      }
      try (Kernel.Scope quiet = kernel.kasanDisableCurrent()) {
        if (eventfd.signals() > before && eventfd.count() > 0) {
          deliver(reader, Path.USER_SPACE);
        }
      }
    });
  }

  /** Every interrupt so far, in order. */
  public List<Interrupt> history() {
    return List.copyOf(history);
  }

  /** Every anomaly so far, in order. */
  public List<Anomaly> anomalies() {
    return List.copyOf(anomalies);
  }

  /** Deliveries that arrived outside any tracked interrupt (pending events injected late). */
  public List<Delivery> unattributed() {
    return List.copyOf(unattributed);
  }

  /** How often {@code target} received an interrupt by {@code path}. */
  public long count(Target target, Path path) {
    return counts.getOrDefault(target, Map.of()).getOrDefault(path, 0L);
  }

  /** How many interrupts vCPU {@code vcpu} of {@code vm} received by {@code path}, all vectors. */
  public long count(String vm, int vcpu, Path path) {
    long sum = 0;
    for (Map.Entry<Target, Map<Path, Long>> e : counts.entrySet()) {
      if (e.getKey() instanceof Target.Vcpu v && v.vm().equals(vm) && v.vcpu() == vcpu) {
        sum += e.getValue().getOrDefault(path, 0L);
      }
    }
    return sum;
  }
}
