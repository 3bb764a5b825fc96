package dev.irqlab.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.KernelEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrqBypassObjectTest {
  private final Kernel kernel = new Kernel();

  /** A device struct that embeds a producer, as vfio_pci_irq_ctx does. */
  private static final class Ctx extends KObject {
    final IrqBypassProducer producer = IrqBypassProducer.embeddedIn(this, 32);

    Ctx(Kernel kernel) {
      super(kernel, "struct vfio_pci_irq_ctx", 128);
    }
  }

  /** A revision's private layout. */
  private static final class Node {
    final Object owner;

    Node(Object owner) {
      this.owner = owner;
    }
  }

  @Test
  void aFreshProducerIsZeroed() {
    IrqBypassProducer p = IrqBypassProducer.alloc(kernel);
    assertEquals(0, p.token());
    assertEquals(0, p.irq());
    assertNull(p.addConsumer());
    assertNull(p.delConsumer());
    assertNull(p.stop());
    assertNull(p.start());
    assertNull(p.privOrNull());
    assertEquals("struct irq_bypass_producer", p.type());
  }

  @Test
  void callbacksAreTheCallersFunctionPointers() {
    IrqBypassConsumer c = IrqBypassConsumer.alloc(kernel);
    IrqBypassProducer p = IrqBypassProducer.alloc(kernel);
    c.setAddProducer((cons, prod) -> prod.irq()).setStop(cons -> cons.setToken(7));
    p.setIrq(42);
    assertEquals(42, c.addProducer().call(c, p));
    c.stop().call(c);
    assertEquals(7, c.token());
  }

  @Test
  void thePrivateSlotIsInstalledZeroedOnceAndKeepsItsLayout() {
    IrqBypassConsumer c = IrqBypassConsumer.alloc(kernel);
    Node node = c.priv(Node.class, Node::new);
    assertSame(c, node.owner);
    assertSame(node, c.priv(Node.class, Node::new));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.priv(String.class, x -> "other"));
    assertTrue(e.getMessage().contains("one object is managed by one revision"), e.getMessage());
  }

  @Test
  void anEmbeddedProducerDiesWithItsDeviceAndAStaleTouchIsReported() {
    Ctx ctx = new Ctx(kernel);
    IrqBypassProducer p = ctx.producer;
    p.setName("vfio0.msix3");
    assertEquals(ctx.address() + 32, p.address());
    kernel.memory().kfree(ctx);
    p.token(); // a manager that kept the pointer
    List<KernelEvent> kasan = kernel.log().events(EventKind.KASAN);
    assertEquals(1, kasan.size());
    assertEquals("anEmbeddedProducerDiesWithItsDeviceAndAStaleTouchIsReported", kasan.get(0).site().method());
    assertTrue(kasan.get(0).details().get(1).contains("vfio0.msix3 (struct irq_bypass_producer)"), kasan.get(0).details().toString());
  }

  @Test
  void allocationCanFail() {
    kernel.faults().failNthAllocation(1);
    assertNull(IrqBypassConsumer.alloc(kernel));
    assertTrue(IrqBypassConsumer.alloc(kernel) != null);
  }
}
