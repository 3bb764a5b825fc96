package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.spi.Feature;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Symptom;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradingTest {
  private static final Link LINK = new Link("a review", "https://example.invalid/review");

  /** The stub is no service of the class path: it runs in this JVM. */
  private static final Workers HERE = Workers.inProcess(2, 60_000);

  private static Column run(StubRevision r) {
    return new Conformance(Suite.standard(), HERE).run(List.of(new LoadedRevision(r, r.info(), "test")), null).columns().get(0);
  }

  @Test
  void gradesAreThoseOfJcstressAgainstTheDeclarations() {
    assertEquals(Grade.PASS, Grade.of(Verdict.PASS, false));
    assertEquals(Grade.STALE, Grade.of(Verdict.PASS, true));
    assertEquals(Grade.KNOWN, Grade.of(Verdict.fail("x"), true));
    assertEquals(Grade.FAIL, Grade.of(Verdict.fail("x"), false));
    assertEquals(Grade.NA, Grade.of(Verdict.na("x"), false));
    assertTrue(Grade.FAIL.unexpected() && Grade.STALE.unexpected());
    assertFalse(Grade.KNOWN.unexpected() || Grade.NA.unexpected() || Grade.PASS.unexpected());
  }

  @Test
  void aDeclaredFailureIsKnownAndAStaleDeclarationIsUnexpected() {
    Column plain = run(new StubRevision(StubRevision.Fault.NONE));
    assertEquals(Grade.FAIL, plain.cell("REG-09").orElseThrow().grade(), "the stub takes a NULL eventfd as a key");
    assertEquals(Grade.PASS, plain.cell("REG-01").orElseThrow().grade());

    Column declared = run(new StubRevision(StubRevision.Fault.NONE, b -> b
        .deviates("REG-09", "takes NULL as a key", LINK, Symptom.in("null-key").step("consumer"))
        .deviates("REG-01", "claims a producer cannot register alone", LINK, Symptom.in("producer-alone").step("reg"))));
    Cell known = declared.cell("REG-09").orElseThrow();
    assertEquals(Grade.KNOWN, known.grade());
    assertEquals("takes NULL as a key", known.deviation().why());
    assertEquals(LINK.url(), known.deviation().url());
    assertEquals(Grade.STALE, declared.cell("REG-01").orElseThrow().grade());
  }

  /**
   * INV-05 leaves out the WARN of a caller that registers a registered object (the rule the
   * manager's WARN_ON_ONCE is for), judged by what the revision returned: the same WARN after
   * the producer unregistered counts.
   */
  @Test
  void aWarnCountsUnlessTheCallerRegistersARegisteredObject() {
    Cell cell = run(new StubRevision(StubRevision.Fault.WARNS_ON_REGISTER_AGAIN)).cell("INV-05").orElseThrow();
    assertEquals(Grade.FAIL, cell.grade());
    assertTrue(cell.detail().contains("WARNING"), cell.detail());
    // reregister-producer comes first in the suite: its WARN is the one left out
    assertFalse(cell.detail().startsWith("reregister-"), cell.detail());
  }

  /** A declaration covers the failure it names, not the clause: a failure with another symptom is unexpected. */
  @Test
  void aFailureWithAnUndeclaredSymptomIsUnexpectedAndNamesBoth() {
    Column c = run(new StubRevision(StubRevision.Fault.NONE, b -> b
        .deviates("REG-09", "takes NULL as a key, says the producer", LINK, Symptom.in("null-key").step("producer"))));
    Cell cell = c.cell("REG-09").orElseThrow();
    assertEquals(Grade.FAIL, cell.grade());
    assertTrue(cell.detail().startsWith(Cell.NOT_DECLARED + "in null-key, step consumer: "), cell.detail());
    assertTrue(cell.detail().endsWith("; declared: in null-key, step producer"), cell.detail());
  }

  @Test
  void aDeclaredSymptomThatDoesNotShowIsStale() {
    Column c = run(new StubRevision(StubRevision.Fault.NONE, b -> b
        .deviates("REG-09", "takes NULL as a key, and KASAN says so", LINK,
            Symptom.in("null-key").step("consumer").detail("producer got 0"), Symptom.in("null-key").report("KASAN"))));
    Cell cell = c.cell("REG-09").orElseThrow();
    assertEquals(Grade.STALE, cell.grade());
    assertTrue(cell.detail().startsWith(Cell.NOT_FOUND + "KASAN in null-key"), cell.detail());
    assertEquals(List.of("/producer got 0/ in null-key, step consumer", "KASAN in null-key"), cell.deviation().symptoms());
  }

  /** The oops of a revision that now dereferences NULL is not the list corruption its parent declares. */
  @Test
  void aNewOopsIsNotTakenForADeclaredListCorruption() {
    Column c = run(new StubRevision(StubRevision.Fault.THROWS, b -> b
        .deviates("INV-04", "corrupts the list on a failed unregister", LINK,
            Symptom.in("unregister-failed-producer").step("unreg").report("LIST_CORRUPTION"))));
    Cell cell = c.cell("INV-04").orElseThrow();
    assertEquals(Grade.FAIL, cell.grade());
    assertTrue(cell.detail().startsWith(Cell.NOT_DECLARED + "BUG in "), cell.detail());
    assertTrue(cell.detail().contains("BUG: kernel NULL pointer dereference"), cell.detail());
  }

  @Test
  void aClauseThatNeedsAMissingFeatureIsNotApplicableAndSaysWhy() {
    Column c = run(new StubRevision(StubRevision.Fault.NONE, b -> b.lacks(Feature.STOP_START, "it has no stop callback")));
    Cell cell = c.cell("ERR-04").orElseThrow();
    assertEquals(Grade.NA, cell.grade());
    assertEquals("needs stop and start callbacks: it has no stop callback", cell.detail());
  }

  /** ERR-04 needs connect errors, then stop and start: a revision lacking both is told the first, on every run. */
  @Test
  void aClauseNamesTheFirstNeedItListsThatTheRevisionLacks() {
    Column c = run(new StubRevision(StubRevision.Fault.NONE, b -> b
        .lacks(Feature.STOP_START, "it has no stop callback")
        .lacks(Feature.CONNECT_ERRORS, "its add callbacks return void")));
    assertEquals("needs connect callbacks that can fail: its add callbacks return void", c.cell("ERR-04").orElseThrow().detail());
    assertEquals(List.of(Feature.CONNECT_ERRORS, Feature.STOP_START), List.copyOf(Suite.standard().clause("ERR-04").orElseThrow().needs()));
  }

  @Test
  void aClauseThatNeedsADriverChangeIsNotApplicableOnAnEraWithoutIt() {
    StubRevision r = new StubRevision(StubRevision.Fault.NONE);
    Column c = new Conformance(Suite.standard(), HERE).run(List.of(new LoadedRevision(r, r.info(), "test")), "v4.4").columns().get(0);
    Cell cell = c.cell("SYS-07").orElseThrow();
    assertEquals(Grade.NA, cell.grade());
    assertTrue(cell.detail().contains("which the v4.4 era does not have"), cell.detail());
  }

  /** SYS-04 assumes drivers that swallow a failed producer registration: N/A on an era whose drivers report it. */
  @Test
  void aClauseThatNeedsADriverChangeAbsentIsNotApplicableOnAnEraWithIt() {
    StubRevision r = new StubRevision(StubRevision.Fault.NONE);
    Column c = new Conformance(Suite.standard(), HERE).run(List.of(new LoadedRevision(r, r.info(), "test")), "proposal-report-errors").columns().get(0);
    Cell cell = c.cell("SYS-04").orElseThrow();
    assertEquals(Grade.NA, cell.grade());
    assertEquals("needs drivers that do not fail VFIO_DEVICE_SET_IRQS with the producer registration's error;"
        + " those of the proposal-report-errors era do (proposal, not upstream)", cell.detail());
  }

  @Test
  void theSuiteIsWellFormed() {
    Suite s = Suite.standard();
    assertTrue(s.clauses().size() >= 40, "clauses: " + s.clauses().size());
    for (Category cat : Category.values()) {
      assertTrue(s.clauses().stream().anyMatch(c -> c.category() == cat), "no clause about " + cat.title());
    }
    s.clauses().forEach(c -> assertFalse(c.statement().isBlank() || c.rationale().isBlank(), c.id()));
  }
}
