package dev.irqlab.kernel;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One emulated kernel: everything a ported revision, a simulated driver and the harness share
 * during one run. There is no static mutable state anywhere: two kernels never see each other,
 * so runs are isolated and may go in parallel.
 *
 * <p>Facilities: the {@link #log() log} of printk lines and reports; the {@link #memory()
 * allocator} with KASAN and kmemleak; {@link #faults() fault injection}; the {@link #watchdog()
 * soft-lockup watchdog}; {@link #lockdep() lockdep}; {@code WARN}, {@code BUG} and {@code
 * might_sleep()}; and the {@link #current() current task}. Data structures ({@link Mutex},
 * {@link ListHead}, {@link XArray}, {@link EventfdCtx}, {@link Module}) are created against a
 * kernel.
 */
public final class Kernel {
  private final KernelConfig config;
  private final KernelLog log = new KernelLog();
  private final Memory memory;
  private final FaultInjection faults;
  private final Watchdog watchdog;
  private final Lockdep lockdep;
  private final Printk printk;
  private final ListLinks listLinks = new ListLinks();
  private final Cpus cpus;
  private final Set<Site> warnedOnce = ConcurrentHashMap.newKeySet();
  private final AtomicInteger pids = new AtomicInteger(1);
  private final ThreadLocal<Task> current;
  private final Queue<Task> tasks = new ConcurrentLinkedQueue<>();
  private final Queue<Runnable> atPowerOff = new ConcurrentLinkedQueue<>();
  private volatile Scheduler scheduler;

  /** A debug kernel with {@link KernelConfig#defaults()}. */
  public Kernel() {
    this(KernelConfig.defaults());
  }

  public Kernel(KernelConfig config) {
    this.config = config;
    this.memory = new Memory(this);
    this.faults = new FaultInjection(this);
    this.watchdog = new Watchdog(this, config.walkLimit());
    this.lockdep = new Lockdep(this);
    this.printk = new Printk(config.pointerHashKey());
    this.cpus = new Cpus(config.cpus());
    this.current = ThreadLocal.withInitial(this::newTask);
  }

  public KernelConfig config() {
    return config;
  }

  public KernelLog log() {
    return log;
  }

  public Memory memory() {
    return memory;
  }

  public FaultInjection faults() {
    return faults;
  }

  public Watchdog watchdog() {
    return watchdog;
  }

  public Lockdep lockdep() {
    return lockdep;
  }

  private Task newTask() {
    Task task = new Task("irqlab", pids.getAndIncrement());
    tasks.add(task);
    return task;
  }

  /** The emulated machine's CPUs. */
  public Cpus cpus() {
    return cpus;
  }

  /**
   * Hands the kernel's mutexes to {@code scheduler} (see {@link Scheduler}); call it before any
   * task takes a mutex.
   */
  public void useScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** The scheduler the mutexes ask, or null when tasks are the host's threads. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * Counts {@code n} units of {@code kind} done by the current task, for work the kernel's own
   * structures do not count: a simulated driver that keeps a kernel list as a Java collection
   * counts the nodes its walk visits.
   */
  public void work(Work kind, long n) {
    current().count(kind, n);
  }

  /** Counts a system call entered by the current task ({@link Work#SYSCALL}). */
  public void syscall() {
    work(Work.SYSCALL, 1);
  }

  /** The running task ({@code current}): one per Java thread. */
  public Task current() {
    return current.get();
  }

  // ---------------------------------------------------------------- printk

  /** {@code printk(KERN_<level> fmt, ...)} with C format conversions (see {@link Printk}). */
  public KernelEvent printk(LogLevel level, String fmt, Object... args) {
    return log(EventKind.PRINTK, level, printk.format(fmt, args), caller(), List.of());
  }

  /** {@code pr_info(fmt, ...)}. */
  public KernelEvent prInfo(String fmt, Object... args) {
    return printk(LogLevel.INFO, fmt, args);
  }

  /** {@code pr_err(fmt, ...)}. */
  public KernelEvent prErr(String fmt, Object... args) {
    return printk(LogLevel.ERR, fmt, args);
  }

