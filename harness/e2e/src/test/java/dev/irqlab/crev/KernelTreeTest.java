package dev.irqlab.crev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.irqlab.devices.DriverEra;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The upstream C against its port, on every suite scenario: runs only when {@code
 * IRQLAB_KERNEL_TREE} names a kernel checkout (a git tree with the tags). The project ships no
 * kernel source; README, "Run your own irqbypass.c", says how to run it. {@code
 * IRQLAB_XARRAY_V2_TREE} may name a tree whose HEAD is Like Xu's 2023 v2 applied.
 */
class KernelTreeTest {
  @ParameterizedTest(name = "{0} at {1} against the port {2}")
  @CsvSource({
    "IRQLAB_KERNEL_TREE, v5.9, v5.9",
    "IRQLAB_KERNEL_TREE, v6.16, v6.16",
    "IRQLAB_KERNEL_TREE, v6.17, v6.17",
    "IRQLAB_XARRAY_V2_TREE, HEAD, xarray-v2-2023"
  })
  void theUpstreamCGivesItsPortsTraces(String variable, String ref, String port) {
    String tree = System.getenv(variable);
    assumeTrue(tree != null && !tree.isBlank(), variable + " names no kernel tree");
    CRevision c = CRevision.of("c:" + tree + "@" + ref);
    DriverEra era = DriverEra.byId(CRevisionTest.port(port).info().defaultEra());
    assertEquals(List.of(), CRevisionTest.differences(CRevisionTest.port(port), c, era),
        "scenarios whose traces differ beyond the places reports name");
  }
}
