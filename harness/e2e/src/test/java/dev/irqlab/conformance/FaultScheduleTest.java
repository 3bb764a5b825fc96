package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault schedules finer than "every hit": the Nth IRTE update, an IRQ request, one route
 * update, the allocations of one C type, and a schedule that never came, said as such.
 */
class FaultScheduleTest {

  private static Trace run(String revision, String... lines) {
    Revision r = RevisionLoader.load().stream().filter(l -> l.id().equals(revision)).findFirst().orElseThrow().revision();
    Scenario s = ScenarioParser.parse("faults.irq", "faults", String.join("\n", lines));
    return Runner.run(s, r, DriverEra.byId(r.info().defaultEra()));
  }

  private static String text(Trace t, String label) {
    return String.join("\n", Trace.render(t.step(label).entries()));
  }

  private static final String[] TWO_VECTORS = {
    "vm vm0", "vfio vfio0 msix=2", "eventfd e0", "eventfd e1",
    "route vm0 24 vcpu=0 vector=0x40", "route vm0 25 vcpu=1 vector=0x41",
    "irqfd vm0 e0 24", "irqfd vm0 e1 25",
  };

  private static String[] with(String[] head, String... tail) {
    String[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }

  @Test
  void theSecondIrteUpdateFailsAndOnlyTheSecondVectorStaysRemapped() {
    Trace t = run("v6.16", with(TWO_VECTORS,
        "fail irq_set_vcpu_affinity nth=2", "vectors: set-irqs vfio0 msix 0 e0 e1", "first: fire vfio0.msix0", "second: fire vfio0.msix1"));
    String vectors = text(t, "vectors");
    assertTrue(vectors.contains("vm0.irqfd(e0).add_producer(vfio0.msix0) = 0"), vectors);
    assertTrue(vectors.contains("vm0.irqfd(e1).add_producer(vfio0.msix1) = -EINVAL"), vectors);
    assertEquals(1, vectors.split("FAULT_INJECTION", -1).length - 1, vectors);
    assertTrue(text(t, "first").contains("(posted)"), text(t, "first"));
    assertTrue(text(t, "second").contains("(irqfd)"), text(t, "second"));
  }

  @Test
  void aFailedIrqRequestFailsTheVectorsSetIrqs() {
    Trace t = run("v6.17", with(TWO_VECTORS,
        "fail request_irq nth=2 in=vfio_msi_set_vector_signal", "vectors: set-irqs vfio0 msix 0 e0 e1"));
    assertEquals("-ENOMEM", t.step("vectors").result());
    assertTrue(text(t, "vectors").contains("FAULT_INJECTION: forcing a failure. name request_irq"));
  }

  /** A route update whose IRTE update fails WARNs in the list era; 6.17's update returns void and does not. */
  @Test
  void oneFailedRouteUpdateWarnsOnlyInTheListEra() {
    String[] lines = {
      "vm vm0", "vfio vfio0 msix=1", "eventfd e0", "route vm0 24 vcpu=0 vector=0x40", "irqfd vm0 e0 24",
      "connect: set-irqs vfio0 msix 0 e0", "fail irq_set_vcpu_affinity nth=1 in=kvm_irq_routing_update",
      "reroute: route vm0 24 vcpu=1 vector=0x41", "again: route vm0 24 vcpu=0 vector=0x42",
    };
    Trace list = run("v6.16", lines);
    Trace xarray = run("v6.17", lines);
    for (Trace t : List.of(list, xarray)) {
      assertFalse(text(t, "connect").contains("FAULT_INJECTION"), "the connect's IRTE update is not inside a route update");
      assertTrue(text(t, "reroute").contains("FAULT_INJECTION"), text(t, "reroute"));
      assertFalse(text(t, "again").contains("FAULT_INJECTION"), "once only");
    }
    assertTrue(text(list, "reroute").contains("WARNING"), text(list, "reroute"));
    assertFalse(text(xarray, "reroute").contains("WARNING"), text(xarray, "reroute"));
  }

  @Test
  void oneTypesAllocationFailsAndNoOther() {
    Trace t = run("v6.17", "vm vm0", "fail kmalloc:kvm_kernel_irqfd nth=1", "eventfd e0", "first: irqfd vm0 e0 24",
        "eventfd e1", "second: irqfd vm0 e1 25");
    assertEquals("-ENOMEM", t.step("first").result());
    assertEquals("0", t.step("second").result());
  }

  @Test
  void aScheduleThatNeverFiredIsSaidWhenItIsCleared() {
    Trace t = run("v6.17", "vm vm0", "fail kmalloc:no_such_type nth=3", "eventfd e0", "irqfd vm0 e0 24", "off: fail off");
    assertEquals(List.of("fault kmalloc:no_such_type nth=3 never forced a failure (0 hits)"), Trace.render(t.step("off").entries()));
  }
}
