package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClausesTest {
  /** The matrix's sections follow the clause files: every category's clauses together, in Category's order. */
  @Test
  void clausesComeByCategoryInTheOrderOfTheMatrixSections() {
    List<Clause> all = Clauses.all();
    List<Clause> sorted = all.stream().sorted(Comparator.comparing(Clause::category)).toList();
    assertEquals(sorted.stream().map(Clause::id).toList(), all.stream().map(Clause::id).toList());
  }
}
