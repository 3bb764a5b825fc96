package dev.irqlab.kernel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code struct module}, for {@code THIS_MODULE}: its state, its reference count and its
 * unload.
 *
 * <p>The count follows the kernel's arithmetic: {@code refcnt} starts at {@code
 * MODULE_REF_BASE}; {@link #tryGet()} increments it while the module is live; {@link #put()} is
 * {@code atomic_dec_if_positive} with {@code WARN_ON(ret < 0)}, so one unbalanced put takes
 * {@link #refcount()} to -1 without a word and the next one warns. {@link #unload()} is {@code
 * delete_module}: refused with {@code -EWOULDBLOCK} while referenced, otherwise the exit
 * function runs and the module's code is gone; running it afterwards ({@link #enterText}) is an
 * oops.
 *
 * <p>A built-in "module" ({@link #builtin}) is {@code THIS_MODULE == NULL}: gets always
 * succeed, puts do nothing and it cannot be unloaded ({@code -ENOENT}).
 */
public final class Module {
  /** {@code MODULE_REF_BASE}: the reference the loaded module holds on itself. */
  public static final int MODULE_REF_BASE = 1;
  /** The fault point that makes {@link #tryGet()} fail as if the module were going. */
  public static final String TRY_MODULE_GET = "try_module_get";

  private final Kernel kernel;
  private final String name;
  private final boolean builtin;
  private final AtomicInteger refcnt = new AtomicInteger(MODULE_REF_BASE);
  private volatile ModuleState state = ModuleState.LIVE;
  private volatile Runnable exit;
  private final List<Module> holders = new java.util.concurrent.CopyOnWriteArrayList<>();

  private Module(Kernel kernel, String name, boolean builtin) {
    this.kernel = kernel;
    this.name = name;
    this.builtin = builtin;
  }

  /** {@code insmod}: a loadable module, live, with no references. */
  public static Module loadable(Kernel kernel, String name) {
    return new Module(kernel, name, false);
  }

  /** Code built into the kernel: {@code THIS_MODULE} is NULL. */
  public static Module builtin(Kernel kernel, String name) {
    return new Module(kernel, name, true);
  }

  public String name() {
    return name;
  }

  public boolean isBuiltin() {
    return builtin;
  }

  public ModuleState state() {
    return state;
  }

  /**
   * {@code ref_module(importer, this)}: {@code importer} uses this module's exported symbols, so
   * this module cannot be unloaded while {@code importer} is loaded (the module loader records
   * the use when it resolves the importer's symbols).
   */
  public void usedBy(Module importer) {
    if (!builtin && !holders.contains(importer)) {
      holders.add(importer);
    }
  }

  /** The loaded modules that import this one's symbols, in load order ({@code /sys/module/NAME/holders}). */
  public List<Module> holders() {
    return holders.stream().filter(m -> m.state != ModuleState.UNLOADED).toList();
  }

  /** {@code module_exit(fn)}: what {@link #unload()} runs once nobody holds a reference. */
  public void setExit(Runnable exit) {
    this.exit = exit;
  }

  /**
   * {@code try_module_get(THIS_MODULE)}: takes a reference unless the module is going (or the
   * {@value #TRY_MODULE_GET} fault point fires).
   */
  public boolean tryGet() {
    if (builtin) {
      return true;
    }
    if (kernel.faults().shouldFail(TRY_MODULE_GET)) {
      return false;
    }
    if (state != ModuleState.LIVE && state != ModuleState.COMING) {
      return false;
    }
    while (true) {
      int v = refcnt.get();
      if (v == 0) {
        return false;
      }
      if (refcnt.compareAndSet(v, v + 1)) {
        return true;
      }
    }
  }

  /** {@code __module_get(THIS_MODULE)}: takes a reference unconditionally. */
  public void get() {
    if (!builtin) {
      refcnt.incrementAndGet();
    }
  }

  /** {@code module_put(THIS_MODULE)}: {@code atomic_dec_if_positive}, warning below zero. */
  public void put() {
    if (builtin) {
      return;
    }
    int ret;
    while (true) {
      int v = refcnt.get();
      ret = v - 1;
      if (ret < 0 || refcnt.compareAndSet(v, ret)) {
        break;
      }
    }
    if (ret < 0) {
      kernel.warn(true, "module_put: %s: failed to put refcount", name);
    }
  }

  /** {@code module_refcount()}: references beyond the module's own; 0 for built-in code. */
  public int refcount() {
    return builtin ? 0 : refcnt.get() - MODULE_REF_BASE;
  }

  /**
   * {@code delete_module()}: 0 when the module was removed (its exit function ran), {@code
   * -EWOULDBLOCK} while a module that imports it is loaded or while it is referenced, {@code
   * -EBUSY} when it is not live, {@code -ENOENT} for built-in code. A refusal logs what {@code
   * rmmod} prints.
   */
  public int unload() {
    if (builtin) {
      return -Errno.ENOENT;
    }
    if (state != ModuleState.LIVE) {
      return -Errno.EBUSY;
    }
    List<Module> users = holders();
    if (!users.isEmpty()) {
      kernel.prInfo("rmmod: ERROR: Module %s is in use by: %s", name,
          String.join(" ", users.stream().map(Module::name).toList()));
      return -Errno.EWOULDBLOCK;
    }
    state = ModuleState.GOING;
    if (tryReleaseModuleRef() != 0) {
      state = ModuleState.LIVE;
      kernel.prInfo("rmmod: ERROR: Module %s is in use", name);
      return -Errno.EWOULDBLOCK;
    }
    Runnable fn = exit;
    if (fn != null) {
      fn.run();
    }
    state = ModuleState.UNLOADED;
    return 0;
  }

  /** {@code try_release_module_ref()}: drops the base reference unless somebody holds one. */
  private int tryReleaseModuleRef() {
    int ret = refcnt.addAndGet(-MODULE_REF_BASE);
    if (ret != 0) {
      ret = addUnless(MODULE_REF_BASE, 0);
      if (ret == 0) {
        ret = addUnless(MODULE_REF_BASE, 0);
      }
    }
    return ret;
  }

  private int addUnless(int add, int unless) {
    while (true) {
      int v = refcnt.get();
      if (v == unless) {
        return 0;
      }
      if (refcnt.compareAndSet(v, v + add)) {
        return 1;
      }
    }
  }

  /**
   * Called on entry to the module's code: after unload the code is freed, so entering it is an
   * oops ("unable to handle page fault"), which this logs and throws.
   */
  public void enterText(String function) {
    if (state == ModuleState.UNLOADED) {
      throw kernel.oops(
          EventKind.BUG,
          String.format(Locale.ROOT, "BUG: unable to handle page fault for address: %s", function),
          List.of("#PF: supervisor instruction fetch in kernel mode", "module " + name + " was unloaded; " + function + " is freed code"));
    }
  }

  @Override
  public String toString() {
    return name + (builtin ? " (built-in)" : " [" + state.name().toLowerCase(Locale.ROOT) + ", refcount " + refcount() + "]");
  }
}
