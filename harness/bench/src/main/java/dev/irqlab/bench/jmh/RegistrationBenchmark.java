package dev.irqlab.bench.jmh;

import dev.irqlab.bench.Revisions;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelConfig;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One revision's {@code irq_bypass_register_consumer} and {@code irq_bypass_unregister_consumer}
 * with {@code size} objects already registered (half producers, half consumers, none paired),
 * on a benchmark kernel, called directly.
 *
 * <p>{@code revision} defaults to one id so the class runs alone; {@code ./irqlab jmh} sets it
 * to every revision on the class path, in history order, as the conformance matrix runs them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class RegistrationBenchmark {

  /** A manager with {@code size} objects and one more consumer ready to go. */
  @State(Scope.Thread)
  public abstract static class Filled {
    @Param({"v6.17"})
    public String revision;

    @Param({"10", "1000", "10000"})
    public int size;

    IrqBypass manager;
    IrqBypassConsumer consumer;
    EventfdCtx key;

    @Setup(Level.Trial)
    public void fill() {
      Kernel kernel = new Kernel(KernelConfig.benchmark());
      manager = Revisions.byId(revision).revision().load(kernel);
      for (int i = 0; i < size; i++) {
        EventfdCtx k = EventfdCtx.create(kernel);
        int ret = i % 2 == 0 ? manager.registerProducer(IrqBypassProducer.alloc(kernel), k, 1000 + i) : manager.registerConsumer(consumer(kernel), k);
        if (ret != 0) {
          throw new IllegalStateException(revision + ": filler registration returned " + ret);
        }
      }
      consumer = consumer(kernel);
      key = EventfdCtx.create(kernel);
    }

    private static IrqBypassConsumer consumer(Kernel kernel) {
      IrqBypassConsumer c = IrqBypassConsumer.alloc(kernel);
      c.setAddProducer((self, p) -> 0);
      c.setDelProducer((self, p) -> {});
      return c;
    }
  }

  /** Registering: the consumer is unregistered again after each call. */
  @State(Scope.Thread)
  public static class ToRegister extends Filled {
    @TearDown(Level.Invocation)
    public void unregister() {
      manager.unregisterConsumer(consumer);
    }
  }

  /** Unregistering: the consumer is registered before each call. */
  @State(Scope.Thread)
  public static class ToUnregister extends Filled {
    @Setup(Level.Invocation)
    public void register() {
      int ret = manager.registerConsumer(consumer, key);
      if (ret != 0) {
        throw new IllegalStateException("registration returned " + ret);
      }
    }
  }

  @Benchmark
  public int register(ToRegister s) {
    return s.manager.registerConsumer(s.consumer, s.key);
  }

  @Benchmark
  public void unregister(ToUnregister s) {
    s.manager.unregisterConsumer(s.consumer);
  }
}
