package dev.irqlab.conformance;

import dev.irqlab.spi.Deviation;
import dev.irqlab.spi.Symptom;
import java.util.List;

/**
 * Grades a clause's verdict against what the revision declares, symptom by symptom, as jcstress
 * grades an outcome against the outcomes a test declares: a failure is {@link Grade#KNOWN} only
 * when every failure found is a declared symptom and every declared symptom was found.
 */
final class Grading {
  private Grading() {}

  /** The cell of clause {@code c} with verdict {@code v}, against declaration {@code d} (or null). */
  static Cell cell(Clause c, Verdict v, Deviation d) {
    if (d == null) {
      return new Cell(c.id(), Grade.of(v, false), v.detail(), null);
    }
    Cell.DeclaredDeviation declared = new Cell.DeclaredDeviation(d.why(), d.link().label(), d.link().url(),
        d.symptoms().stream().map(Symptom::toString).toList());
    if (v.kind() != Verdict.Kind.FAIL) {
      return new Cell(c.id(), Grade.STALE, v.detail(), declared);
    }
    List<Finding> uncovered = v.findings().stream().filter(f -> d.symptoms().stream().noneMatch(f::covered)).toList();
    if (!uncovered.isEmpty()) {
      String more = uncovered.size() > 1 ? " (and " + (uncovered.size() - 1) + " more)" : "";
      return new Cell(c.id(), Grade.FAIL, Cell.NOT_DECLARED + uncovered.get(0) + more + "; declared: " + symptoms(d.symptoms()), declared);
    }
    List<Symptom> missing = d.symptoms().stream().filter(s -> v.findings().stream().noneMatch(f -> f.covered(s))).toList();
    if (!missing.isEmpty()) {
      return new Cell(c.id(), Grade.STALE, Cell.NOT_FOUND + symptoms(missing) + "; found: " + v.detail(), declared);
    }
    return new Cell(c.id(), Grade.KNOWN, v.detail(), declared);
  }

  private static String symptoms(List<Symptom> symptoms) {
    return String.join("; ", symptoms.stream().map(Symptom::toString).toList());
  }
}
