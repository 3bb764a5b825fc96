package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.LoadedRevision;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    Trace t = new Trace("s", "r", "e", List.of(), null, List.of(), m, Trace.Outcome.COMPLETED, "");
    assertTrue(t.lines().contains("deliveries: eventfd 3 irqfd 1 posted 2"), t.lines().toString());
  }

  /** A hang, deadlock or crash keeps its thread dump under its outcome; cells show the first line only. */
  @Test
  void aStoppedRunPrintsTheRestOfItsDetailIndentedUnderItsOutcome() {
    Trace.Outcome o = new Trace.Outcome(Trace.Outcome.Kind.DEADLOCK, "a and b wait for each other's locks, at M.f(M.java:3)\n"
        + "a BLOCKED on Object#1 held by b\n  at M.f(M.java:3)", 2);
    Trace t = new Trace("s", "r", "e", List.of(), null, List.of(), Trace.MachineState.NONE, o, "");
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

  /** A Java exception out of a manager is the oops it stands for, with the faulting line, and it ends the task. */
  @Test
  void aRevisionThatThrowsOopsesAndSaysWhere() {
    Trace t = Runner.run(Scenarios.api().get(1), new StubRevision(StubRevision.Fault.THROWS), V616);
    assertEquals(Trace.Outcome.Kind.OOPS, t.outcome().kind());
    assertEquals("[BUG] BUG: kernel NULL pointer dereference, address: NULL", t.outcome().detail());
    assertEquals(3, t.steps().size(), "the steps after the one that oopsed do not run");
    List<String> lines = t.lines();
    int bug = java.util.stream.IntStream.range(0, lines.size())
        .filter(i -> lines.get(i).startsWith("    [BUG] BUG: kernel NULL pointer dereference, address: NULL at StubRevision$Manager.registerConsumer("))
        .findFirst().orElse(-1);
    assertTrue(bug > 0, String.join("\n", lines));
    assertTrue(lines.get(bug + 1).matches("      RIP: StubRevision\\$Manager\\.registerConsumer\\(StubRevision\\.java:\\d+\\)"), lines.get(bug + 1));
    assertTrue(lines.stream().anyMatch(l -> l.contains("(Java: NullPointerException")), String.join("\n", lines));
    assertTrue(lines.stream().noneMatch(l -> l.contains("exception")), "no Java exception line: " + String.join("\n", lines));
  }

  /** An exception out of the harness itself (here, this test's own frame) is an internal error, never a fault of the revision. */
  @Test
  void anExceptionOfTheHarnessIsAnInternalError() {
    dev.irqlab.kernel.Kernel kernel = new dev.irqlab.kernel.Kernel();
    Recorder rec = new Recorder(new Names(kernel));
    Trace.Outcome o = Runner.died(new IllegalStateException("a bug of the harness"), kernel, rec, 2);
    assertEquals(Trace.Outcome.Kind.EXCEPTION, o.kind());
    assertEquals(2, o.step());
    List<TraceEntry> entries = rec.take();
    assertEquals(1, entries.size());
    assertTrue(entries.get(0).text().startsWith("internal error of irqlab (not of the revision): IllegalStateException: a bug of the harness at "),
        entries.get(0).text());
    assertTrue(kernel.log().events().isEmpty(), "the kernel logged no oops for it");
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
      // A hang costs each scenario that reaches it the whole time limit: the registration clauses suffice.
      Suite suite = f == StubRevision.Fault.HANGS ? registrationClauses() : Suite.standard();
      Matrix m = new Conformance(suite, Workers.inProcess(2, 2000)).run(List.of(new LoadedRevision(r, r.info(), "test")), null);
      Column c = m.columns().get(0);
      assertEquals(Grade.PASS, c.cell("REG-01").orElseThrow().grade(), f + ": a producer alone does not reach the fault");
      Cell consumer = c.cell("REG-02").orElseThrow();
      assertEquals(Grade.FAIL, consumer.grade(), f.name());
      String expected = switch (f) {
        case THROWS -> "oops in step 3: [BUG] BUG: kernel NULL pointer dereference";
        case HANGS -> "hang in step 1: did not finish within 2 s";
        default -> "oops in step 3: [LOCKDEP] WARNING: possible recursive locking detected";
      };
      assertTrue(consumer.detail().contains(expected), f + ": " + consumer.detail());
    }
  }

  /** The suite's registration clauses (REG-), with the scenarios they read. */
  private static Suite registrationClauses() {
    Suite all = Suite.standard();
    List<Clause> clauses = all.clauses().stream().filter(c -> c.id().startsWith("REG-")).toList();
    Set<String> read = new HashSet<>();
    clauses.forEach(c -> read.addAll(c.scenarios()));
    return new Suite(all.scenarios().stream().filter(sc -> read.contains(sc.id())).toList(), clauses);
  }

  /** A VMM that uses a descriptor after closing it gets -EBADF from its own file table, as from the kernel. */
  @Test
  void aNameUsedAfterItsCloseReachesTheProcessWithTheStaleNumberAndGetsEbadf() {
    Scenario s = Scenario.builder("stale", "a VM's descriptor used after close").vm("vm0").eventfd("efd0").vfio("vfio0")
        .close("vm0").label("irqfd").irqfd("vm0", "efd0", 24).label("route").route("vm0", 24, 0, 0x41)
        .close("efd0").label("set").setIrqs("vfio0", "msix", 0, "efd0").label("signal").signal("efd0")
        .label("again").close("efd0").build();
    Trace t = Runner.run(s, new StubRevision(StubRevision.Fault.NONE), V616);
    assertEquals(Trace.Outcome.COMPLETED, t.outcome(), String.join("\n", t.lines()));
    for (String label : List.of("irqfd", "route", "set", "signal", "again")) {
      assertEquals("-EBADF", t.step(label).result(), label);
    }
    assertTrue(t.lines().contains("    KVM_IRQFD = -EBADF"), String.join("\n", t.lines()));
  }

  @Test
  void anInterruptOnAQueueOrVectorTheDeviceLacksIsEinvalAndSaysWhatTheDeviceHas() {
    Scenario s = Scenario.builder("nosuch", "interrupts the devices cannot send").vdpa("vdpa0").vfio("vfio0")
        .label("vq").fire("vdpa0.vq9").label("msix").fire("vfio0.msix4").label("msi").fire("vfio0.msi1")
        .label("last").fire("vdpa0.vq1").build();
    Trace t = Runner.run(s, new StubRevision(StubRevision.Fault.NONE), V616);
    assertEquals(Trace.Outcome.COMPLETED, t.outcome(), String.join("\n", t.lines()));
    assertEquals("-EINVAL", t.step("vq").result());
    assertEquals("-EINVAL", t.step("msix").result());
    assertEquals("-EINVAL", t.step("msi").result());
    assertEquals("0", t.step("last").result());
    List<String> lines = t.lines();
    assertTrue(lines.contains("    no such queue vdpa0.vq9 (the device has 2) = -EINVAL"), String.join("\n", lines));
    assertTrue(lines.contains("    no such MSI-X vector vfio0.msix4 (the device has 4) = -EINVAL"), String.join("\n", lines));
    assertTrue(lines.contains("    no such MSI vector vfio0.msi1 (the device has 1) = -EINVAL"), String.join("\n", lines));
  }

  /** A caller whose kzalloc failed holds NULL: the steps that name the object do nothing, and say so. */
  @Test
  void anObjectOrEventfdWhoseAllocationFailedIsNothingToTheStepsThatNameIt() {
    Scenario s = Scenario.builder("nomem", "allocations that fail").fail("kmalloc").label("producer").producer("p0")
        .label("eventfd").eventfd("efd0").label("vm").vm("vm0").fail("off").consumer("c0")
        .label("register").register("p0", "NULL").label("consumer").register("c0", "efd0")
        .script("p0", -16).unregister("p0").free("p0").label("irqfd").irqfd("vm0", "efd0", 24).route("vm0", 24, 0, 0x41)
        .close("vm0").build();
    Trace t = Runner.run(s, new StubRevision(StubRevision.Fault.NONE), V616);
    assertEquals(Trace.Outcome.COMPLETED, t.outcome(), String.join("\n", t.lines()));
    assertEquals("-ENOMEM", t.step("producer").result());
    assertEquals("-ENOMEM", t.step("eventfd").result());
    assertEquals("-ENOMEM", t.step("vm").result());
    assertEquals("-ENOMEM", t.step("register").result());
    assertEquals("-EBADF", t.step("consumer").result());
    assertEquals("-EBADF", t.step("irqfd").result());
    List<String> lines = t.lines();
    assertTrue(lines.contains("    kzalloc(p0) = NULL"), String.join("\n", lines));
    assertTrue(lines.contains("    p0 is NULL (its kzalloc failed): nothing to do"), String.join("\n", lines));
    assertTrue(lines.contains("    eventfd_ctx_fdget(efd0) = -EBADF"), String.join("\n", lines));
    assertEquals(List.of(), t.reports());
  }
}
