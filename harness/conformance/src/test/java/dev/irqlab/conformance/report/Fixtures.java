package dev.irqlab.conformance.report;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.State;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.TraceEntry;
import dev.irqlab.spi.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A matrix built by hand, with every grade, long revision ids and texts that need escaping in
 * every format, and traces that differ between two revisions.
 */
final class Fixtures {
  private Fixtures() {}

  static final String TRICKY = "<script>alert('x')</script> | *bold* & \"quoted\" # not a directive";

  static final List<Matrix.ClauseInfo> CLAUSES = List.of(
      new Matrix.ClauseInfo("REG-01", "registration", "A producer registered with a free token is registered once.",
          "The caller checks the return code only.", List.of(new Link("irqbypass.h, theory of operation",
              "https://git.kernel.org/torvalds/c/f73f8173126b")), List.of("connect-fails")),
      new Matrix.ClauseInfo("ERR-02", "error paths", "A registration whose connect fails leaves nothing registered.",
          "The caller is told the registration failed and will not unregister.",
          List.of(new Link("NAK", "https://lore.kernel.org/all/x/"), new Link("bad", "javascript:alert(1)")),
          List.of("connect-fails")),
      new Matrix.ClauseInfo("LOCK-01", "locking", "No lock is held when an entry point returns, even " + TRICKY
          + " and a long tail of words that makes the statement wrap over more than one line of the text.",
          "Lockdep.", List.of(new Link("lockdep", "https://docs.kernel.org/locking/lockdep-design.html")), List.of()),
      new Matrix.ClauseInfo("LIFE-03", "object lifetime", "Nothing is touched after it is freed.", "KASAN.",
          List.of(new Link("kasan", "https://docs.kernel.org/dev-tools/kasan.html")), List.of()));

  static final Matrix.ScenarioInfo SCENARIO = new Matrix.ScenarioInfo("connect-fails", "a producer whose connect fails",
      "scenario connect-fails\ntitle a producer whose connect fails\neventfd efd0\n");

  static Column.RevisionSummary revision(String id, String status, String parent, String era) {
    return new Column.RevisionSummary(id, "The " + id + " design", status, parent, "2023-08-02", era, era,
        "file:/src/revisions/" + id + "/target/classes/", Map.of());
  }

  static Cell cell(String clause, Grade grade, String detail) {
    return new Cell(clause, grade, detail, null);
  }

  static Cell known(String clause, String detail) {
    return new Cell(clause, Grade.KNOWN, detail,
        new Cell.DeclaredDeviation("A failed connect leaves the producer stored.", "NAK by Alex Williamson",
            "https://lore.kernel.org/all/20230802123017.5695fe0a.alex.williamson@redhat.com/", List.of("/producers p0/ in connect-fails, step connect")));
  }

  /** The trace of connect-fails: {@code leaves} says whether p0 stays registered. */
  static Trace trace(String revision, boolean leaves) {
    State before = new State(List.of(), List.of("c0@efd0"), List.of(), 1);
    State after = leaves ? new State(List.of("p0@efd0"), List.of("c0@efd0"), List.of(), 1) : before;
    List<Trace.StepTrace> steps = new ArrayList<>();
    steps.add(new Trace.StepTrace(3, null, "register c0 efd0", "0", List.of(
        new TraceEntry(0, TraceEntry.Kind.CALL, "irq_bypass_register_consumer(c0, efd0)", Map.of()),
        new TraceEntry(0, TraceEntry.Kind.RETURN, "= 0", Map.of("ret", "0"))), before));
    steps.add(new Trace.StepTrace(4, "connect", "register p0 efd0", "-EBUSY", List.of(
        new TraceEntry(0, TraceEntry.Kind.CALL, "irq_bypass_register_producer(p0, efd0, 100)", Map.of()),
        new TraceEntry(1, TraceEntry.Kind.CALLBACK, "c0.add_producer(c0, p0) = -EBUSY",
            Map.of("object", "c0", "callback", "add_producer", "ret", "-EBUSY")),
        new TraceEntry(0, TraceEntry.Kind.RETURN, "= -EBUSY", Map.of("ret", "-EBUSY"))), after));
    for (int i = 0; i < 8; i++) {
      steps.add(new Trace.StepTrace(5 + i, null, "signal efd0", "0", List.of(
          new TraceEntry(0, TraceEntry.Kind.PRINTK, "printk: eventfd_signal(efd0) number " + i + " " + TRICKY, Map.of())), after));
    }
    return new Trace("connect-fails", revision, "v6.5", steps, after, List.of(
        new TraceEntry(0, TraceEntry.Kind.RESULT, "rmmod irqbypass = 0", Map.of("syscall", "delete_module", "ret", "0"))),
        new Trace.MachineState(List.of(), Map.of("posted", 2L, "eventfd", 1L), List.of(), leaves ? List.of("p0 (kmalloc-64)") : List.of()),
        Trace.Outcome.COMPLETED, "");
  }

  /** Four revisions: all pass, a known deviation, an undeclared failure and a stale declaration, and an n/a. */
  static Matrix matrix() {
    List<Column> columns = List.of(
        new Column(revision("rfc-2015", "superseded", null, "rfc-2015"), List.of(
            cell("REG-01", Grade.PASS, ""), cell("ERR-02", Grade.NA, "needs connect callbacks that can fail: void add_producer"),
            cell("LOCK-01", Grade.PASS, ""), cell("LIFE-03", Grade.PASS, "")), List.of(trace("rfc-2015", false))),
        new Column(revision("v6.16", "merged", "v5.9", "v6.16"), List.of(
            cell("REG-01", Grade.PASS, ""), cell("ERR-02", Grade.PASS, ""),
            cell("LOCK-01", Grade.PASS, ""), cell("LIFE-03", Grade.PASS, "")), List.of(trace("v6.16", false))),
        new Column(revision("xarray-v2-2023", "rejected", "xarray-v1-2023", "v6.5"), List.of(
            cell("REG-01", Grade.PASS, ""), known("ERR-02", "the failed producer stays registered: producers p0@efd0"),
            cell("LOCK-01", Grade.PASS, ""), cell("LIFE-03", Grade.PASS, "")), List.of(trace("xarray-v2-2023", true))),
        new Column(revision("cleanup-v1-2025", "superseded", "v6.16", "v6.16"), List.of(
            cell("REG-01", Grade.FAIL, "irq_bypass_register_producer returned -EBUSY for a free token " + TRICKY
                + ", which is wrong, and this detail is long enough to be wrapped"),
            cell("ERR-02", Grade.PASS, ""), new Cell("LOCK-01", Grade.STALE, "", new Cell.DeclaredDeviation(
                "Holds the mutex on return.", "v1 review", "https://lore.kernel.org/all/y/", List.of("LOCKDEP in producer-first"))),
            cell("LIFE-03", Grade.PASS, "")), List.of(trace("cleanup-v1-2025", false))));
    return new Matrix(Matrix.SCHEMA, CLAUSES, List.of(SCENARIO), columns);
  }

  /** The same clauses, with every cell as declared: v6.16 and xarray-v2-2023. */
  static Matrix asDeclared() {
    Matrix m = matrix();
    return new Matrix(m.schema(), m.clauses(), m.scenarios(), m.columns().subList(1, 3));
  }
}
