package dev.irqlab.cli;

import dev.irqlab.conformance.report.Text;
import dev.irqlab.kernel.KernelEvent;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code irqlab info}: what the emulated kernel and the SPI provide, shown live. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Show what the emulated kernel and the revision SPI provide, and what the kernel reports when misused.")
final class InfoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--no-tour", description = "Leave out the live misuse tour.")
  boolean noTour;

  private static final String KERNEL =
      """
      The emulated kernel (harness/kernel), one Kernel object per run:
        errno       0 or a negative errno, rendered -EBUSY, -EINVAL, -ENODEV, -ENOMEM
        Mutex       mutex_lock/unlock/trylock, guard(mutex); lockdep: recursive
                    locking, bad unlock, lock held on return, lockdep_assert_held;
                    lock_stat: acquisitions, contentions, wait and hold histograms
        ListHead    list_add, list_add_tail, list_del (poisons), list_empty,
                    list_for_each_entry; CONFIG_DEBUG_LIST; nodes-visited counter
        XArray      xa_load, xa_store, xa_insert, xa_erase, xa_destroy, xa_err: a
                    64-way radix tree whose nodes come from the allocator
        Memory      fake kernel addresses, kzalloc/kfree; KASAN use-after-free,
                    double-free, invalid-free; kmemleak scan
        EventfdCtx  kref get/put, signal counter, wait queue with priority waiters
        Module      THIS_MODULE: try_module_get, module_put, delete_module
        printk      C formats (%d %u %x %s %p %px), log levels; WARN, WARN_ON_ONCE,
                    BUG; might_sleep against the atomic context
        faults      fail the Nth hit of a named point, or the Nth allocation
        watchdog    a walk that does not end becomes a reported soft lockup
      """;

  private static final String SPI =
      """
      The revision SPI (harness/spi):
        Revision            info(): id, title, authors, date, status, parent,
                            links, default driver era, summary
                            load(Kernel): a fresh instance of the manager (insmod)
        IrqBypass           registerProducer(producer, eventfd, irq)
                            unregisterProducer(producer)
                            registerConsumer(consumer, eventfd)
                            unregisterConsumer(consumer)
                            unload(), module(), snapshot()
        IrqBypassProducer   token, irq; add_consumer, del_consumer, stop, start;
                            the manager-private slot
        IrqBypassConsumer   token; add_producer, del_producer, stop, start;
                            the manager-private slot
        RevisionLoader      finds revision modules through ServiceLoader, in
                            history order (parent first, then date)
      """;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(KERNEL);
    out.println();
    out.print(SPI);
    out.println();
    List<LoadedRevision> revisions = RevisionLoader.load();
    out.println(
        revisions.isEmpty()
            ? "Revisions on the class path: none yet."
            : "Revisions on the class path: " + revisions.size() + " (see 'irqlab list').");
    if (!noTour) {
      out.println();
      printTour(out);
    }
    return Main.OK;
  }

  private static void printTour(PrintWriter out) {
    out.println("What the emulated kernel reports, live from a fresh kernel per misuse:");
    List<KernelTour.Demo> demos = KernelTour.demos();
    List<List<KernelEvent>> logs = KernelTour.run(demos);
    for (int i = 0; i < demos.size(); i++) {
      out.println();
      out.println("  " + demos.get(i).what() + ":");
      for (KernelEvent e : logs.get(i)) {
        out.println(Text.indent(Text.wrap(e.headline(), 74), 4));
        if (!e.details().isEmpty()) {
          out.println(Text.indent(Text.wrap(e.details().get(0), 72), 6));
        }
      }
    }
  }
}
