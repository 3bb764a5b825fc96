/** Deferred work: workqueues that run in process context at deterministic points. */
package dev.irqlab.devices.sched;
