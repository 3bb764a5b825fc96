package dev.irqlab.rev.cases;

import static dev.irqlab.kernel.Errno.EBUSY;
import static dev.irqlab.kernel.ListHead.listAdd;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.ListHead;
import dev.irqlab.spi.IrqBypassProducer;
import dev.irqlab.spi.*;

/** The SPI and the emulated kernel, imported singly, on demand or statically. */
final class NoHarnessNegativeCases {
  int add(Kernel kernel, ListHead<IrqBypassProducer> head, IrqBypassProducer producer) {
    listAdd(ListHead.node(kernel, producer), head);
    return producer.token() == 0 ? -EBUSY : 0;
  }

  dev.irqlab.kernel.Mutex lock;
}
