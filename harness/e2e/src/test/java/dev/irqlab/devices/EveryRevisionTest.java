package dev.irqlab.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.guest.Interrupt;
import dev.irqlab.devices.irq.Irte;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every revision the loader finds, with the drivers of its own era: a vector wired to a VM's
 * irqfd delivers one interrupt cleanly, and the whole machine shuts down with nothing left. The
 * callers' side of each revision's API (who writes the token and the IRQ) lives in the revision,
 * so no era may break a revision that runs with it.
 */
class EveryRevisionTest {

  static Stream<Arguments> revisions() {
    List<LoadedRevision> loaded = RevisionLoader.load();
    assertTrue(loaded.size() >= 2, "the revision modules are on the test class path (RevisionModulesTest checks they all are)");
    return loaded.stream().map(r -> Arguments.of(r.id(), r.info().defaultEra()));
  }

  @ParameterizedTest(name = "{0} with {1} drivers")
  @MethodSource("revisions")
  void aWiredVectorDeliversOnceWithTheDriversOfItsEra(String id, String era) {
    Rig r = Rig.revision(id, era);
    int efd = r.wiredVector0();
    Interrupt i = r.fire(0);
    assertEquals(1, i.deliveries().size(), i.deliveries()::toString);
    assertEquals(List.of(), i.anomalies());
    assertEquals(Irte.Mode.POSTED, r.irte(0).mode(), era);
    assertEquals(0, r.ctx(efd).signals(), "a posted interrupt does not signal the eventfd");
    assertTrue(r.printk().isEmpty(), r.printk()::toString);
    if (DriverEra.byId(era).has(DriverChange.KVM_UNREGISTER_IN_SHUTDOWN)) {
      r.shutdownClean();
    } else {
      // The 2015 stubs unregister the consumer only on deassign: destroying the VM frees an irqfd
      // whose consumer is still registered, and the producer's unregister then touches it.
      r.host.shutdown();
      assertTrue(r.reports().stream().allMatch(h -> h.startsWith("[KASAN] BUG: KASAN: slab-use-after-free")), r.reports()::toString);
      assertTrue(!r.reports().isEmpty());
    }
  }
}
