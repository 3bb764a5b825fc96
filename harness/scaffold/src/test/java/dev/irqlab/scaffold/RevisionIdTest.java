package dev.irqlab.scaffold;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionIdTest {
  @ParameterizedTest
  @ValueSource(strings = {"v6.18", "proposal-report-errors", "xarray-v3-2024", "cleanup-v1-2025", "a", "x1.2-b3"})
  void acceptsModuleNamesWhosePackageIsAJavaName(String id) {
    assertDoesNotThrow(() -> RevisionId.check(id));
    assertTrue(RevisionId.packageName(id).startsWith("dev.irqlab.rev."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "V6.18", "6.18", "2025-fix", "a..b", "a-", "a.", "-a", ".a", "a_b", "a b", "a/b", "../x", "a--b", "é"})
  void refusesWhatIsNotAModuleName(String id) {
    ScaffoldException e = assertThrows(ScaffoldException.class, () -> RevisionId.check(id));
    assertTrue(e.getMessage().contains("revision id") && e.getMessage().contains(RevisionId.RULE), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"int", "for", "new", "true", "null", "goto"})
  void refusesAnIdWhosePackageIsAJavaKeyword(String id) {
    ScaffoldException e = assertThrows(ScaffoldException.class, () -> RevisionId.check(id));
    assertEquals("'" + id + "' is not a valid revision id: its package dev.irqlab.rev." + id + " is not a Java name", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"target"})
  void refusesTheBuildOutputFolder(String id) {
    assertThrows(ScaffoldException.class, () -> RevisionId.check(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"v6.18:v6_18", "proposal-report-errors:proposal_report_errors", "x1.2-b3:x1_2_b3"})
  void thePackageSegmentTurnsDotsAndDashesIntoUnderscores(String pair) {
    String[] p = pair.split(":");
    assertEquals(p[1], RevisionId.packageSegment(p[0]));
  }
}
