package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.LoadedRevision;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerTest {
  private static final DriverEra V616 = DriverEra.byId("v6.16");

  @Test
  void aTraceNamesEveryObjectSymbolically() {
    Scenario s = Scenario.builder("wired", "a vector wired to an irqfd").vm("vm0").vfio("vfio0").eventfd("efd2")
        .route("vm0", 24, 1, 0x41).irqfd("vm0", "efd2", 24)
        .label("enable").setIrqs("vfio0", "msix", 3, "efd2")
        .label("fire").fire("vfio0.msix3").build();
    Trace t = Runner.run(s, new StubRevision(StubRevision.Fault.NONE), V616);
    String text = String.join("\n", t.lines());
    assertTrue(text.contains("irq_bypass_register_consumer(vm0.irqfd(efd2), efd2) = 0"), text);
    assertTrue(text.contains("irq_bypass_register_producer(vfio0.msix3, efd2, "), text);
    assertTrue(text.contains("vm0.irqfd(efd2).add_producer(vfio0.msix3) = 0"), text);
    assertTrue(text.contains("interrupt vfio0.msix3 -> vm0/vcpu1 vector 0x41 (posted)"), text);
    assertEquals(List.of("vfio0.msix3<->vm0.irqfd(efd2)"), t.step("enable").state().connections());
    assertTrue(!text.matches("(?s).*ffff[0-9a-f]{12}.*"), "no raw kernel address: " + text);
    assertEquals("result: completed", t.lines().get(t.lines().size() - 1));
  }

  /** The deliveries line lists the paths in order, so that the same run prints the same trace. */
  @Test
  void theDeliveriesLineIsInPathOrder() {
    Trace.MachineState m = new Trace.MachineState(List.of(), java.util.Map.of("posted", 2L, "irqfd", 1L, "eventfd", 3L), List.of(), List.of());
    assertEquals(List.of("eventfd", "irqfd", "posted"), List.copyOf(m.deliveries().keySet()));
    Trace t = new Trace("s", "r", "e", List.of(), null, List.of(), m, Trace.Outcome.COMPLETED);
    assertTrue(t.lines().contains("deliveries: eventfd 3 irqfd 1 posted 2"), t.lines().toString());
  }

  /** A hang, deadlock or crash keeps its thread dump under its outcome; cells show the first line only. */
  @Test
  void aStoppedRunPrintsTheRestOfItsDetailIndentedUnderItsOutcome() {
    Trace.Outcome o = new Trace.Outcome(Trace.Outcome.Kind.DEADLOCK, "a and b wait for each other's locks, at M.f(M.java:3)\n"
        + "a BLOCKED on Object#1 held by b\n  at M.f(M.java:3)", 2);
    Trace t = new Trace("s", "r", "e", List.of(), null, List.of(), Trace.MachineState.NONE, o);
    assertEquals("a and b wait for each other's locks, at M.f(M.java:3)", o.headline());
    assertEquals(List.of("scenario s on r with the e drivers", "deadlock in step 3: a and b wait for each other's locks, at M.f(M.java:3)",
        "    a BLOCKED on Object#1 held by b", "      at M.f(M.java:3)", "end: unknown", "leaks: none", "result: deadlock"), t.lines());
  }

  @Test
  void callbacksAreRecordedInOrderWithTheirResults() {
    Scenario s = Scenario.builder("refused", "refused").eventfd("efd0").consumer("c0", -16).producer("p0")
        .register("c0", "efd0").label("connect").register("p0", "efd0").build();
    Trace t = Runner.run(s, new StubRevision(StubRevision.Fault.NONE), V616);
    Trace.StepTrace step = t.step("connect");
    assertEquals(List.of("p0.stop", "c0.stop", "p0.add_consumer", "c0.add_producer", "c0.start", "p0.start"), step.callbacks());
    assertEquals("-EBUSY", step.ret());
    assertTrue(Trace.render(step.entries()).contains("  c0.add_producer(p0) = -EBUSY"), Trace.render(step.entries()).toString());
  }

  @Test
  void aRevisionThatThrowsStopsItsRunAndSaysWhere() {
    Trace t = Runner.run(Scenarios.api().get(1), new StubRevision(StubRevision.Fault.THROWS), V616);
    assertEquals(Trace.Outcome.Kind.EXCEPTION, t.outcome().kind());
    assertTrue(t.outcome().detail().startsWith("NullPointerException"), t.outcome().detail());
    assertEquals(3, t.steps().size(), "the steps after the one that threw do not run");
  }

  @Test
  void aRevisionThatDeadlocksGetsTheLockdepReport() {
    Trace t = Runner.run(Scenarios.api().get(1), new StubRevision(StubRevision.Fault.DEADLOCKS), V616);
    assertEquals(Trace.Outcome.Kind.OOPS, t.outcome().kind());
    assertTrue(t.outcome().detail().contains("possible recursive locking detected"), t.outcome().detail());
    assertTrue(t.reports("LOCKDEP").size() >= 1);
  }

  @Test
  void theOtherCellsStillRunWhenARevisionThrowsHangsOrDeadlocks() {
    for (StubRevision.Fault f : List.of(StubRevision.Fault.THROWS, StubRevision.Fault.HANGS, StubRevision.Fault.DEADLOCKS)) {
      StubRevision r = new StubRevision(f);
      Matrix m = new Conformance(Suite.standard(), Workers.inProcess(2, 2000)).run(List.of(new LoadedRevision(r, r.info(), "test")), null);
      Column c = m.columns().get(0);
      assertEquals(Grade.PASS, c.cell("REG-01").orElseThrow().grade(), f + ": a producer alone does not reach the fault");
      Cell consumer = c.cell("REG-02").orElseThrow();
      assertEquals(Grade.FAIL, consumer.grade(), f.name());
      String expected = switch (f) {
        case THROWS -> "exception in step 3: NullPointerException";
        case HANGS -> "hang in step 1: did not finish within 2 s";
        default -> "oops in step 3: [LOCKDEP] WARNING: possible recursive locking detected";
      };
      assertTrue(consumer.detail().contains(expected), f + ": " + consumer.detail());
    }
  }
}
