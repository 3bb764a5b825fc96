package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.RevisionLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The revision modules the command line ships, as the loader finds them. */
class RevisionHistoryTest {
  /** Every historical design, in history order (DESIGN.md, "The revisions"). */
  static final List<String> HISTORY =
      List.of("rfc-2015", "v4.4", "v5.9", "v6.16", "xarray-v1-2023", "xarray-v2-2023", "cleanup-v1-2025", "v6.17");

  /** Every revision on the test class path, in history order: the historical ones and any new module. */
  static final List<String> ALL = RevisionLoader.load().stream().map(LoadedRevision::id).toList();

  private final List<LoadedRevision> loaded = RevisionLoader.load();

  @Test
  void theLoaderFindsEveryHistoricalDesignInHistoryOrder() {
    assertEquals(HISTORY, ALL.stream().filter(HISTORY::contains).toList());
  }

  @Test
  void eachRevisionNamesItsParent() {
    Map<String, String> parents = new LinkedHashMap<>();
    loaded.stream().filter(r -> HISTORY.contains(r.id())).forEach(r -> parents.put(r.id(), String.valueOf(r.info().parent())));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("rfc-2015", "null");
    expected.put("v4.4", "rfc-2015");
    expected.put("v5.9", "v4.4");
    expected.put("v6.16", "v5.9");
    expected.put("xarray-v1-2023", "producer-fix-2023"); // both conversions apply on Like Xu's producer fix
    expected.put("xarray-v2-2023", "producer-fix-2023"); // patch 2/2 of his v2, on patch 1/2
    expected.put("cleanup-v1-2025", "v6.16");
    expected.put("v6.17", "v6.17-7"); // patch 8/8 of Sean Christopherson's v2, on patch 7/8
    assertEquals(expected, parents);
  }

  @Test
  void eachRevisionLoadsOnAFreshKernelWithNothingRegistered() {
    for (LoadedRevision r : loaded) {
      var snapshot = r.revision().load(new Kernel()).snapshot();
      assertTrue(snapshot.producers().isEmpty() && snapshot.consumers().isEmpty(), r.id());
      assertEquals(0, snapshot.moduleRefcount(), r.id());
    }
  }

  @Test
  void eachRevisionNamesAnEraAndALink() {
    for (LoadedRevision r : loaded) {
      RevisionInfo i = r.info();
      assertTrue(!i.links().isEmpty(), i.id());
      assertTrue(DriverEra.ids().contains(i.defaultEra()), i.id());
    }
  }
}
