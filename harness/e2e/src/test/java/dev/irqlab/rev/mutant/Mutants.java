package dev.irqlab.rev.mutant;

import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;

/**
 * Revisions that run away, for the tests of supervised runs: v6.16 (found through {@link
 * ServiceLoader}, as the harness finds it), except that when {@code irq_bypass_register_producer}
 * returns {@code -EINVAL} (a NULL key, or a vector whose connect the drivers refuse) one of them
 * spins, one deadlocks, one exits the JVM, one exhausts the heap, one blocks forever and one
 * throws. Every other scenario runs as on v6.16.
 *
 * <p>They are services only in {@code src/test/mutants}, which the tests that want them put on
 * the class path, so they never join the real matrix. Each faulting line ends with a comment
 * naming its mutant, so that a test can find the line a report must name.
 */
public final class Mutants {
  private Mutants() {}

  /** v6.16 with one fault on a registration that fails with -EINVAL. */
  abstract static class Mutant implements Revision {
    private static final String PARENT = "dev.irqlab.rev.v6_16.Provider";

    private final Revision parent = ServiceLoader.load(Revision.class).stream()
        .filter(p -> p.type().getName().equals(PARENT)).findFirst().orElseThrow().get();
    private final RevisionInfo info;

    Mutant(String fault) {
      RevisionInfo p = parent.info();
      RevisionInfo.Builder b = RevisionInfo.builder("mutant-" + fault)
          .title("v6.16 that " + fault + "s when a registration fails with -EINVAL").author("nobody")
          .date(p.date().toString()).status(Status.PROPOSAL).parent(p.id()).defaultEra(p.defaultEra())
          .summary("A test of supervised runs.").link(new Link("none", "https://example.invalid/"));
      p.lacks().forEach(b::lacks);
      p.deviations().forEach(b::deviates);
      this.info = b.build();
    }

    /** What goes wrong. */
    abstract void misbehave(int ret);

    @Override
    public RevisionInfo info() {
      return info;
    }

    @Override
    public IrqBypass load(Kernel kernel) {
      IrqBypass manager = parent.load(kernel);
      return new IrqBypass() {
        @Override
        public int registerProducer(IrqBypassProducer producer, EventfdCtx eventfd, int irq) {
          int ret = manager.registerProducer(producer, eventfd, irq);
          if (ret == -Errno.EINVAL) {
            misbehave(ret);
          }
          return ret;
        }

        @Override
        public void unregisterProducer(IrqBypassProducer producer) {
          manager.unregisterProducer(producer);
        }

        @Override
        public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
          return manager.registerConsumer(consumer, eventfd);
        }

        @Override
        public void unregisterConsumer(IrqBypassConsumer consumer) {
          manager.unregisterConsumer(consumer);
        }

        @Override
        public Module module() {
          return manager.module();
        }

        @Override
        public int unload() {
          return manager.unload();
        }

        @Override
        public Snapshot snapshot() {
          return manager.snapshot();
        }
      };
    }
  }

  /** An endless loop on the error path. */
  public static final class Spin extends Mutant {
    public Spin() {
      super("spin");
    }

    @Override
    void misbehave(int ret) {
      while (ret != 0) { } // spin
    }
  }

  /** Two threads that take two locks in opposite orders. */
  public static final class Deadlock extends Mutant {
    public Deadlock() {
      super("deadlock");
    }

    @Override
    void misbehave(int ret) {
      Object first = new Object();
      Object second = new Object();
      CountDownLatch bothHold = new CountDownLatch(2);
      Thread helper = new Thread(() -> {
        synchronized (second) {
          bothHold.countDown();
          await(bothHold);
          synchronized (first) { bothHold.countDown(); } // deadlock-helper
        }
      }, "mutant-helper");
      helper.setDaemon(true);
      synchronized (first) {
        helper.start();
        bothHold.countDown();
        await(bothHold);
        synchronized (second) { bothHold.countDown(); } // deadlock
      }
    }
  }

  /** The JVM exits. */
  public static final class Exit extends Mutant {
    public Exit() {
      super("exit");
    }

    @Override
    void misbehave(int ret) {
      System.exit(3); // exit
    }
  }

  /** The heap runs out. */
  public static final class Hog extends Mutant {
    public Hog() {
      super("hog");
    }

    @Override
    void misbehave(int ret) {
      List<long[]> hoard = new ArrayList<>();
      while (ret != 0) {
        hoard.add(new long[4 << 20]); // hog
      }
    }
  }

  /** Waits for what never comes. */
  public static final class Block extends Mutant {
    public Block() {
      super("block");
    }

    @Override
    void misbehave(int ret) {
      CountDownLatch never = new CountDownLatch(1);
      while (ret != 0) {
        try {
          never.await(); // block
        } catch (InterruptedException e) {
          // Not even an interrupt ends it.
        }
      }
    }
  }

  /** A Java exception the kernel would not have. */
  public static final class Throw extends Mutant {
    public Throw() {
      super("throw");
    }

    @Override
    void misbehave(int ret) {
      throw new IllegalStateException("mutant: refused " + ret); // throw
    }
  }

  /** Waits for {@code latch}, however often interrupted. */
  static void await(CountDownLatch latch) {
    while (latch.getCount() > 0) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        // Not even an interrupt ends it.
      }
    }
  }
}
