package dev.irqlab.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymptomTest {
  private static final Link LINK = new Link("a review", "https://example.invalid/review");

  @Test
  void aSymptomMatchesItsScenariosStepReportAndPatternOnly() {
    Symptom s = Symptom.in("unregister-failed-producer", "sys-shared-eventfd").report("list_corruption").detail("p1->next is NULL");
    assertTrue(s.matches("sys-shared-eventfd", "disable", "LIST_CORRUPTION", "list_del corruption, p1->next is NULL at X"));
    assertFalse(s.matches("producer-first", "disable", "LIST_CORRUPTION", "list_del corruption, p1->next is NULL"), "another scenario");
    assertFalse(s.matches("sys-shared-eventfd", "disable", "KASAN", "p1->next is NULL"), "another report");
    assertFalse(s.matches("sys-shared-eventfd", "disable", "LIST_CORRUPTION", "list_add corruption"), "another account");
    Symptom step = Symptom.in("null-key").step("consumer");
    assertTrue(step.matches("null-key", "consumer", null, "anything"));
    assertFalse(step.matches("null-key", "producer", null, "anything"));
  }

  @Test
  void aSymptomReadsAsTheMatrixShowsIt() {
    assertEquals("LIST_CORRUPTION in unregister-failed-producer, step unreg",
        Symptom.in("unregister-failed-producer").step("unreg").report("LIST_CORRUPTION").toString());
    assertEquals("/producer got 0/ in null-key", Symptom.in("null-key").detail("producer got 0").toString());
  }

  @Test
  void aDeclarationNeedsASymptomThatSaysWhereAndWhat() {
    assertThrows(IllegalArgumentException.class, () -> Symptom.in());
    assertThrows(IllegalArgumentException.class, () -> Symptom.in("null-key").detail("(unclosed"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Deviation("REG-09", List.of(Symptom.in("null-key")), "takes NULL", LINK));
    assertTrue(e.getMessage().contains("says nothing of the failure"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Deviation("REG-09", List.of(), "takes NULL", LINK));
  }
}
