/**
 * The guest's side: where each interrupt arrived ({@link dev.irqlab.devices.guest.Target}), by
 * which {@link dev.irqlab.devices.guest.Path}, and the {@link
 * dev.irqlab.devices.guest.InterruptLedger} that checks each one arrived exactly once where the
 * configuration (irqfds and GSI routes) says.
 */
package dev.irqlab.devices.guest;
