package dev.irqlab.conformance;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.HostSettings;
import dev.irqlab.devices.guest.Delivery;
import dev.irqlab.devices.guest.Interrupt;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelConfig;
import dev.irqlab.kernel.Oops;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs one scenario on one revision with one driver era, on a fresh debug {@link Kernel}, and
 * records its {@link Trace}. The run stops at the first oops or exception (the task died; the
 * rest is not run and the teardown is skipped); otherwise every process exits, the module is
 * unloaded and kmemleak scans.
 */
public final class Runner {
  private Runner() {}

  /**
   * How many steps a list walk of a scenario may take: a scenario registers a few dozen objects
   * at most, so a walk of 2^20 steps runs away; the watchdog ends it in milliseconds, where the
   * debug kernel's own limit (2^26, for the scale runs' long lists) takes a second or more, which
   * fuzzing, that meets many of them, feels.
   */
  public static final long WALK_LIMIT = 1L << 20;

  /** Runs {@code scenario} on the host its {@code host} line describes ({@link Scenario#host()}). */
  public static Trace run(Scenario scenario, Revision revision, DriverEra era) {
    return run(scenario, revision, era, scenario.host());
  }

  public static Trace run(Scenario scenario, Revision revision, DriverEra era, HostSettings settings) {
    return run(scenario, revision, era, settings, step -> { });
  }

  /** As {@link #run(Scenario, Revision, DriverEra, HostSettings)}; {@code done} sees each step as it is recorded. */
  public static Trace run(Scenario scenario, Revision revision, DriverEra era, HostSettings settings, Consumer<Trace.StepTrace> done) {
    Kernel kernel = new Kernel(KernelConfig.defaults().withWalkLimit(WALK_LIMIT));
    try {
      return run(scenario, revision, era, settings, done, kernel);
    } finally {
      kernel.powerOff();
    }
  }

  private static Trace run(Scenario scenario, Revision revision, DriverEra era, HostSettings settings, Consumer<Trace.StepTrace> done,
      Kernel kernel) {
    Names names = new Names(kernel);
    Recorder rec = new Recorder(names);
    kernel.log().setListener(rec::log);
    String rev = revision.info().id();
    Machine m;
    try {
      m = new Machine(revision, era, settings, rec, kernel);
    } catch (RuntimeException | StackOverflowError e) {
      Trace.Outcome died = died(e, kernel, rec, 0);
      return new Trace(scenario.id(), rev, era.id(), List.of(), null, rec.take(), Trace.MachineState.NONE, died, settings.describe());
    }
    List<Trace.StepTrace> steps = new ArrayList<>();
    Trace.Outcome outcome = Trace.Outcome.COMPLETED;
    for (int i = 0; i < scenario.steps().size(); i++) {
      Step step = scenario.steps().get(i);
      String result;
      try {
        result = Errno.name(step.op().apply(m));
      } catch (RuntimeException | StackOverflowError e) {
        outcome = died(e, kernel, rec, i);
        result = outcome.kind() == Trace.Outcome.Kind.OOPS ? "oops" : "exception";
      }
      steps.add(new Trace.StepTrace(step.line(), step.label(), step.op().text(), result, rec.take(), state(m)));
      done.accept(steps.get(i));
      if (!outcome.completed()) {
        break;
      }
    }
    State end = state(m);
    List<String> irtes = irtes(m);
    List<TraceEntry> teardown = List.of();
    List<String> leaks = List.of();
    if (outcome.completed()) {
      try {
        m.shutdown();
        m.unloadImporters();
        m.rmmod();
        kernel.memory().scanLeaks();
        leaks = m.live();
      } catch (RuntimeException | StackOverflowError e) {
        outcome = died(e, kernel, rec, scenario.steps().size());
      }
      teardown = rec.take();
    }
    kernel.log().setListener(null);
    return new Trace(scenario.id(), rev, era.id(), steps, end, teardown,
        new Trace.MachineState(irtes, deliveries(m), anomalies(m), leaks), outcome, settings.describe());
  }

  private static State state(Machine m) {
    try {
      return m.state();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static List<String> irtes(Machine m) {
    try {
      return m.irtes();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static Map<String, Long> deliveries(Machine m) {
    Map<String, Long> out = new TreeMap<>();
    for (Interrupt i : m.host().interrupts().history()) {
      for (Delivery d : i.deliveries()) {
        out.merge(d.path().label(), 1L, Long::sum);
      }
    }
    for (Delivery d : m.host().interrupts().unattributed()) {
      out.merge(d.path().label(), 1L, Long::sum);
    }
    return out;
  }

  private static List<String> anomalies(Machine m) {
    return m.host().interrupts().anomalies().stream().map(a -> m.rec().names().scrub(a.toString())).toList();
  }

  /**
   * How the task of step {@code step} ended on {@code e}: an oops the kernel logged, or one the
   * Java exception out of kernel code stands for, which this logs ({@link Kernel#oopsFor}); or,
   * when the exception came from the harness itself (a bug of irqlab, not of the revision), an
   * internal error, traced as such.
   */
  static Trace.Outcome died(Throwable e, Kernel kernel, Recorder rec, int step) {
    Names names = rec.names();
    if (e instanceof Oops oops) {
      return new Trace.Outcome(Trace.Outcome.Kind.OOPS, names.scrub(oops.event().headline()), step);
    }
    if (harness(e)) {
      String text = "internal error of irqlab (not of the revision): " + names.scrub(describe(e));
      rec.add(TraceEntry.Kind.CRASH, text, Map.of("exception", e.getClass().getSimpleName()));
      return new Trace.Outcome(Trace.Outcome.Kind.EXCEPTION, names.scrub(describe(e)), step);
    }
    Oops oops = kernel.oopsFor(e, Runner::kernelCode);
    return new Trace.Outcome(Trace.Outcome.Kind.OOPS, names.scrub(oops.event().headline()), step);
  }

  /** True when the first frame of {@code e} outside the JDK is the harness's, not kernel code's. */
  static boolean harness(Throwable e) {
    for (StackTraceElement f : e.getStackTrace()) {
      String c = f.getClassName();
      if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
        continue;
      }
      return !c.startsWith("dev.irqlab.kernel.") && !kernelCode(c);
    }
    return false;
  }

  /**
   * True for the classes of kernel code: a revision, a driver, the SPI, and any manager or
   * revision class wherever it lives (a test's own); false for the harness that drives them.
   */
  static boolean kernelCode(String className) {
    if (className.startsWith("dev.irqlab.crev.")) {
      return false; // irqlab's side of a C revision: the C is the kernel code, and its faults come as oopses
    }
    if (className.startsWith("dev.irqlab.rev.") || className.startsWith("dev.irqlab.devices.") || className.startsWith("dev.irqlab.spi.")) {
      return true;
    }
    try {
      Class<?> c = Class.forName(className, false, Runner.class.getClassLoader());
      for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
        if (IrqBypass.class.isAssignableFrom(k) && k != TracingIrqBypass.class || Revision.class.isAssignableFrom(k)) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** {@code NullPointerException: ... at IrqBypassManager.java:88}: the exception and its first frame. */
  public static String describe(Throwable e) {
    StackTraceElement[] st = e.getStackTrace();
    String where = st.length == 0 ? "" : String.format(Locale.ROOT, " at %s(%s:%d)", st[0].getMethodName(), st[0].getFileName(), st[0].getLineNumber());
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + where;
  }
}