  /** Formats as printk would, without logging ({@code snprintf}). */
  public String sprintf(String fmt, Object... args) {
    return printk.format(fmt, args);
  }

  /** What {@code %p} prints for this address. */
  public String hashedPointer(long address) {
    return printk.hashPointer(address);
  }

  // ---------------------------------------------------------------- WARN and BUG

  /** {@code WARN_ON(condition)}: logs a warning splat when true; returns the condition. */
  public boolean warnOn(boolean condition) {
    if (condition) {
      warning(caller(), "WARNING: CPU: 0 PID: %d at %s", null);
    }
    return condition;
  }

  /**
   * {@code WARN_ON_ONCE(condition)}: as {@link #warnOn}, but the splat is logged only the first
   * time the same Java line warns in this kernel. Returns the condition every time.
   */
  public boolean warnOnOnce(boolean condition) {
    if (condition) {
      Site site = caller();
      if (warnedOnce.add(site)) {
        warning(site, "WARNING: CPU: 0 PID: %d at %s", null);
      }
    }
    return condition;
  }

  /** {@code WARN(condition, fmt, ...)}: a splat with a message. */
  public boolean warn(boolean condition, String fmt, Object... args) {
    if (condition) {
      warning(caller(), "WARNING: CPU: 0 PID: %d at %s", printk.format(fmt, args));
    }
    return condition;
  }

  /** {@code WARN_ONCE(condition, fmt, ...)}. */
  public boolean warnOnce(boolean condition, String fmt, Object... args) {
    if (condition) {
      Site site = caller();
      if (warnedOnce.add(site)) {
        warning(site, "WARNING: CPU: 0 PID: %d at %s", printk.format(fmt, args));
      }
    }
    return condition;
  }

  private void warning(Site site, String head, String message) {
    String first = String.format(Locale.ROOT, head, current().pid(), site);
    List<String> details = message == null ? List.of() : List.of(message);
    log(EventKind.WARNING, LogLevel.WARNING, first, site, details);
  }

  /**
   * {@code BUG()}: logs the report and returns the {@link Oops} that ends the task: {@code throw
   * kernel.bug("...")}.
   */
  public Oops bug(String message) {
    return oops(EventKind.BUG, "kernel BUG at " + caller() + ": " + message, List.of());
  }

  /**
   * Logs a report that ends the task and returns the {@link Oops} to throw: {@code throw
   * kernel.oops(...)}.
   */
  public Oops oops(EventKind kind, String message, List<String> details) {
    return new Oops(log(kind, LogLevel.EMERG, message, caller(), details));
  }

  /**
   * Turns a Java exception out of ported code into the oops it stands for, logged as the kernel
   * logs one: a {@link NullPointerException} is a NULL pointer dereference, an index out of
   * bounds a page fault, a {@link ClassCastException} a general protection fault, an {@link
   * ArithmeticException} a divide error, a {@link StackOverflowError} the stack guard page, and
   * anything else thrown on purpose a {@code BUG()}. The details name the faulting place ({@code
   * RIP}, the first frame of the ported code), a short call trace and the Java exception. An
   * {@link Oops} is returned as it is.
   */
  public Oops oopsFor(Throwable e) {
    return oopsFor(e, OopsText::kernelPackage);
  }

