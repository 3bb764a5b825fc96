// SPDX-License-Identifier: GPL-2.0-only
/*
 * irqlab's glue for a C revision: the producers and consumers as the C manager sees them
 * (structs laid out by the revision's own include/linux/irqbypass.h), the callbacks that
 * forward to their owners in the emulated kernel, the entry points, and the registry read as
 * it is stored.
 *
 * Which members the structs have, and which API the entry points take, comes from the header:
 * irqlab reads it and defines IRQLAB_API (1: the caller sets a token; 2: the manager takes the
 * eventfd; 3: the eventfd and the IRQ) and IRQLAB_P_<member>, IRQLAB_C_<member> for each
 * member present.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sanitizer/asan_interface.h>
#include <irqlab_kernel.h>
#include <linux/irqbypass.h>
#include "irqlab_host.h"

#ifndef IRQLAB_API
#error "IRQLAB_API is not defined: irqlab defines it from the header"
#endif

struct object {
	int id;
	char kind;
	void *ptr;
	size_t size;
	int freed;
};

static struct object *objects;
static int nobjects, objects_size;

struct registry {
	struct list_head *head;
	const char *name;
};
static struct registry registries[16];
static int nregistries;

void irqlab_list_register(struct list_head *head, const char *name)
{
	if (nregistries < (int)(sizeof(registries) / sizeof(registries[0])))
		registries[nregistries++] = (struct registry){ head, name };
}

static struct object *by_id(int id)
{
	for (int i = 0; i < nobjects; i++)
		if (objects[i].id == id)
			return &objects[i];
	return NULL;
}

/* The latest object whose struct starts at ptr (a struct freed and reallocated at once is the newer one). */
static int id_of(const void *ptr)
{
	for (int i = nobjects; i-- > 0;)
		if (objects[i].ptr == ptr)
			return objects[i].id;
	return -1;
}

/* The latest object whose struct holds ptr. */
static int id_containing(const void *ptr)
{
	for (int i = nobjects; i-- > 0;) {
		const char *p = objects[i].ptr;
		if ((const char *)ptr >= p && (const char *)ptr < p + objects[i].size)
			return objects[i].id;
	}
	return -1;
}

/* ------------------------------------------------------------------ callbacks */

#define PRODUCER struct irq_bypass_producer
#define CONSUMER struct irq_bypass_consumer

#ifdef IRQLAB_P_ADD
static int p_add(PRODUCER *p, CONSUMER *c) { return (int)irqlab_callback("add_consumer", id_of(p), id_of(c)); }
#endif
#ifdef IRQLAB_P_DEL
static void p_del(PRODUCER *p, CONSUMER *c) { irqlab_callback("del_consumer", id_of(p), id_of(c)); }
#endif
#ifdef IRQLAB_P_STOP
static void p_stop(PRODUCER *p) { irqlab_callback("stop", id_of(p), -1); }
#endif
#ifdef IRQLAB_P_START
static void p_start(PRODUCER *p) { irqlab_callback("start", id_of(p), -1); }
#endif
#ifdef IRQLAB_C_ADD
static int c_add(CONSUMER *c, PRODUCER *p) { return (int)irqlab_callback("add_producer", id_of(c), id_of(p)); }
#endif
#ifdef IRQLAB_C_DEL
static void c_del(CONSUMER *c, PRODUCER *p) { irqlab_callback("del_producer", id_of(c), id_of(p)); }
#endif
#ifdef IRQLAB_C_STOP
static void c_stop(CONSUMER *c) { irqlab_callback("stop", id_of(c), -1); }
#endif
#ifdef IRQLAB_C_START
static void c_start(CONSUMER *c) { irqlab_callback("start", id_of(c), -1); }
#endif

