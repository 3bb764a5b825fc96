package dev.irqlab.devices.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.devices.Host;
import dev.irqlab.devices.Rig;
import dev.irqlab.devices.kvm.KvmModule;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTest {
  private final Rig r = Rig.testManager("v6.16");
  private final Host host = r.host;
  private final Process p = Process.spawn(host, "vmm");

  @Test
  void descriptorsAreTheLowestFreeFromThree() {
    int a = p.eventfd();
    int b = p.eventfd();
    assertEquals(List.of(3, 4), List.of(a, b));
    assertEquals(0, p.close(a));
    assertEquals(3, p.eventfd());
    assertEquals(-Errno.EBADF, p.close(9));
    int c = p.eventfd();
    int d = p.eventfd();
    assertEquals(List.of(5, 6), List.of(c, d));
    assertEquals(0, p.close(c));
    assertEquals(0, p.close(b));
    assertEquals(List.of(4, 5, 7), List.of(p.eventfd(), p.eventfd(), p.eventfd()));
  }

  @Test
  void anEventfdLivesUntilItsLastReference() {
    int a = p.eventfd();
    EventfdCtx ctx = p.eventfdCtx(a);
    assertEquals("vmm:fd3", ctx.name());
    int b = p.dup(a);
    assertEquals(0, p.close(a));
    assertTrue(!ctx.isFreed(), "the dup still holds the file");
    assertEquals(0, p.write(b));
    assertEquals(1, p.read(b));
    assertEquals(-Errno.EAGAIN, p.read(b));
    assertEquals(0, p.close(b));
    assertTrue(ctx.isFreed());
    assertEquals(-Errno.EBADF, p.write(b));
  }

  @Test
  void anIoctlOnTheWrongFileIsEnotty() {
    int a = p.eventfd();
    assertEquals(-Errno.ENOTTY, p.kvmSetGsiRouting(a, List.of()));
    assertEquals(-Errno.EBADF, p.kvmSetGsiRouting(42, List.of()));
    assertEquals("-ENOTTY", Errno.name(-Errno.ENOTTY));
    assertEquals("-EBUSY", Errno.name(-Errno.EBUSY));
  }

  @Test
  void exitClosesEverything() {
    int vm = p.createVm(1);
    p.eventfd();
    assertEquals("vm1", p.vm(vm).name());
    p.exit();
    assertEquals(List.of(), p.openFds());
    assertEquals(List.of(r.kvm()), KvmModule.on(host).vms(), "only the rig's VM is left");
  }
}
