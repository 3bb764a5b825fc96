/**
 * vhost-vDPA (drivers/vhost/vdpa.c) over a simulated vDPA parent: one IRQ bypass producer per
 * virtqueue's call context (drivers.md §3).
 */
package dev.irqlab.devices.vdpa;