/* The caller-owned members: callbacks (bit 0 add, 1 del, 2 stop, 3 start), token, irq. */
static void set_fields(struct object *o, unsigned mask, unsigned long token, int irq)
{
	(void)token;
	(void)irq;
	(void)mask;
	if (o->kind == 'p') {
		PRODUCER *p = o->ptr;
#ifdef IRQLAB_P_ADD
		p->add_consumer = (mask & 1) ? p_add : NULL;
#endif
#ifdef IRQLAB_P_DEL
		p->del_consumer = (mask & 2) ? p_del : NULL;
#endif
#ifdef IRQLAB_P_STOP
		p->stop = (mask & 4) ? p_stop : NULL;
#endif
#ifdef IRQLAB_P_START
		p->start = (mask & 8) ? p_start : NULL;
#endif
#ifdef IRQLAB_P_TOKEN
		p->token = (void *)token;
#endif
#ifdef IRQLAB_P_IRQ
		p->irq = irq;
#endif
	} else {
		CONSUMER *c = o->ptr;
#ifdef IRQLAB_C_ADD
		c->add_producer = (mask & 1) ? c_add : NULL;
#endif
#ifdef IRQLAB_C_DEL
		c->del_producer = (mask & 2) ? c_del : NULL;
#endif
#ifdef IRQLAB_C_STOP
		c->stop = (mask & 4) ? c_stop : NULL;
#endif
#ifdef IRQLAB_C_START
		c->start = (mask & 8) ? c_start : NULL;
#endif
#ifdef IRQLAB_C_TOKEN
		c->token = (void *)token;
#endif
	}
}

/* Reads the manager's view without KASAN: the struct may be freed, as a checker reads it. */
__attribute__((no_sanitize_address)) static unsigned long key_of(struct object *o)
{
	if (o->kind == 'p') {
		PRODUCER *p = o->ptr;
		(void)p;
#if defined(IRQLAB_P_TOKEN)
		return (unsigned long)p->token;
#elif defined(IRQLAB_P_EVENTFD)
		return (unsigned long)p->eventfd;
#endif
	} else {
		CONSUMER *c = o->ptr;
		(void)c;
#if defined(IRQLAB_C_TOKEN)
		return (unsigned long)c->token;
#elif defined(IRQLAB_C_EVENTFD)
		return (unsigned long)c->eventfd;
#endif
	}
	return 0;
}

__attribute__((no_sanitize_address)) void irqlab_glue_fields(char *out, size_t size)
{
	size_t len = 0;

	out[0] = 0;
	for (int i = 0; i < nobjects && len + 64 < size; i++) {
		struct object *o = &objects[i];
		unsigned long token = 0;
		int irq = 0;

		if (o->freed)
			continue;
		if (o->kind == 'p') {
			PRODUCER *p = o->ptr;
			(void)p;
#ifdef IRQLAB_P_TOKEN
			token = (unsigned long)p->token;
#endif
#ifdef IRQLAB_P_IRQ
			irq = p->irq;
#endif
		} else {
			CONSUMER *c = o->ptr;
			(void)c;
#ifdef IRQLAB_C_TOKEN
			token = (unsigned long)c->token;
#endif
		}
		len += (size_t)snprintf(out + len, size - len, " %d:%lx:%d", o->id, token, irq);
	}
}

/* ------------------------------------------------------------------ the registry as stored */

__attribute__((no_sanitize_address)) static void snapshot(void)
{
	char line[8192];

	for (int r = 0; r < nregistries; r++) {
		struct list_head *head = registries[r].head, *pos = head->next;
		size_t len = (size_t)snprintf(line, sizeof(line), "L %s %lx", registries[r].name, (unsigned long)head);

		for (int steps = 0; pos && pos != head && pos != LIST_POISON1 && pos != LIST_POISON2 && steps < 512;
		     steps++, pos = pos->next) {
			int id = id_containing(pos);

			if (len + 40 >= sizeof(line))
				break;
			len += id >= 0 ? (size_t)snprintf(line + len, sizeof(line) - len, " %d", id)
				       : (size_t)snprintf(line + len, sizeof(line) - len, " ?%lx", (unsigned long)pos);
			if (id < 0)
				break;
		}
		irqlab_send("%s", line);
	}
	for (int i = 0; i < nobjects; i++) {
		struct object *o = &objects[i];

		irqlab_send("K %d %lx", o->id, key_of(o));
#ifdef IRQLAB_P_CONSUMER
		if (o->kind == 'p' && ((PRODUCER *)o->ptr)->consumer)
			irqlab_send("P %d %d", o->id, id_of(((PRODUCER *)o->ptr)->consumer));
#endif
	}
	irqlab_send("E");
}

