package dev.irqlab.conformance.fuzz;

import dev.irqlab.conformance.Op;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.State;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.TraceEntry;
import dev.irqlab.conformance.fuzz.Difference.Aspect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads two traces of one scenario side by side and lists how they differ, aspect by aspect: per
 * step, the return code, the callbacks in order, the kernel reports, the interrupts and where they
 * went, the log, the manager's registry, connections and module refcount; then how the run ended,
 * the teardown, the IRTEs, the deliveries by path, the interrupts lost, the leaks. Or reads one
 * trace and lists what no kernel may do ({@link #faults}). The traces use symbolic names, so they
 * compare as they are; a signature says where by the operation's verb and the kind of object, never
 * by name, so that one difference found in many scenarios is one finding.
 */
public final class Compare {
  private Compare() {}

  /**
   * How the trace of {@code s} on A differs from its trace on B, without the consequences: a
   * step's differences count only while the two registries agreed before it (the module refcount
   * aside, which a revision may keep or not), and of those, only the first aspect in the order
   * return code, callbacks, registry, interrupts, system calls, log; after the steps, the teardown
   * counts only when the registries agreed at the end, and the IRTEs and deliveries only when
   * nothing else differed. What no kernel may do on one side only (a report, a task that died, an
   * interrupt lost, a leak) always counts.
   */
  public static List<Difference> differences(Scenario s, Trace a, Trace b) {
    Map<String, String> kinds = kinds(s);
    List<Difference> out = new ArrayList<>();
    int n = Math.min(a.steps().size(), b.steps().size());
    boolean agreed = true;
    Refcounts refcounts = new Refcounts();
    for (int i = 0; i < n; i++) {
      Trace.StepTrace x = a.steps().get(i);
      Trace.StepTrace y = b.steps().get(i);
      String where = where(s.steps().get(i).op(), kinds);
      step(out, i, where, x.result(), y.result(), x.entries(), y.entries(), x.state(), y.state(), agreed, refcounts);
      agreed = registries(x.state(), y.state());
    }
    outcome(out, s, a, b, kinds);
    if (a.outcome().completed() && b.outcome().completed()) {
      step(out, -1, "teardown", null, null, a.teardown(), b.teardown(), a.end(), b.end(), registries(a.end(), b.end()), refcounts);
    }
    machine(out, a.machine(), b.machine());
    return out;
  }

  /** True when the two registries hold the same, in the same order, the module refcount aside. */
  private static boolean registries(State a, State b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.producers().equals(b.producers()) && a.consumers().equals(b.consumers()) && a.connections().equals(b.connections())
        && a.managerConnections().equals(b.managerConnections());
  }

  /**
   * What one side alone shows that a kernel must not: reports (an oops comes with its own), a run
   * that hung, deadlocked or crashed, interrupts lost, leaks.
   */
  public static List<Difference> faults(Scenario s, Trace t) {
    Map<String, String> kinds = kinds(s);
    List<Difference> out = new ArrayList<>();
    for (int i = 0; i < t.steps().size(); i++) {
      String where = where(s.steps().get(i).op(), kinds);
      for (TraceEntry e : reports(t.steps().get(i).entries())) {
        out.add(new Difference(e.field("report") + " at " + where, i, e.text(), null, Aspect.FAULT));
      }
      for (TraceEntry e : t.steps().get(i).entries()) {
        if (e.kind() == TraceEntry.Kind.INTERRUPT && e.field("anomaly") != null) {
          out.add(new Difference("interrupt " + e.field("anomaly").toLowerCase(Locale.ROOT) + " at " + where, i, e.text(), null, Aspect.FAULT));
        }
      }
    }
    if (!t.outcome().completed() && t.outcome().kind() != Trace.Outcome.Kind.OOPS) {
      int at = t.outcome().step();
      String where = at >= 0 && at < s.steps().size() ? where(s.steps().get(at).op(), kinds) : "teardown";
      out.add(new Difference(outcomeWord(t.outcome()) + " at " + where, at, t.outcome().headline(), null, Aspect.FAULT));
    }
    for (TraceEntry e : reports(t.teardown())) {
      out.add(new Difference(e.field("report") + " at teardown", -1, e.text(), null, Aspect.FAULT));
    }
    for (String a : t.machine().anomalies()) {
      out.add(new Difference("interrupt anomaly after the run", -1, a, null, Aspect.FAULT));
    }
    if (!t.machine().leaks().isEmpty()) {
      out.add(new Difference("leak after the teardown", -1, String.join(", ", t.machine().leaks()), null, Aspect.FAULT));
    }
    return out;
  }

  private static void step(List<Difference> out, int i, String where, String ra, String rb,
      List<TraceEntry> ea, List<TraceEntry> eb, State sa, State sb, boolean agreed, Refcounts refcounts) {
    boolean refcount = refcounts.changedApart(sa, sb);
    Map<String, Integer> ka = count(reports(ea), e -> e.field("report"));
    Map<String, Integer> kb = count(reports(eb), e -> e.field("report"));
    for (String kind : union(ka.keySet(), kb.keySet())) {
      int na = ka.getOrDefault(kind, 0);
      int nb = kb.getOrDefault(kind, 0);
      if (na != nb) {
        out.add(new Difference(kind + " at " + where + ": " + (nb == 0 ? "A only" : na == 0 ? "B only" : "A " + na + ", B " + nb), i,
            headlines(ea, kind), headlines(eb, kind), Aspect.FAULT));
      }
    }
    if (!agreed || stopped(ra) || stopped(rb)) {
      return;
    }
    if (ra != null && !ra.equals(rb)) {
      out.add(new Difference(where + " returns " + ra + " / " + rb, i, ra, rb, Aspect.RETURN));
      return;
    }
    List<String> ca = callbacks(ea);
    List<String> cb = callbacks(eb);
    if (!ca.equals(cb)) {
      out.add(new Difference("callbacks at " + where + " differ", i, join(ca), join(cb), Aspect.CALLBACKS));
      return;
    }
    if (state(out, i, where, sa, sb, refcount)) {
      return;
    }
    List<String> ia = texts(ea, TraceEntry.Kind.INTERRUPT);
    List<String> ib = texts(eb, TraceEntry.Kind.INTERRUPT);
    if (!ia.equals(ib)) {
      out.add(new Difference("interrupt at " + where + " differs", i, join(ia), join(ib), Aspect.INTERRUPTS));
      return;
    }
    List<String> xa = results(ea);
    List<String> xb = results(eb);
    if (!xa.equals(xb)) {
      out.add(new Difference("system calls at " + where + " differ", i, join(xa), join(xb), Aspect.SYSTEM_CALLS));
      return;
    }
    List<String> pa = texts(ea, TraceEntry.Kind.PRINTK);
    List<String> pb = texts(eb, TraceEntry.Kind.PRINTK);
    if (!pa.equals(pb)) {
      out.add(new Difference("log at " + where + " differs", i, join(pa), join(pb), Aspect.LOG));
    }
  }

  /** True for the result of a step the run stopped in (the outcome tells of it). */
  private static boolean stopped(String result) {
    return result != null && !result.equals("0") && !result.startsWith("-");
  }

  /** The first part of the registry that differs after a step; false when none does. */
  private static boolean state(List<Difference> out, int i, String where, State a, State b, boolean refcount) {
    if (a == null || b == null || a.equals(b)) {
      return false;
    }
    return aspect(out, i, where, "registered producers", a.producers(), b.producers())
        || aspect(out, i, where, "registered consumers", a.consumers(), b.consumers())
        || aspect(out, i, where, "connections", a.connections(), b.connections())
        || aspect(out, i, where, "the manager's connections", a.managerConnections(), b.managerConnections())
        || (refcount && refcount(out, i, where, a, b));
  }

  /**
   * The module refcounts of the two sides step by step: once they differ (one revision pins its
   * module for each registration, the other not), a later step counts only when it moves them
   * apart again, by other amounts.
   */
  private static final class Refcounts {
    private Integer a;
    private Integer b;

    /** True when the step that ended in states {@code sa} and {@code sb} changed the refcounts by other amounts. */
    boolean changedApart(State sa, State sb) {
      Integer na = sa == null ? a : sa.moduleRefcount();
      Integer nb = sb == null ? b : sb.moduleRefcount();
      boolean apart = !Objects.equals(delta(a, na), delta(b, nb));
      a = na;
      b = nb;
      return apart;
    }

    private static Integer delta(Integer before, Integer after) {
      return after == null ? null : after - (before == null ? 0 : before);
    }
  }

  private static boolean refcount(List<Difference> out, int i, String where, State a, State b) {
    // Where it shows does not matter: one side pins the module for what the other does not.
    out.add(new Difference("module refcount differs", i, String.valueOf(a.moduleRefcount()),
        String.valueOf(b.moduleRefcount()), Aspect.REGISTRY));
    return true;
  }

  /** A part of the registry: as sets, then in order. */
  private static boolean aspect(List<Difference> out, int i, String where, String what, List<String> a, List<String> b) {
    if (a.equals(b)) {
      return false;
    }
    // The same objects in another order: the other revision keeps another structure (a list in
    // order of registration, an XArray in order of key), wherever it shows.
    String sig = new TreeSet<>(a).equals(new TreeSet<>(b)) ? "order of " + what + " differs" : what + " after " + where + " differ";
    out.add(new Difference(sig, i, join(a), join(b), Aspect.REGISTRY));
    return true;
  }

  private static void outcome(List<Difference> out, Scenario s, Trace a, Trace b, Map<String, String> kinds) {
    Trace.Outcome x = a.outcome();
    Trace.Outcome y = b.outcome();
    if ((x.kind() == y.kind() && x.step() == y.step()) || (oopsOrDone(x) && oopsOrDone(y))) {
      return;
    }
    int at = x.completed() ? y.step() : y.completed() ? x.step() : Math.min(x.step(), y.step());
    String where = at >= 0 && at < s.steps().size() ? where(s.steps().get(at).op(), kinds) : "teardown";
    String sig = x.completed() ? outcomeWord(y) + " at " + where + ": B only"
        : y.completed() ? outcomeWord(x) + " at " + where + ": A only"
        : outcomeWord(x) + " / " + outcomeWord(y) + " at " + where;
    out.add(new Difference(sig, at, side(x), side(y), Aspect.FAULT));
  }

  /** True for a run that completed or oopsed: an oops comes with its report, which counts already. */
  private static boolean oopsOrDone(Trace.Outcome o) {
    return o.completed() || o.kind() == Trace.Outcome.Kind.OOPS;
  }

  private static String side(Trace.Outcome o) {
    return o.completed() ? "completed" : outcomeWord(o) + " in step " + (o.step() + 1) + ": " + o.headline();
  }

  /** {@code oops}, {@code hang}: how a run that did not complete ended. */
  static String outcomeWord(Trace.Outcome o) {
    return o.kind().name().toLowerCase(Locale.ROOT);
  }

  private static void machine(List<Difference> out, Trace.MachineState a, Trace.MachineState b) {
    if (out.isEmpty() && !a.irtes().equals(b.irtes())) {
      out.add(new Difference("IRTEs after the run differ", -1, join(a.irtes()), join(b.irtes()), Aspect.INTERRUPTS));
    }
    if (out.isEmpty() && !a.deliveries().equals(b.deliveries())) {
      out.add(new Difference("deliveries by path differ", -1, a.deliveries().toString(), b.deliveries().toString(), Aspect.INTERRUPTS));
    }
    if (!a.anomalies().equals(b.anomalies())) {
      out.add(new Difference("interrupt anomalies differ", -1, join(a.anomalies()), join(b.anomalies()), Aspect.FAULT));
    }
    if (!a.leaks().equals(b.leaks())) {
      String sig = a.leaks().isEmpty() ? "leak: B only" : b.leaks().isEmpty() ? "leak: A only" : "leaks differ";
      out.add(new Difference(sig, -1, join(a.leaks()), join(b.leaks()), Aspect.FAULT));
    }
  }

  // ------------------------------------------------------------------ reading entries

  private static List<String> callbacks(List<TraceEntry> entries) {
    List<String> out = new ArrayList<>();
    for (TraceEntry e : entries) {
      if (e.kind() == TraceEntry.Kind.CALLBACK) {
        out.add(e.text());
      }
    }
    return out;
  }

  private static List<TraceEntry> reports(List<TraceEntry> entries) {
    return entries.stream().filter(e -> e.kind() == TraceEntry.Kind.REPORT && e.field("detail") == null).toList();
  }

  private static String headlines(List<TraceEntry> entries, String kind) {
    return join(reports(entries).stream().filter(e -> kind.equals(e.field("report"))).map(TraceEntry::text).toList());
  }

  private static List<String> texts(List<TraceEntry> entries, TraceEntry.Kind kind) {
    return entries.stream().filter(e -> e.kind() == kind).map(TraceEntry::text).toList();
  }

  /** What the system calls and harness actions inside a step returned. */
  private static List<String> results(List<TraceEntry> entries) {
    return entries.stream().filter(e -> e.kind() == TraceEntry.Kind.RESULT || (e.kind() == TraceEntry.Kind.CALL && e.field("syscall") != null))
        .map(TraceEntry::text).toList();
  }

  private static <T> Map<String, Integer> count(List<T> items, Function<T, String> key) {
    Map<String, Integer> out = new TreeMap<>();
    items.forEach(x -> out.merge(key.apply(x), 1, Integer::sum));
    return out;
  }

  private static TreeSet<String> union(Set<String> a, Set<String> b) {
    TreeSet<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static String join(List<String> items) {
    return items.isEmpty() ? "-" : String.join("; ", items);
  }

  // ------------------------------------------------------------------ where

  /** Each API object's kind, by name: {@code producer} or {@code consumer}. */
  static Map<String, String> kinds(Scenario s) {
    Map<String, String> out = new HashMap<>();
    s.steps().forEach(st -> {
      if (st.op() instanceof Op.NewProducer p) {
        out.put(p.name(), "producer");
      } else if (st.op() instanceof Op.NewConsumer c) {
        out.put(c.name(), "consumer");
      }
    });
    return out;
  }

  /**
   * Where a step is, without names: {@code register producer}, {@code register consumer with
   * NULL}, {@code unregister consumer}, {@code set-irqs}, {@code fire msix}.
   */
  static String where(Op op, Map<String, String> kinds) {
    if (op instanceof Op.Register r) {
      return "register " + kinds.getOrDefault(r.name(), "object") + ("NULL".equals(r.key()) ? " with NULL" : "");
    }
    if (op instanceof Op.Unregister u) {
      return "unregister " + kinds.getOrDefault(u.name(), "object");
    }
    if (op instanceof Op.Free f) {
      return "free " + kinds.getOrDefault(f.name(), "object");
    }
    if (op instanceof Op.Script sc) {
      return "script " + kinds.getOrDefault(sc.name(), "object");
    }
    if (op instanceof Op.Fire f) {
      return "fire " + f.kind();
    }
    if (op instanceof Op.Fail f) {
      return "fail " + f.what();
    }
    if (op instanceof Op.Status st) {
      return st.driverOk() ? "status driver-ok" : "status reset";
    }
    if (op instanceof Op.Irqfd q && q.noIrqBypass()) {
      return "irqfd no-irqbypass";
    }
    if (op instanceof Op.RouteLogical r) {
      return r.lowestPriority() ? "route lowest-priority" : "route vcpus";
    }
    if (op instanceof Op.RouteIrqchip) {
      return "route irqchip";
    }
    String text = op.text();
    int sp = text.indexOf(' ');
    return sp < 0 ? text : text.substring(0, sp);
  }
}
