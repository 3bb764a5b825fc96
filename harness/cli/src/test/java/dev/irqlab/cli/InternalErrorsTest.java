package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Trace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalErrorsTest {
  private static Matrix with(Trace.Outcome outcome) {
    Trace t = new Trace("connect-fails", "v6.17", "v6.17", List.of(), null, List.of(), Trace.MachineState.NONE, outcome, "");
    Column.RevisionSummary r = new Column.RevisionSummary("v6.17", "t", "merged", null, "2025-05-16", "v6.17", "v6.17", "test", Map.of());
    return new Matrix(Matrix.SCHEMA, List.of(), List.of(), List.of(new Column(r, List.of(), List.of(t))));
  }

  @Test
  void aRunThatEndedInAnInternalErrorMakesTheCommandExitThreeAndSaysWhere() {
    StringWriter err = new StringWriter();
    int code = InternalErrors.or(with(new Trace.Outcome(Trace.Outcome.Kind.EXCEPTION, "IllegalStateException: x at Machine.java:9", 2)),
        new PrintWriter(err), Main.OK);
    assertEquals(Main.INTERNAL, code);
    assertEquals("irqlab: internal error of irqlab (a bug in the harness, not a fault of the revision) in scenario connect-fails on v6.17,"
        + " step 3: IllegalStateException: x at Machine.java:9", err.toString().strip());
  }

  @Test
  void anOopsOfTheRevisionIsNoInternalError() {
    StringWriter err = new StringWriter();
    assertEquals(Main.UNEXPECTED, InternalErrors.or(with(new Trace.Outcome(Trace.Outcome.Kind.OOPS, "[BUG] BUG: ...", 2)),
        new PrintWriter(err), Main.UNEXPECTED));
    assertTrue(err.toString().isEmpty(), err.toString());
  }
}
