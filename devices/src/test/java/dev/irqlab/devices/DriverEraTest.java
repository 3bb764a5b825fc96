package dev.irqlab.devices;

import static dev.irqlab.devices.DriverChange.KVM_BYPASS_NEEDS_POSTING;
import static dev.irqlab.devices.DriverChange.KVM_DEASSIGN_KEEPS_ROUTE_TYPE;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_NO_IRQBYPASS_FLAG;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_PRIORITY_WAITER;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_REPORTS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.KVM_IRQFD_UNIQUE_BINDING;
import static dev.irqlab.devices.DriverChange.KVM_UNREGISTER_IN_SHUTDOWN;
import static dev.irqlab.devices.DriverChange.MANAGER_OWNS_EVENTFD;
import static dev.irqlab.devices.DriverChange.VDPA_IRQ_OFFLOAD;
import static dev.irqlab.devices.DriverChange.VDPA_REGISTER_AT_DRIVER_OK;
import static dev.irqlab.devices.DriverChange.VFIO_CLEAR_TOKEN_ON_FAILURE;
import static dev.irqlab.devices.DriverChange.VFIO_INTX_PRODUCER;
import static dev.irqlab.devices.DriverChange.VFIO_REPORTS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.VFIO_UNREGISTER_BEFORE_FREE_IRQ;
import static dev.irqlab.devices.DriverChange.X86_CLEARS_PRODUCER_ON_FAILURE;
import static dev.irqlab.devices.DriverChange.X86_IRQ_BYPASS_REWORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.spi.Revision;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriverEraTest {

  @Test
  void theCatalogueHasTheDocumentedEras() {
    assertEquals(List.of("rfc-2015", "v4.4", "v5.9", "v6.5", "v6.16", "v6.16-eventfd", "v6.17", "v6.17-fix", "proposal-report-errors"), DriverEra.ids());
  }

  @Test
  void anUnknownIdNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DriverEra.byId("v6.18"));
    assertEquals(
        "unknown driver era 'v6.18': the known eras are rfc-2015, v4.4, v5.9, v6.5, v6.16, v6.16-eventfd, v6.17, v6.17-fix, proposal-report-errors",
        e.getMessage());
  }

  /** The landmark changes, in the column order of {@link #eachEraCarriesItsChanges}. */
  private static final List<DriverChange> COLUMNS = List.of(
      VFIO_INTX_PRODUCER, VFIO_UNREGISTER_BEFORE_FREE_IRQ, VFIO_CLEAR_TOKEN_ON_FAILURE, VDPA_IRQ_OFFLOAD,
      VDPA_REGISTER_AT_DRIVER_OK, KVM_UNREGISTER_IN_SHUTDOWN, KVM_BYPASS_NEEDS_POSTING, KVM_IRQFD_PRIORITY_WAITER,
      KVM_IRQFD_UNIQUE_BINDING, X86_IRQ_BYPASS_REWORK, MANAGER_OWNS_EVENTFD, KVM_DEASSIGN_KEEPS_ROUTE_TYPE);

  /** One row per era: which of the landmark changes its drivers carry (1) or not (0). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // era      intx unreg-first clear-token vdpa driver-ok shutdown posting-gate prio unique x86-617 eventfd fix
    "rfc-2015,  100000000000",
    "v4.4,      000001000000",
    "v5.9,      010101000000",
    "v6.5,      011101110000",
    "v6.16,     011111110000",
    "v6.16-eventfd, 010111110010",
    "v6.17,     010111111110",
    "v6.17-fix, 010111111111",
    "proposal-report-errors, 010111111111",
  })
  void eachEraCarriesItsChanges(String id, String row) {
    DriverEra era = DriverEra.byId(id);
    for (int i = 0; i < COLUMNS.size(); i++) {
      assertEquals(row.charAt(i) == '1', era.has(COLUMNS.get(i)), id + " " + COLUMNS.get(i));
    }
    assertEquals(era.has(MANAGER_OWNS_EVENTFD) ? "eventfd" : "token", era.bypassKeyName());
  }

  @Test
  void theFixEraIsTheBugEraPlusTheFix() {
    Set<DriverChange> diff = EnumSet.copyOf(DriverEra.byId("v6.17-fix").changes());
    diff.removeAll(DriverEra.byId("v6.17").changes());
    assertEquals(Set.of(KVM_DEASSIGN_KEEPS_ROUTE_TYPE), diff);
  }

  /**
   * The proposal is v6.17-fix, the June 2026 x86 fix it depends on (without it, VFIO freeing a
   * vector whose connect failed leaves the irqfd pointing at freed memory), and the proposed
   * changes, which no other era carries.
   */
  @Test
  void theProposalEraIsTheFixEraPlusTheX86FixAndTheProposedChanges() {
    Set<DriverChange> diff = EnumSet.copyOf(DriverEra.byId("proposal-report-errors").changes());
    diff.removeAll(DriverEra.byId("v6.17-fix").changes());
    Set<DriverChange> proposed = EnumSet.noneOf(DriverChange.class);
    for (DriverChange c : DriverChange.values()) {
      if (c.isProposal()) {
        proposed.add(c);
      }
    }
    assertEquals(Set.of(KVM_IRQFD_REPORTS_BYPASS_FAILURE, VFIO_REPORTS_BYPASS_FAILURE, KVM_IRQFD_NO_IRQBYPASS_FLAG), proposed);
    proposed.add(X86_CLEARS_PRODUCER_ON_FAILURE);
    assertEquals(proposed, diff);
    assertFalse(X86_CLEARS_PRODUCER_ON_FAILURE.isProposal(), "ed446e8aa894 is an upstream fix (CVE-2026-72283)");
    for (DriverEra era : DriverEra.catalogue()) {
      if (!era.id().equals("proposal-report-errors")) {
        assertTrue(era.changes().stream().noneMatch(DriverChange::isProposal), era.id());
      }
    }
    assertEquals("proposal-report-errors", DriverEra.ids().get(DriverEra.ids().size() - 1), "history order: the proposal comes last");
  }

  @Test
  void aProposalSaysSoInItsCommitAndReleaseAndIsDatedByTheCoverLetter() {
    for (DriverChange c : DriverChange.values()) {
      assertEquals(c.isProposal(), c.commit().equals("proposal, not upstream"), c.name());
      assertEquals(c.isProposal(), c.release().equals("proposal"), c.name());
      if (c.isProposal()) {
        assertEquals("2025-04-04", c.date(), c.name());
      }
    }
    assertEquals("KVM_IRQFD_NO_IRQBYPASS_FLAG: accept KVM_IRQFD_FLAG_NO_IRQBYPASS (proposal, not upstream, 2025-04-04, proposal)",
        KVM_IRQFD_NO_IRQBYPASS_FLAG.describe());
  }

  @Test
  void withAndWithoutMakeHypotheticalEras() {
    DriverEra era = DriverEra.byId("v6.16").with(DriverChange.KVM_IRQFD_UNIQUE_BINDING).without(VFIO_CLEAR_TOKEN_ON_FAILURE);
    assertEquals("v6.16+KVM_IRQFD_UNIQUE_BINDING-VFIO_CLEAR_TOKEN_ON_FAILURE", era.id());
    assertTrue(era.has(KVM_IRQFD_UNIQUE_BINDING));
    assertFalse(era.has(VFIO_CLEAR_TOKEN_ON_FAILURE));
    assertThrows(UnsupportedOperationException.class, () -> era.changes().add(VFIO_INTX_PRODUCER));
  }

  @Test
  void everyChangeNamesItsSourceAndDate() {
    for (DriverChange c : DriverChange.values()) {
      assertFalse(c.commit().isBlank(), c.name());
      assertTrue(c.date().matches("\\d{4}(-\\d{2}){0,2}"), c.name() + " " + c.date());
      assertTrue(c.describe().startsWith(c.name() + ": "), c.describe());
    }
    assertTrue(DriverEra.byId("v5.9").describe().contains("VFIO_UNREGISTER_BEFORE_FREE_IRQ: unregisters before free_irq (d567fb881916, 2019-12, v5.5)"));
  }
}
