/**
 * The contract between revisions, drivers and the harness.
 *
 * <p>A revision module provides a {@link dev.irqlab.spi.Revision} through {@code
 * META-INF/services/dev.irqlab.spi.Revision}; its {@link dev.irqlab.spi.RevisionInfo} names it
 * and its parent in the history, and {@link dev.irqlab.spi.Revision#load} gives a fresh {@link
 * dev.irqlab.spi.IrqBypass} on an emulated kernel. Drivers embed {@link
 * dev.irqlab.spi.IrqBypassProducer} and {@link dev.irqlab.spi.IrqBypassConsumer} in their own
 * structs and talk to the manager through {@link dev.irqlab.spi.CheckedIrqBypass}. The {@link
 * dev.irqlab.spi.RevisionLoader} finds every revision on the class path; nothing else names a
 * revision.
 */
package dev.irqlab.spi;
