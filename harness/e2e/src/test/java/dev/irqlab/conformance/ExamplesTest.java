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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** The examples of the proposed drivers are the suite's scenarios, operation for operation. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "no-irqbypass.irq, sys-irqfd-no-irqbypass",
    "irqfd-connect-fails.irq, sys-irqfd-connect-fails",
    "vector-connect-fails.irq, sys-vector-connect-fails",
    "arm64-connect-fails.irq, sys-arm64-connect-fails",
  })
  void theProposalExamplesAreTheSuitesScenarios(String file, String builtIn) throws IOException {
    Scenario example = ScenarioParser.parse(EXAMPLES.resolve(file));
    Scenario suite = Suite.standard().scenario(builtIn).orElseThrow();
    assertEquals(ops(suite), ops(example));
    assertEquals(suite.title(), example.title());
    assertEquals(suite.host(), example.host());
  }

  private static List<String> ops(Scenario s) {
    return s.steps().stream().map(st -> (st.label() == null ? "" : st.label() + ": ") + st.op().text()).toList();
  }

  /** On v6.17, the flag example registers no consumer with the proposal's drivers and is refused without them. */
  @Test
  void theNoIrqBypassExampleOnV617WithAndWithoutTheProposal() throws IOException {
    Scenario s = ScenarioParser.parse(EXAMPLES.resolve("no-irqbypass.irq"));
    LoadedRevision v617 = RevisionLoader.load().stream().filter(r -> r.id().equals("v6.17")).findFirst().orElseThrow();
    Trace with = Runner.run(s, v617.revision(), DriverEra.byId("proposal-report-errors"));
    assertEquals("0", with.step("assign").result());
    assertEquals(List.of(), with.step("enable").state().consumers());
    assertEquals(List.of(), with.reports());
    Trace without = Runner.run(s, v617.revision(), DriverEra.byId("v6.17-fix"));
    assertEquals("-EINVAL", without.step("assign").result());
    assertEquals("-EINVAL", without.step("reassign").result());
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
