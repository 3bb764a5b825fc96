package dev.irqlab.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Op;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.ScenarioParser;
import dev.irqlab.conformance.Step;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scenarios the fuzzer generates: reproducible, in the grammar, and a caller that keeps the rules it can know. */
class GeneratorTest {
  private static final int SEEDS = 3000;

  @Test
  void theSameSeedGivesTheSameScenarioAndAnotherSeedAnother() {
    assertEquals(Generator.scenario(42).text(), Generator.scenario(42).text());
    assertNotEquals(Generator.scenario(42).text(), Generator.scenario(43).text());
    assertEquals(Fuzzer.scenarioSeed(7, 3), Fuzzer.scenarioSeed(7, 3));
    assertNotEquals(Fuzzer.scenarioSeed(7, 3), Fuzzer.scenarioSeed(8, 3));
  }

  @Test
  void everyScenarioReadsBackFromItsText() {
    for (long seed = 0; seed < SEEDS; seed++) {
      Scenario s = Generator.scenario(seed);
      Scenario read = ScenarioParser.parse("generated", s.id(), s.text());
      assertEquals(s.text(), read.text(), "seed " + seed);
      assertTrue(s.steps().size() >= 3, "seed " + seed);
    }
  }

  /** What no caller may do, whatever the manager returns: use a freed object, unregister what it never tried to register. */
  @Test
  void theCallerNeverUsesWhatItFreedAndUnregistersOnlyWhatItTriedToRegister() {
    for (long seed = 0; seed < SEEDS; seed++) {
      Scenario s = Generator.scenario(seed);
      Set<String> freed = new HashSet<>();
      Set<String> tried = new HashSet<>();
      Set<String> apiKeys = new HashSet<>();
      for (Step st : s.steps()) {
        Op op = st.op();
        for (Op.Ref r : op.refs()) {
          assertFalse(freed.contains(r.name()), "seed " + seed + ": " + st.text() + " uses a freed object\n" + s.text());
        }
        if (op instanceof Op.Register r) {
          tried.add(r.name());
          apiKeys.add(r.key());
        } else if (op instanceof Op.Unregister u) {
          assertTrue(tried.remove(u.name()), "seed " + seed + ": " + st.text() + " was not registered\n" + s.text());
        } else if (op instanceof Op.Free f) {
          freed.add(f.name());
          tried.remove(f.name());
        } else if (op instanceof Op.Close c) {
          assertFalse(apiKeys.contains(c.name()), "seed " + seed + ": closes an eventfd an API object holds\n" + s.text());
        }
      }
      assertEquals(Set.of(), tried, "seed " + seed + ": left registered at the end\n" + s.text());
    }
  }

  @Test
  void theScenariosCoverBothLevelsFailuresAndFrees() {
    Set<String> verbs = new HashSet<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      Scenario s = Generator.scenario(seed);
      s.steps().forEach(st -> verbs.add(Compare.where(st.op(), Compare.kinds(s))));
    }
    for (String v : new String[] {"register producer", "register consumer", "register producer with NULL", "free producer",
        "free consumer", "fail kmalloc", "fail try_module_get", "fail irq_set_vcpu_affinity", "rmmod", "script consumer",
        "irqfd", "deassign", "set-irqs", "disable-irqs", "vring-call", "status driver-ok", "status reset", "fire msix", "fire vq",
        "signal", "close", "route", "unroute", "irqfd no-irqbypass", "route vcpus", "route lowest-priority", "route irqchip",
        "kvm-vfio", "kvm-vfio-del"}) {
      assertTrue(verbs.contains(v), "no " + v + " in " + SEEDS + " scenarios: " + verbs);
    }
  }
}
