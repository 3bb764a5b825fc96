/**
 * User space: processes with file tables, and the system calls of a VMM as methods that return
 * what the kernel returns.
 */
package dev.irqlab.devices.user;