/* ------------------------------------------------------------------ requests */

static int irqlab_call_entry(const char *fn, struct object *o, unsigned long eventfd, int irq)
{
	(void)eventfd;
	(void)irq;
	if (!strcmp(fn, "init"))
		return irqlab_call_init();
	if (!strcmp(fn, "exit")) {
		irqlab_call_exit();
		return 0;
	}
	if (!o)
		return -9999;
	if (!strcmp(fn, "rp")) {
#if IRQLAB_API == 1
		return irq_bypass_register_producer(o->ptr);
#elif IRQLAB_API == 2
		return irq_bypass_register_producer(o->ptr, (struct eventfd_ctx *)eventfd);
#else
		return irq_bypass_register_producer(o->ptr, (struct eventfd_ctx *)eventfd, irq);
#endif
	}
	if (!strcmp(fn, "rc")) {
#if IRQLAB_API == 1
		return irq_bypass_register_consumer(o->ptr);
#else
		return irq_bypass_register_consumer(o->ptr, (struct eventfd_ctx *)eventfd);
#endif
	}
	if (!strcmp(fn, "up")) {
		irq_bypass_unregister_producer(o->ptr);
		return 0;
	}
	if (!strcmp(fn, "uc")) {
		irq_bypass_unregister_consumer(o->ptr);
		return 0;
	}
	return -9999;
}

void irqlab_glue_request(char *line)
{
	char fields[4096], fn[16], kind;
	unsigned long token, eventfd;
	unsigned mask;
	int id, irq, ret;
	struct object *o;

	switch (line[0]) {
	case 'N':
		if (sscanf(line + 2, "%d %c", &id, &kind) != 2)
			break;
		if (nobjects == objects_size) {
			objects_size = objects_size ? 2 * objects_size : 64;
			objects = realloc(objects, (size_t)objects_size * sizeof(*objects));
			if (!objects)
				abort();
		}
		o = &objects[nobjects++];
		o->id = id;
		o->kind = kind;
		o->size = kind == 'p' ? sizeof(PRODUCER) : sizeof(CONSUMER);
		o->ptr = calloc(1, o->size);
		o->freed = 0;
		irqlab_send("A %lx", (unsigned long)o->ptr);
		return;
	case 'S':
		if (sscanf(line + 2, "%d %u %lx %d", &id, &mask, &token, &irq) == 4 && (o = by_id(id)))
			set_fields(o, mask, token, irq);
		return;
	case 'F':
		/*
		 * The owner freed the struct: poisoned, not given back, so that an access is reported
		 * (as KASAN reports it) and reads what was there (as the kernel's freed object still
		 * holds it until the slab reuses it).
		 */
		if (sscanf(line + 2, "%d", &id) == 1 && (o = by_id(id)) && !o->freed) {
			o->freed = 1;
			__asan_poison_memory_region(o->ptr, o->size);
		}
		return;
	case 'C':
		if (sscanf(line + 2, "%15s %d %lx %d", fn, &id, &eventfd, &irq) != 4)
			break;
		ret = irqlab_call_entry(fn, by_id(id), eventfd, irq);
		irqlab_glue_fields(fields, sizeof(fields));
		irqlab_send("R %d%s", ret, fields);
		return;
	case 'Q':
		snapshot();
		return;
	case 'd':
	case 'r':
		/* an answer to a request the task made before it died: the task is gone */
		return;
	}
	irqlab_send("? %s", line);
}
