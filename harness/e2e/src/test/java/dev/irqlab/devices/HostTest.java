package dev.irqlab.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.irqlab.spi.CheckedIrqBypass;
import java.util.ServiceLoader;
import dev.irqlab.spi.Revision;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;

class HostTest {

  @Test
  void aRevisionBootsWithTheDriversOfItsOwnEra() {
    assertEquals("v6.16", Host.boot(Hosts.revision("v6.16")).era().id());
    assertEquals("v6.17", Host.boot(Hosts.revision("v6.17")).era().id());
    assertEquals(HostSettings.defaults(), Host.boot(Hosts.revision("v6.17")).settings());
  }

  @Test
  void anyRevisionRunsWithAnyEra() {
    Host host = Host.boot(Hosts.revision("v6.17"), DriverEra.byId("rfc-2015"), HostSettings.withoutPosting());
    assertEquals("rfc-2015", host.era().id());
    assertEquals(false, host.irqs().postingCapable());
  }

  @Test
  void everyHostHasItsOwnKernelAndManager() {
    Host a = Host.boot(Hosts.revision("v6.16"));
    Host b = Host.boot(Hosts.revision("v6.16"));
    assertNotSame(a.kernel(), b.kernel());
    assertNotSame(a.bypass().inner(), b.bypass().inner());
    assertEquals(CheckedIrqBypass.class, a.bypass().getClass());
  }

  @Test
  void everyRevisionOnTheClassPathNamesAKnownDefaultEra() {
    int seen = 0;
    for (Revision r : ServiceLoader.load(Revision.class)) {
      assertEquals(r.info().defaultEra(), DriverEra.byId(r.info().defaultEra()).id());
      seen++;
    }
    assertTrue(seen >= 2, "the revisions are on the test class path (RevisionModulesTest checks they all are)");
  }
}
