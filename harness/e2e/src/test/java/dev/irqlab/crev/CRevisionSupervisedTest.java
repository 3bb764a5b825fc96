package dev.irqlab.crev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Conformance;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.supervise.Supervisor;
import dev.irqlab.fork.ChildJvm;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.Revision;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A C revision's fault is confined to the cells that reach it, as a port's is: in supervised runs
 * (worker JVMs), a C that spins for ever outside any list walk hangs only the scenarios that reach
 * the spin, the other scenarios give the port's traces, and the matrix ends.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CRevisionSupervisedTest {
  @Test
  void aCThatSpinsHangsOnlyTheScenariosThatReachTheSpin() {
    Revision port = CRevisionTest.port("v6.17");
    CRevision spin = CRevision.of("c:" + CRevisionTest.fixture("spin"));
    CRevision fine = CRevision.of("c:" + CRevisionTest.fixture("eventfd-api"));
    Matrix m = new Conformance(Suite.standard(), new Supervisor(2000, 2, ChildJvm.classPath())).run(List.of(
        new LoadedRevision(port, port.info(), "test"), new LoadedRevision(spin, spin.info(), "test"),
        new LoadedRevision(fine, fine.info(), "test")), "v6.17");
    Column s = m.column(spin.info().id()).orElseThrow();
    Column f = m.column(fine.info().id()).orElseThrow();
    List<String> hung = s.traces().stream().filter(t -> t.outcome().kind() == Trace.Outcome.Kind.HANG).map(Trace::scenario).toList();
    assertFalse(hung.isEmpty(), "the scenarios that register a consumer under a taken key hang");
    for (Trace t : s.traces()) {
      if (!hung.contains(t.scenario())) {
        assertEquals(CRevisionTest.masked(f.trace(t.scenario()).orElseThrow()), CRevisionTest.masked(t), t.scenario());
      }
    }
    for (String id : hung) {
      assertEquals(Trace.Outcome.Kind.COMPLETED, f.trace(id).orElseThrow().outcome().kind(), "the same scenario on the fixture without the spin");
    }
  }
}
