package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example scenarios in examples/, which README shows, parse and run on every revision. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("../../examples");

  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".irq")).sorted().toList();
    }
  }

  @Test
  void everyExampleRunsToItsEndOnTheMergedMainline() throws IOException {
    List<Path> files = examples();
    assertFalse(files.isEmpty());
    LoadedRevision v617 = RevisionLoader.load().stream().filter(r -> r.id().equals("v6.17")).findFirst().orElseThrow();
    for (Path f : files) {
      Trace t = Runner.run(ScenarioParser.parse(f), v617.revision(), DriverEra.byId("v6.17-fix"));
      assertTrue(t.outcome().completed(), f + ": " + t.outcome());
      assertEquals(List.of(), t.reports(), f.toString());
    }
  }

  @Test
  void theConnectFailureExampleShowsTheNakedBehaviour() throws IOException {
    Scenario s = ScenarioParser.parse(EXAMPLES.resolve("connect-fails.irq"));
    for (LoadedRevision r : RevisionLoader.load()) {
      if (r.id().equals("xarray-v2-2023") || r.id().equals("v6.16")) {
        Trace t = Runner.run(s, r.revision(), DriverEra.byId(r.info().defaultEra()));
        boolean kept = t.step("connect").state().registers("p0");
        assertEquals(r.id().equals("xarray-v2-2023"), kept, r.id() + ": " + t.step("connect").state().render());
      }
    }
  }
}
