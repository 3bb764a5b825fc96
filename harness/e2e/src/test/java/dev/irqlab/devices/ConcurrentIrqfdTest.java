package dev.irqlab.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irqlab.devices.kvm.KvmIrqfdArgs;
import dev.irqlab.devices.user.Process;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelEvent;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code KVM_IRQFD} from many tasks at once, each a VMM with its own VM, as in the 2023 stress
 * of 174000 irqfds: every revision, serialised by its own mutex, ends with every consumer
 * registered once, and nothing reported.
 */
class ConcurrentIrqfdTest {
  private static final int TASKS = 6;
  private static final int EACH = 40;

  static Stream<Arguments> revisions() {
    return RevisionLoader.load().stream().map(r -> Arguments.of(r.id(), r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("revisions")
  void everyIrqfdOfEveryTaskRegistersItsConsumerOnce(String id, LoadedRevision revision) throws Exception {
    Host host = Host.boot(new Kernel(), revision.revision()::load, DriverEra.byId(revision.info().defaultEra()), HostSettings.defaults());
    List<Callable<Void>> vmms = new ArrayList<>();
    for (int t = 0; t < TASKS; t++) {
      Process vmm = Process.spawn(host, "vmm" + t);
      vmms.add(() -> {
        int vm = vmm.createVm(1);
        for (int i = 0; i < EACH; i++) {
          int efd = vmm.eventfd();
          assertEquals(0, vmm.kvmIrqfd(vm, KvmIrqfdArgs.assign(efd, 32 + i)));
        }
        return null;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(TASKS);
    try {
      for (Future<Void> f : pool.invokeAll(vmms)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(TASKS * EACH, host.bypass().snapshot().consumers().size());
    assertEquals(List.of(), host.kernel().log().reports().stream().map(KernelEvent::headline).toList());
  }
}
