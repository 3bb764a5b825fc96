/* SPDX-License-Identifier: GPL-2.0-only */
/* Between irqlab's host (the wire, the kernel services) and its glue (the manager's structs). */
#ifndef IRQLAB_HOST_H
#define IRQLAB_HOST_H

#include <stddef.h>

/* Sends one line to the JVM. */
void irqlab_send(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Calls callback name of object self (with object other, or -1), returns what the JVM answers. */
long irqlab_callback(const char *name, int self, int other);
/* Serves one request line from the JVM (glue). */
void irqlab_glue_request(char *line);
/* " id:token:irq ..." for every object, the fields the manager may have set (glue). */
void irqlab_glue_fields(char *out, size_t size);
/* module_init and module_exit functions of the file, if it has them. */
int irqlab_call_init(void);
void irqlab_call_exit(void);

#endif
