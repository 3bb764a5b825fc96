package dev.irqlab.devices.irq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrqDomainTest {
  private final Kernel kernel = new Kernel();
  private final IrqDomain domain = new IrqDomain(kernel, true);

  private static final class Target implements PiDescriptor {
    final List<Integer> posted = new ArrayList<>();

    @Override
    public void post(int vector) {
      posted.add(vector);
    }

    @Override
    public String vcpuName() {
      return "vm0/vcpu0";
    }
  }

  @Test
  void numbersAreTheLowestFreeFrom24() {
    int a = domain.allocate("a");
    int b = domain.allocate("b");
    domain.release(a);
    assertEquals(List.of(24, 25, 24), List.of(a, b, domain.allocate("c")));
  }

  @Test
  void requestAndFreeIrq() {
    int irq = domain.allocate("dev");
    Object dev = new Object();
    assertEquals(0, domain.requestIrq(irq, (i, d) -> IrqHandler.IRQ_HANDLED, 0, "one", dev));
    assertEquals(-Errno.EBUSY, domain.requestIrq(irq, (i, d) -> IrqHandler.IRQ_HANDLED, 0, "two", new Object()));
    assertEquals(-Errno.EINVAL, domain.requestIrq(99, (i, d) -> IrqHandler.IRQ_HANDLED, 0, "none", dev));
    assertEquals("one", domain.freeIrq(irq, dev));
    assertEquals(List.of(), domain.handlers(irq));
    assertEquals(null, domain.freeIrq(irq, dev));
    assertEquals(1, kernel.log().events(EventKind.WARNING).size(), "Trying to free already-free IRQ");
  }

  @Test
  void sharedHandlersAllRun() {
    int irq = domain.allocate("intx");
    List<String> ran = new ArrayList<>();
    domain.requestIrq(irq, (i, d) -> { ran.add("a"); return IrqHandler.IRQ_NONE; }, IrqDomain.IRQF_SHARED, "a", "a");
    domain.requestIrq(irq, (i, d) -> { ran.add("b"); return IrqHandler.IRQ_HANDLED; }, IrqDomain.IRQF_SHARED, "b", "b");
    assertEquals(IrqDomain.Outcome.HANDLED, domain.raise(irq));
    assertEquals(List.of("a", "b"), ran);
  }

  @Test
  void handlersRunInAtomicContext() {
    int irq = domain.allocate("dev");
    domain.requestIrq(irq, (i, d) -> { kernel.mightSleep(); return IrqHandler.IRQ_HANDLED; }, 0, "sleepy", this);
    domain.raise(irq);
    assertEquals(1, kernel.log().events(EventKind.SLEEP_IN_ATOMIC).size());
  }

  @Test
  void aPostedIrteBypassesTheHandler() {
    int irq = domain.allocate("dev");
    List<Integer> handled = new ArrayList<>();
    domain.requestIrq(irq, (i, d) -> { handled.add(i); return IrqHandler.IRQ_HANDLED; }, 0, "h", this);
    Target vcpu = new Target();
    assertEquals(0, domain.setVcpuAffinity(irq, vcpu, 0x41));
    assertEquals("posted to vm0/vcpu0 vector 0x41", domain.irte(irq).toString());
    assertEquals(IrqDomain.Outcome.POSTED, domain.raise(irq));
    assertEquals(List.of(0x41), vcpu.posted);
    assertEquals(List.of(), handled);
    assertEquals(0, domain.setVcpuAffinity(irq, null, 0));
    assertEquals(IrqDomain.Outcome.HANDLED, domain.raise(irq));
    domain.freeIrq(irq, this);
    domain.release(irq);
    assertEquals(Irte.REMAPPED, domain.irte(irq), "freeing the IRQ frees its IRTE");
  }

  @Test
  void withoutPostingCapabilityNothingIsPosted() {
    IrqDomain noPi = new IrqDomain(kernel, false);
    int irq = noPi.allocate("dev");
    assertEquals(-Errno.EINVAL, noPi.setVcpuAffinity(irq, new Target(), 0x41));
    assertEquals(0, noPi.setVcpuAffinity(irq, null, 0));
    assertTrue(!noPi.irte(irq).isPosted());
  }

  @Test
  void unhandledAndUnallocatedInterrupts() {
    int irq = domain.allocate("dev");
    assertEquals(IrqDomain.Outcome.UNHANDLED, domain.raise(irq));
    assertEquals(1, domain.unhandled(irq));
    assertEquals(IrqDomain.Outcome.NOT_ALLOCATED, domain.raise(77));
  }

  @Test
  void faultInjection() {
    int irq = domain.allocate("dev");
    kernel.faults().failNth(IrqDomain.REQUEST_IRQ, 1);
    assertEquals(-Errno.ENOMEM, domain.requestIrq(irq, (i, d) -> IrqHandler.IRQ_HANDLED, 0, "h", this));
    kernel.faults().failNth(IrqDomain.SET_VCPU_AFFINITY, 1);
    assertEquals(-Errno.EINVAL, domain.setVcpuAffinity(irq, new Target(), 1));
  }
}