  /**
   * {@link #oopsFor(Throwable)}, with {@code kernelCode} saying which classes are kernel code (the
   * frames the call trace shows), by name.
   */
  public Oops oopsFor(Throwable e, java.util.function.Predicate<String> kernelCode) {
    if (e instanceof Oops o) {
      return o;
    }
    List<Site> frames = OopsText.frames(e, kernelCode);
    Site rip = OopsText.rip(frames);
    List<String> details = new java.util.ArrayList<>();
    details.add("RIP: " + rip);
    if (frames.size() > 1) {
      details.add("Call Trace:");
      frames.stream().skip(frames.indexOf(rip) + 1L).limit(OopsText.CALL_TRACE).forEach(f -> details.add(" " + f));
    }
    details.add("(Java: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    KernelEvent event = log(EventKind.BUG, LogLevel.EMERG, OopsText.headline(e, rip), rip, details);
    return new Oops(event, e);
  }

  /**
   * Logs a report that does not end the task (a sanitizer's) at the current place: for the
   * checkers of foreign code, whose findings the emulated kernel reports as its own would be.
   */
  public KernelEvent report(EventKind kind, String message, List<String> details) {
    return log(kind, LogLevel.ERR, message, caller(), details);
  }

  // ---------------------------------------------------------------- context

  /**
   * {@code might_sleep()}: reports "sleeping function called from invalid context" when the
   * current task is atomic (inside {@link #enterAtomic}). Execution goes on.
   */
  public void mightSleep() {
    mightSleep(current());
  }

  void mightSleep(Task task) {
    if (task.inAtomic()) {
      Site site = caller();
      log(
          EventKind.SLEEP_IN_ATOMIC,
          LogLevel.ERR,
          "BUG: sleeping function called from invalid context at " + site,
          site,
          List.of(String.format(Locale.ROOT, "in_atomic(): 1, preempt_count: %d, pid: %d, name: %s", task.preemptCount(), task.pid(), task.comm())));
    }
  }

  /**
   * Enters an atomic section ({@code preempt_disable()}, as a spinlock or an IRQ handler
   * does) until the returned section is closed.
   */
  public Scope enterAtomic() {
    Task task = current();
    task.preemptDisable();
    return task::preemptEnable;
  }

  /** A scope for try-with-resources whose close cannot fail. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * {@code kasan_disable_current()}: no KASAN reports from this task until the returned scope
   * is closed. For checkers that inspect state, not for ported code.
   */
  public Scope kasanDisableCurrent() {
    Task task = current();
    task.kasanDisable();
    return task::kasanEnable;
  }

  // ---------------------------------------------------------------- power

  /**
   * Runs {@code release} when the machine is powered off ({@link #powerOff}): for what lives
   * outside the JVM's heap for one run, such as a C revision's process.
   */
  public void atPowerOff(Runnable release) {
    atPowerOff.add(release);
  }

  /** Powers the machine off at the end of a run: releases what {@link #atPowerOff} registered, newest first, once. */
  public void powerOff() {
    java.util.Deque<Runnable> todo = new java.util.ArrayDeque<>();
    for (Runnable r; (r = atPowerOff.poll()) != null; ) {
      todo.push(r);
    }
    todo.forEach(Runnable::run);
  }

  // ---------------------------------------------------------------- foreign code

  /**
   * Runs the kernel services that foreign code asks for (a C revision's {@code mutex_lock},
   * {@code WARN_ON}, ...) as called from {@code site}, its C file and line: until the returned
   * scope is closed, every report of the current task names {@code site} instead of a Java line.
   */
  public Scope at(Site site) {
    Task task = current();
    Site before = task.foreignSite();
    task.setForeignSite(site);
    return () -> task.setForeignSite(before);
  }

  /** The place a report names: the foreign site the task is at, else the first Java frame outside the kernel. */
  Site caller() {
    Site foreign = current().foreignSite();
    return foreign != null ? foreign : Site.caller();
  }

  /** As {@link #caller()}, skipping the classes {@code skip} accepts among the Java frames. */
  Site caller(java.util.function.Predicate<String> skip) {
    Site foreign = current().foreignSite();
    return foreign != null ? foreign : Site.caller(skip);
  }

  // ---------------------------------------------------------------- counters

  /**
   * List nodes visited by walks ({@link ListHead}) since boot, by every task. Each task counts
   * its own visits without synchronisation, so the total is exact once the tasks that walked
   * have finished (or for the calling task's own walks).
   */
  public long listNodesVisited() {
    long sum = 0;
    for (Task t : tasks) {
      sum += t.listVisits();
    }
    return sum;
  }

  /** The links of this kernel's list_heads. */
  ListLinks listLinks() {
    return listLinks;
  }

  KernelEvent log(EventKind kind, LogLevel level, String message, Site site, List<String> details) {
    return log.append(kind, level, message, site, details);
  }
}
