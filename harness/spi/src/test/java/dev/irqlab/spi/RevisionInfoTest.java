package dev.irqlab.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RevisionInfoTest {
  private static RevisionInfo.Builder complete(String id) {
    return RevisionInfo.builder(id)
        .title("irqbypass: Use xarray to track producers and consumers")
        .author("Sean Christopherson <seanjc@google.com>")
        .date("2025-05-16")
        .status(Status.MERGED)
        .parent("cleanup-v1-2025")
        .link(Link.commit("xarray", "8394b32faecd9c63b3c436e78e62519e9548e530"))
        .defaultEra("v6.17")
        .summary("The series as merged for 6.17.");
  }

  @Test
  void buildsACompleteInfo() {
    RevisionInfo info = complete("v6.17").build();
    assertEquals("v6.17", info.id());
    assertEquals(LocalDate.of(2025, 5, 16), info.date());
    assertEquals("https://git.kernel.org/torvalds/c/8394b32faecd9c63b3c436e78e62519e9548e530", info.links().get(0).url());
  }

  @Test
  void idsMustBeModuleNames() {
    for (String good : new String[] {"v4.4", "rfc-2015", "xarray-v2-2023", "proposal-report-errors"}) {
      assertTrue(RevisionInfo.isValidId(good), good);
    }
    for (String bad : new String[] {"", "V4.4", "-x", ".x", "a b", "a/b", "a..b", "a.", "ä"}) {
      assertFalse(RevisionInfo.isValidId(bad), bad);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> complete("Bad Id").build());
    assertTrue(e.getMessage().contains("'Bad Id' is not a valid module name"), e.getMessage());
  }

  @Test
  void missingFieldsAreNamed() {
    assertThrows(IllegalArgumentException.class, () -> complete("x").title(" ").build());
    assertThrows(IllegalArgumentException.class, () -> RevisionInfo.builder("x").title("t").date("2020-01-01").build());
    assertThrows(IllegalArgumentException.class, () -> complete("x").parent("x").build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> complete("x").defaultEra(null).build());
    assertTrue(e.getMessage().contains("default era"), e.getMessage());
  }

  @Test
  void linksFromMessageIds() {
    assertEquals(
        "https://lore.kernel.org/all/20230802123017.5695fe0a.alex.williamson@redhat.com/",
        Link.lore("NAK", "20230802123017.5695fe0a.alex.williamson@redhat.com").url());
  }
}
