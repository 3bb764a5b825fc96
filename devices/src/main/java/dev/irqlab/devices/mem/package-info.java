/** Kernel memory helpers the drivers need: arrays of structs allocated and freed as one object. */
package dev.irqlab.devices.mem;
