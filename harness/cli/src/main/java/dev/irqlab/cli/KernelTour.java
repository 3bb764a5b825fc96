package dev.irqlab.cli;

import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelConfig;
import dev.irqlab.kernel.KernelEvent;
import dev.irqlab.kernel.ListHead;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.kernel.Oops;
import dev.irqlab.kernel.XArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Live misuse of each facility on a fresh {@link Kernel}, to show what the emulated kernel
 * reports. Nothing here is canned: every line printed is an event the kernel logged.
 */
final class KernelTour {
  /** One misuse and the kernel it runs on. */
  record Demo(String what, KernelConfig config, Consumer<Kernel> misuse) {}

  private KernelTour() {}

  static List<Demo> demos() {
    KernelConfig debug = KernelConfig.defaults();
    return List.of(
        new Demo("mutex_lock twice on one task", debug, KernelTour::recursiveLock),
        new Demo("touching an eventfd_ctx after its last put", debug, KernelTour::useAfterFree),
        new Demo("eventfd_ctx_put once too often", debug, KernelTour::refcountUnderflow),
        new Demo("list_add of an entry already at the head", debug, KernelTour::doubleAdd),
        new Demo("the same without CONFIG_DEBUG_LIST, then a walk", debug.withDebugList(false).withWalkLimit(100_000), KernelTour::endlessWalk),
        new Demo("xa_insert when the allocation fails", debug, KernelTour::xarrayNoMemory),
        new Demo("module_put without try_module_get, twice", debug, KernelTour::modulePut),
        new Demo("an object nobody frees", debug, KernelTour::leak));
  }

  /** Runs each demo on its own kernel and returns what each logged. */
  static List<List<KernelEvent>> run(List<Demo> demos) {
    List<List<KernelEvent>> out = new ArrayList<>();
    for (Demo d : demos) {
      Kernel kernel = new Kernel(d.config());
      try {
        d.misuse().accept(kernel);
      } catch (Oops expected) {
        // the task died; the report is in the log
      }
      out.add(kernel.log().events());
    }
    return out;
  }

  private static void recursiveLock(Kernel kernel) {
    Mutex lock = new Mutex(kernel, "lock");
    lock.lock();
    lock.lock();
  }

  private static void useAfterFree(Kernel kernel) {
    EventfdCtx ctx = EventfdCtx.create(kernel);
    ctx.setName("efd0");
    ctx.put();
    ctx.signal();
  }

  private static void refcountUnderflow(Kernel kernel) {
    EventfdCtx ctx = EventfdCtx.create(kernel);
    ctx.get();
    ctx.put();
    ctx.put();
    try (Kernel.Scope quiet = kernel.kasanDisableCurrent()) {
      ctx.put();
    }
  }

  private static void doubleAdd(Kernel kernel) {
    ListHead<EventfdCtx> head = ListHead.head(kernel, "producers");
    EventfdCtx ctx = EventfdCtx.create(kernel);
    ListHead<EventfdCtx> node = ListHead.node(kernel, ctx);
    ListHead.listAdd(node, head);
    ListHead.listAdd(node, head);
  }

  private static void endlessWalk(Kernel kernel) {
    ListHead<EventfdCtx> head = ListHead.head(kernel, "producers");
    ListHead<EventfdCtx> a = ListHead.node(kernel, EventfdCtx.create(kernel));
    ListHead<EventfdCtx> b = ListHead.node(kernel, EventfdCtx.create(kernel));
    ListHead.listAdd(a, head);
    ListHead.listAdd(b, head);
    ListHead.listAdd(a, head);
    for (EventfdCtx ctx : head.entries()) {
      ctx.count();
    }
  }

  private static void xarrayNoMemory(Kernel kernel) {
    XArray<EventfdCtx> producers = new XArray<>(kernel, "producers");
    EventfdCtx first = EventfdCtx.create(kernel);
    EventfdCtx second = EventfdCtx.create(kernel);
    producers.insert(first.address(), first, Gfp.KERNEL);
    kernel.faults().failNthAllocation(1);
    int ret = producers.insert(second.address(), second, Gfp.KERNEL);
    kernel.prInfo("xa_insert(producers, %px) = %s", second.address(), Errno.name(ret));
  }

  private static void modulePut(Kernel kernel) {
    Module module = Module.loadable(kernel, "irqbypass");
    module.put();
    kernel.prInfo("module_refcount(irqbypass) = %d, rmmod: %s", module.refcount(), Errno.name(module.unload()));
    module.put();
  }

  private static void leak(Kernel kernel) {
    EventfdCtx.create(kernel).setName("efd7");
    kernel.memory().scanLeaks();
  }
}
