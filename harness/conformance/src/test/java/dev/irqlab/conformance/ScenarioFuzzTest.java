package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.irqlab.conformance.fuzz.Fuzz;
import dev.irqlab.conformance.fuzz.Mutator;
import dev.irqlab.conformance.io.TextFile;
import dev.irqlab.conformance.io.TextFileException;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.LoadedRevision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutations of the examples and of the suite's own scenarios, read and run: a mistake is one
 * line naming the file, line and column, and a scenario that reads runs without the harness
 * failing (a trace whose outcome is an exception would blame the revision for the harness).
 */
class ScenarioFuzzTest {
  private static final Pattern WHERE = Pattern.compile("fuzz\\.irq:([0-9]+):([0-9]+): \\S.*");
  private static final List<String> WORDS = new ArrayList<>(ScenarioParser.VERBS.keySet());
  private static final List<String> LINES = List.of(
      "close vm0", "close efd0", "close vfio0", "close vdpa0", "close efd0", "fail kmalloc", "fail off",
      "fail try_module_get", "fail irq_set_vcpu_affinity", "rmmod", "fire vdpa0.vq9", "fire vfio0.msix9",
      "fire vfio0.msi3", "fire vdpa0.vq0", "fire vfio0.msix0", "signal efd0", "free p0", "free c0",
      "unregister p0", "unregister c0", "register p0 efd0", "register c0 NULL", "irqfd vm0 efd0 24",
      "deassign vm0 efd0 24", "route vm0 24 vcpu=63 vector=0x41", "unroute vm0 24", "set-irqs vfio0 msix 2047 efd0",
      "set-irqs vfio0 msi 0 efd0 efd0", "disable-irqs vfio0 msix", "vring-call vdpa0 63 efd0", "vring-call vdpa0 0 -",
      "status vdpa0 driver-ok", "status vdpa0 reset", "vm vm0 vcpus=1", "vfio vfio0 msi=0 msix=0",
      "vdpa vdpa0 vqs=1", "eventfd efd0", "producer p0 callbacks=none", "consumer c0 callbacks=none",
      "script c0 add=-EBUSY", "scenario x", "title \u202eevil", "l: rmmod");
  private static final List<String> NAMES = List.of("vm0", "efd0", "efd1", "vfio0", "vdpa0", "p0", "c0", "NULL", "-");

  private static List<byte[]> seeds() throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../../examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".irq")).sorted().toList()) {
        out.add(Files.readAllBytes(f));
      }
    }
    Scenarios.all().forEach(s -> out.add(s.text().getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  @Test
  void mutatedScenariosAreReadOrRefusedInOneLineAndRunWithoutHarnessFaults() throws IOException {
    List<byte[]> seeds = seeds();
    List<String> words = new ArrayList<>(WORDS);
    words.addAll(NAMES);
    List<DriverEra> eras = DriverEra.catalogue();
    StubRevision stub = new StubRevision(StubRevision.Fault.NONE);
    LoadedRevision loaded = new LoadedRevision(stub, stub.info(), "test");
    int[] ran = new int[1];
    Fuzz.seeds(20_260_101L, 3000).forEach(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      byte[] input = new Mutator(random, words, LINES).mutate(seeds.get(random.nextInt(seeds.size())), 4);
      String shown = Fuzz.describe(seed, new String(input, StandardCharsets.UTF_8));
      Scenario s = read(input, shown);
      if (s != null) {
        ran[0]++;
        String era = eras.get(random.nextInt(eras.size())).id();
        Trace t = new Conformance(new Suite(List.of(s), List.of()), Workers.inProcess(1, 20_000)).run(List.of(loaded), era).columns().get(0).traces().get(0);
        assertTrue(t.outcome().kind() != Trace.Outcome.Kind.EXCEPTION && t.outcome().kind() != Trace.Outcome.Kind.HANG,
            "the harness failed on era " + era + ": " + t.outcome() + "\n" + String.join("\n", t.lines()) + "\n" + shown);
      }
    });
    assertTrue(ran[0] > 0, "no mutated scenario could be read");
  }

  /** The scenario in {@code input}, or null when it is refused as it should be; fails on any other outcome. */
  private static Scenario read(byte[] input, String shown) {
    try {
      return ScenarioParser.parse("fuzz.irq", "fuzz", TextFile.decode("fuzz.irq", input));
    } catch (ScenarioException | TextFileException e) {
      String m = e.getMessage();
      assertTrue(WHERE.matcher(m).matches(), "not FILE:LINE:COL: " + Fuzz.escape(m) + "\n" + shown);
      assertTrue(Fuzz.oneVisibleLine(m), "not one visible line: " + Fuzz.escape(m) + "\n" + shown);
      assertTrue(m.length() < 600, "too long: " + Fuzz.escape(m) + "\n" + shown);
      return null;
    } catch (RuntimeException e) {
      fail("unexpected " + e + "\n" + shown, e);
      return null;
    }
  }
}
