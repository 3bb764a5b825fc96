package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * INTx with a resample irqfd, and eventfds as user space sees them, through text scenarios on
 * the real revisions: what the trace says, era by era (drivers.md §2.1, §4.2, §7.2).
 */
class EndToEndIntxTest {
  private static final Map<String, LoadedRevision> REVISIONS =
      RevisionLoader.load().stream().collect(Collectors.toMap(LoadedRevision::id, Function.identity()));

  /** The trace of {@code lines} on {@code revision} with the drivers of {@code era}, as text. */
  static List<String> run(String revision, String era, String... lines) {
    Scenario s = ScenarioParser.parse("test.irq", "test", String.join("\n", lines));
    Trace t = Runner.run(s, REVISIONS.get(revision).revision(), DriverEra.byId(era));
    assertTrue(t.outcome().completed(), t.outcome().toString());
    return t.lines();
  }

  /** What the step written {@code op} did: its indented lines, unindented. */
  static List<String> step(List<String> trace, String op) {
    int from = trace.indexOf(op);
    assertTrue(from >= 0, op + " in " + String.join("\n", trace));
    int to = from + 1;
    while (to < trace.size() && trace.get(to).startsWith(" ")) {
      to++;
    }
    return trace.subList(from + 1, to).stream().map(String::strip).toList();
  }

  private static final String[] INTX = {
    "vm guest", "vfio nic msix=0", "kvm-vfio guest nic", "eventfd trig", "eventfd res",
    "irqfd guest trig 5 resample=res",
    "set-irqs nic intx trig", "set-irqs nic intx-unmask res",
    "first: fire nic.intx", "masked: fire nic.intx", "resample: eoi guest 5", "unmask: eoi guest 5", "again: fire nic.intx",
    "read res",
  };

  /**
   * The level-triggered line: the handler masks INTx and signals the trigger, the resample irqfd
   * injects through GSI 5's IOAPIC pin, and the line stays masked: a second event only asserts.
   * The guest's EOI signals the resample eventfd; vfio's virqfd finds the pending event and sends
   * it again instead of unmasking; the next EOI unmasks. Before v5.11 the virqfd leaves the
   * resample eventfd's counter for user space to read; from v5.11 it drains it.
   */
  @ParameterizedTest(name = "{0} with {1} drivers")
  @CsvSource({"v4.4, v4.4, 2", "v6.16, v6.16, -EAGAIN"})
  void intxMasksUntilTheGuestsEoiResamples(String revision, String era, String resampleCount) {
    List<String> t = run(revision, era, INTX);
    assertEquals(List.of("interrupt nic.intx -> guest/ioapic pin 5 (irqfd)"), step(t, "first: fire nic.intx"));
    assertEquals(List.of("interrupt nic.intx: masked at the device: pending until unmasked"), step(t, "masked: fire nic.intx"));
    assertEquals(List.of("interrupt EOI guest gsi 5 -> vfio-pci nic INTx unmask (virqfd)", "interrupt EOI guest gsi 5 -> guest/ioapic pin 5 (irqfd)"),
        step(t, "resample: eoi guest 5"));
    assertEquals(List.of("interrupt EOI guest gsi 5 -> vfio-pci nic INTx unmask (virqfd)"), step(t, "unmask: eoi guest 5"));
    assertEquals(List.of("interrupt nic.intx -> guest/ioapic pin 5 (irqfd)"), step(t, "again: fire nic.intx"));
    assertEquals(List.of("read = " + resampleCount), step(t, "read res"));
    assertFalse(t.stream().anyMatch(l -> l.startsWith("anomaly:")), String.join("\n", t));
    assertFalse(t.stream().anyMatch(l -> l.contains("register_producer")), "no merged kernel registers a producer for INTx");
  }

  /** The 2015 prototype's stubs registered a producer for INTx, which the irqfd's consumer connects to. */
  @Test
  void theRfcRegistersAProducerForIntx() {
    List<String> t = run("rfc-2015", "rfc-2015", INTX);
    List<String> set = step(t, "set-irqs nic intx trig");
    assertTrue(set.contains("irq_bypass_register_producer(nic.intx, trig, 24)"), String.join("\n", set));
    assertTrue(String.join(" ", set).contains("connected nic.intx<->guest.irqfd(trig)"), String.join("\n", set));
    assertEquals(List.of("interrupt nic.intx -> guest/ioapic pin 5 (irqfd)"), step(t, "first: fire nic.intx"),
        "an irqchip route is never posted: the list-era hook skips it");
  }
}
