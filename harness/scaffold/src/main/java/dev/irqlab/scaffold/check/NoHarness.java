package dev.irqlab.scaffold.check;

/**
 * {@code no-harness}: a revision names no {@code dev.irqlab} type outside the SPI and the emulated
 * kernel (conformance, devices, testkit, cli, bench, scaffold, ...).
 */
final class NoHarness extends NamespaceRule {

  NoHarness() {
    super(
        "no-harness",
        Namespace.HARNESS,
        "a revision depends on the SPI (dev.irqlab.spi) and the emulated kernel"
            + " (dev.irqlab.kernel) only, never on the harness");
  }
}
