package dev.irqlab.spi.example;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Link;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;

/**
 * A test-only revision, registered only in this module's test resources: it proves that a
 * module on the class path is found with no edit to the harness.
 */
public final class ExampleRevision implements Revision {
  static final RevisionInfo INFO =
      RevisionInfo.builder("example")
          .title("A minimal manager for SPI tests")
          .author("irqbypass-lab")
          .date("2026-01-01")
          .status(Status.PROPOSAL)
          .link(new Link("the SPI", "harness/spi"))
          .defaultEra("v6.17")
          .summary("Pairs by key under one mutex; found through META-INF/services like any revision.")
          .build();

  @Override
  public RevisionInfo info() {
    return INFO;
  }

  @Override
  public IrqBypass load(Kernel kernel) {
    return new ExampleManager(kernel);
  }
}
