package dev.irqlab.conformance.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.ScenarioParser;
import dev.irqlab.conformance.Scenarios;
import dev.irqlab.conformance.Step;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.report.Reports;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {
  private static Wire.Request request(Scenario s) {
    return new Wire.Request(7, "v6.16", "v6.16", s.id(), s.title(), s.origin(), Wire.text(s), "");
  }

  /** A worker runs the same scenario: same lines, labels and operations, so the same trace. */
  @Test
  void everyBuiltInScenarioReachesAWorkerAsItIs() {
    for (Scenario s : Scenarios.all()) {
      Wire.Request r = Reports.fromJsonLine(Reports.toJsonLine(request(s)), Wire.Request.class);
      Scenario back = r.scenario();
      assertEquals(List.of(s.id(), s.title(), s.origin()), List.of(back.id(), back.title(), back.origin()));
      assertEquals(s.steps().size(), back.steps().size(), s.id());
      for (int i = 0; i < s.steps().size(); i++) {
        Step a = s.steps().get(i);
        Step b = back.steps().get(i);
        assertEquals(List.of(a.line(), String.valueOf(a.label()), a.op()), List.of(b.line(), String.valueOf(b.label()), b.op()), s.id());
      }
    }
  }

  @Test
  void aScenarioFromAFileKeepsItsLineNumbers() {
    Scenario s = ScenarioParser.parse("x.irq", "x", "# comment\n\neventfd efd0\nproducer p0   # p\nreg: register p0 efd0\n");
    Scenario back = request(s).scenario();
    assertEquals(List.of(3, 4, 5), back.steps().stream().map(Step::line).toList());
    assertEquals("x.irq", back.origin());
  }

  @Test
  void aStepThatDoesNotReadBackIsRefused() {
    Scenario s = Scenarios.all().get(0);
    Wire.Request bad = new Wire.Request(1, "v6.16", "v6.16", s.id(), s.title(), s.origin(), "eventfd efd0\nproducer   p0\n", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::scenario);
    assertTrue(e.getMessage().contains("'producer   p0' reads back as 'producer p0'"), e.getMessage());
  }

  @Test
  void aTraceTravelsWithoutItsStepsWhichComeOneByOne() {
    Trace.StepTrace step = new Trace.StepTrace(1, null, "eventfd efd0", "0", List.of(), null);
    Trace t = new Trace("s", "r", "e", List.of(step), null, List.of(), Trace.MachineState.NONE, Trace.Outcome.COMPLETED, "");
    Wire.Message m = Reports.fromJsonLine(Reports.toJsonLine(Wire.Message.trace(3, t)), Wire.Message.class);
    assertEquals(3, m.job());
    assertEquals(List.of(), m.trace().steps());
    assertEquals(t.outcome(), m.trace().outcome());
    assertEquals(step, Reports.fromJsonLine(Reports.toJsonLine(Wire.Message.step(3, step)), Wire.Message.class).step());
  }
}
