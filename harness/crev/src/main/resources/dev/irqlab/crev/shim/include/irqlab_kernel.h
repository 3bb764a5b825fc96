/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * irqlab's kernel shim: the part of the kernel API that virt/lib/irqbypass.c uses, for a
 * build in user space. Data structures the C manages itself (struct list_head) are real C
 * with the kernel's semantics and the checks of CONFIG_DEBUG_LIST; everything the emulated
 * kernel observes (locks and lockdep, WARN, might_sleep, allocation and fault injection,
 * the module refcount, the xarray, printk) is forwarded to it with the C file, line and
 * function of the caller, so that its reports name the C source.
 *
 * Written for irqlab; not a copy of the kernel's headers.
 */
#ifndef IRQLAB_KERNEL_H
#define IRQLAB_KERNEL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef EWOULDBLOCK
#define EWOULDBLOCK EAGAIN
#endif

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef unsigned int gfp_t;

#define __user
#define __rcu
#define __iomem
#define __force
#define __must_check __attribute__((warn_unused_result))
#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#define noinline __attribute__((noinline))
#define __init
#define __exit
#define __read_mostly
#define __maybe_unused __attribute__((unused))
#define __cleanup(fn) __attribute__((cleanup(fn)))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))
#define barrier() __asm__ __volatile__("" ::: "memory")
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))
#define __PASTE2(a, b) a##b
#define __PASTE(a, b) __PASTE2(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__irqlab_, prefix), __COUNTER__)

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "irqbypass"
#endif
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/* Where a call comes from: the C file (relative to the tree), line and function. */
#define IRQLAB_SITE __FILE__, __LINE__, __func__
#define IRQLAB_SITE_ARGS const char *file, int line, const char *func

/* ------------------------------------------------------------------ errors and pointers */

#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }
static inline bool IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR(ptr); }

/* ------------------------------------------------------------------ WARN, BUG, printk */

void irqlab_warn(int once, const char *msg, IRQLAB_SITE_ARGS);
void irqlab_warn_fmt(int once, IRQLAB_SITE_ARGS, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void irqlab_bug(IRQLAB_SITE_ARGS) __attribute__((noreturn));
void irqlab_might_sleep(IRQLAB_SITE_ARGS);
int irqlab_printk(IRQLAB_SITE_ARGS, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#define WARN_ON(condition) ({ \
	int __irqlab_ret = !!(condition); \
	if (unlikely(__irqlab_ret)) \
		irqlab_warn(0, NULL, IRQLAB_SITE); \
	unlikely(__irqlab_ret); \
})
#define WARN_ON_ONCE(condition) ({ \
	int __irqlab_ret = !!(condition); \
	if (unlikely(__irqlab_ret)) \
		irqlab_warn(1, NULL, IRQLAB_SITE); \
	unlikely(__irqlab_ret); \
})
#define WARN(condition, fmt...) ({ \
	int __irqlab_ret = !!(condition); \
	if (unlikely(__irqlab_ret)) \
		irqlab_warn_fmt(0, IRQLAB_SITE, fmt); \
	unlikely(__irqlab_ret); \
})
#define WARN_ONCE(condition, fmt...) ({ \
	int __irqlab_ret = !!(condition); \
	if (unlikely(__irqlab_ret)) \
		irqlab_warn_fmt(1, IRQLAB_SITE, fmt); \
	unlikely(__irqlab_ret); \
})
#define BUG() irqlab_bug(IRQLAB_SITE)
#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)
#define might_sleep() irqlab_might_sleep(IRQLAB_SITE)
#define cond_resched() do { } while (0)

#define KERN_EMERG "<0>"
#define KERN_ALERT "<1>"
#define KERN_CRIT "<2>"
#define KERN_ERR "<3>"
#define KERN_WARNING "<4>"
#define KERN_NOTICE "<5>"
#define KERN_INFO "<6>"
#define KERN_DEBUG "<7>"
#define printk(fmt, ...) irqlab_printk(IRQLAB_SITE, fmt, ##__VA_ARGS__)
#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) do { } while (0)

/* ------------------------------------------------------------------ module */

struct module {
	int irqlab_unused;
};
extern struct module __this_module;
#define THIS_MODULE (&__this_module)

bool irqlab_try_module_get(struct module *module, IRQLAB_SITE_ARGS);
void irqlab_module_put(struct module *module, IRQLAB_SITE_ARGS);
void __module_get(struct module *module);
#define try_module_get(module) irqlab_try_module_get(module, IRQLAB_SITE)
#define module_put(module) irqlab_module_put(module, IRQLAB_SITE)

/* Module metadata and exports: declarations that expand to nothing at run time. */
#define IRQLAB_NOTHING extern int irqlab_nothing
#define MODULE_LICENSE(x) IRQLAB_NOTHING
#define MODULE_AUTHOR(x) IRQLAB_NOTHING
#define MODULE_DESCRIPTION(x) IRQLAB_NOTHING
#define MODULE_VERSION(x) IRQLAB_NOTHING
#define MODULE_ALIAS(x) IRQLAB_NOTHING
#define EXPORT_SYMBOL(sym) IRQLAB_NOTHING
#define EXPORT_SYMBOL_GPL(sym) IRQLAB_NOTHING
#define EXPORT_SYMBOL_NS_GPL(sym, ns) IRQLAB_NOTHING

typedef int (*irqlab_initcall_t)(void);
typedef void (*irqlab_exitcall_t)(void);
void irqlab_module_init(irqlab_initcall_t fn);
void irqlab_module_exit(irqlab_exitcall_t fn);
#define module_init(fn) \
	static void __attribute__((constructor)) __irqlab_init_##fn(void) { irqlab_module_init(fn); } \
	IRQLAB_NOTHING
#define module_exit(fn) \
	static void __attribute__((constructor)) __irqlab_exit_##fn(void) { irqlab_module_exit(fn); } \
	IRQLAB_NOTHING

/* ------------------------------------------------------------------ memory */

#define GFP_KERNEL 0x1u
#define GFP_KERNEL_ACCOUNT 0x2u
#define GFP_NOWAIT 0x4u
#define GFP_ATOMIC 0x8u
#define __GFP_ZERO 0x100u

void *irqlab_kmalloc(size_t size, gfp_t flags, IRQLAB_SITE_ARGS);
void irqlab_kfree(const void *ptr, IRQLAB_SITE_ARGS);
#define kmalloc(size, flags) irqlab_kmalloc(size, flags, IRQLAB_SITE)
#define kzalloc(size, flags) irqlab_kmalloc(size, (flags) | __GFP_ZERO, IRQLAB_SITE)
#define kcalloc(n, size, flags) irqlab_kmalloc((n) * (size), (flags) | __GFP_ZERO, IRQLAB_SITE)
#define kmalloc_array(n, size, flags) irqlab_kmalloc((n) * (size), flags, IRQLAB_SITE)
#define kfree(ptr) irqlab_kfree(ptr, IRQLAB_SITE)

/* ------------------------------------------------------------------ mutex, lockdep, guard */

struct mutex {
	const char *irqlab_name;
};
#define __MUTEX_INITIALIZER(name) { .irqlab_name = #name }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)
#define mutex_init(m) ((m)->irqlab_name = #m)

void irqlab_mutex_lock(struct mutex *m, IRQLAB_SITE_ARGS);
int irqlab_mutex_trylock(struct mutex *m, IRQLAB_SITE_ARGS);
void irqlab_mutex_unlock(struct mutex *m, IRQLAB_SITE_ARGS);
bool irqlab_mutex_is_locked(struct mutex *m, IRQLAB_SITE_ARGS);
void irqlab_lockdep_assert_held(struct mutex *m, IRQLAB_SITE_ARGS);
#define mutex_lock(m) irqlab_mutex_lock(m, IRQLAB_SITE)
#define mutex_lock_interruptible(m) (irqlab_mutex_lock(m, IRQLAB_SITE), 0)
#define mutex_trylock(m) irqlab_mutex_trylock(m, IRQLAB_SITE)
#define mutex_unlock(m) irqlab_mutex_unlock(m, IRQLAB_SITE)
#define mutex_is_locked(m) irqlab_mutex_is_locked(m, IRQLAB_SITE)
#define lockdep_assert_held(m) irqlab_lockdep_assert_held(m, IRQLAB_SITE)

/*
 * guard(mutex)(&lock) and scoped_guard(mutex, &lock) { }: the lock is taken where the guard is
 * and dropped when the scope ends, by the compiler's cleanup attribute, as in the kernel.
 */
typedef struct {
	struct mutex *lock;
	const char *file;
	int line;
	const char *func;
} class_mutex_t;
static inline class_mutex_t irqlab_guard_mutex(struct mutex *m, IRQLAB_SITE_ARGS)
{
	irqlab_mutex_lock(m, file, line, func);
	return (class_mutex_t){ m, file, line, func };
}
static inline void class_mutex_destructor(class_mutex_t *g)
{
	if (g->lock)
		irqlab_mutex_unlock(g->lock, g->file, g->line, g->func);
}
#define class_mutex_constructor(m) irqlab_guard_mutex(m, IRQLAB_SITE)
#define CLASS(_name, var) class_##_name##_t var __cleanup(class_##_name##_destructor) = class_##_name##_constructor
#define guard(_name) CLASS(_name, __UNIQUE_ID(guard))
#define scoped_guard(_name, args...) \
	for (CLASS(_name, scope)(args), *__irqlab_done = NULL; !__irqlab_done; __irqlab_done = (void *)1)

/* ------------------------------------------------------------------ list_head, CONFIG_DEBUG_LIST */

struct list_head {
	struct list_head *next, *prev;
};

/* User space has no illegal pointer range: the poison values are the kernel's without it. */
#define LIST_POISON1 ((void *)0x100)
#define LIST_POISON2 ((void *)0x122)

/* A list head of the file (LIST_HEAD): named, so that the manager's registry can be read. */
void irqlab_list_register(struct list_head *head, const char *name);
#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) \
	struct list_head name = LIST_HEAD_INIT(name); \
	static void __attribute__((constructor)) __irqlab_list_##name(void) { irqlab_list_register(&name, #name); } \
	IRQLAB_NOTHING

/* The checks of lib/list_debug.c, in its order; a failed one is reported and the operation skipped. */
enum irqlab_list_check {
	IRQLAB_ADD_PREV_NULL,
	IRQLAB_ADD_NEXT_NULL,
	IRQLAB_ADD_NEXT_PREV,
	IRQLAB_ADD_PREV_NEXT,
	IRQLAB_ADD_DOUBLE,
	IRQLAB_DEL_NEXT_NULL,
	IRQLAB_DEL_PREV_NULL,
	IRQLAB_DEL_NEXT_POISON,
	IRQLAB_DEL_PREV_POISON,
	IRQLAB_DEL_PREV_NEXT,
	IRQLAB_DEL_NEXT_PREV,
};
void irqlab_list_corruption(enum irqlab_list_check check, const void *a, const void *b, const void *c, IRQLAB_SITE_ARGS);

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	WRITE_ONCE(list->prev, list);
}

static inline bool irqlab_list_add_valid(struct list_head *new, struct list_head *prev, struct list_head *next,
					 IRQLAB_SITE_ARGS)
{
	if (!prev) {
		irqlab_list_corruption(IRQLAB_ADD_PREV_NULL, NULL, NULL, NULL, file, line, func);
		return false;
	}
	if (!next) {
		irqlab_list_corruption(IRQLAB_ADD_NEXT_NULL, NULL, NULL, NULL, file, line, func);
		return false;
	}
	if (next->prev != prev) {
		irqlab_list_corruption(IRQLAB_ADD_NEXT_PREV, prev, next->prev, next, file, line, func);
		return false;
	}
	if (prev->next != next) {
		irqlab_list_corruption(IRQLAB_ADD_PREV_NEXT, next, prev->next, prev, file, line, func);
		return false;
	}
	if (new == prev || new == next) {
		irqlab_list_corruption(IRQLAB_ADD_DOUBLE, new, prev, next, file, line, func);
		return false;
	}
	return true;
}

static inline bool irqlab_list_del_valid(struct list_head *entry, IRQLAB_SITE_ARGS)
{
	struct list_head *prev = entry->prev, *next = entry->next;

	if (!next) {
		irqlab_list_corruption(IRQLAB_DEL_NEXT_NULL, entry, NULL, NULL, file, line, func);
		return false;
	}
	if (!prev) {
		irqlab_list_corruption(IRQLAB_DEL_PREV_NULL, entry, NULL, NULL, file, line, func);
		return false;
	}
	if (next == LIST_POISON1) {
		irqlab_list_corruption(IRQLAB_DEL_NEXT_POISON, entry, LIST_POISON1, NULL, file, line, func);
		return false;
	}
	if (prev == LIST_POISON2) {
		irqlab_list_corruption(IRQLAB_DEL_PREV_POISON, entry, LIST_POISON2, NULL, file, line, func);
		return false;
	}
	if (prev->next != entry) {
		irqlab_list_corruption(IRQLAB_DEL_PREV_NEXT, entry, prev->next, prev, file, line, func);
		return false;
	}
	if (next->prev != entry) {
		irqlab_list_corruption(IRQLAB_DEL_NEXT_PREV, entry, next->prev, next, file, line, func);
		return false;
	}
	return true;
}

static inline void irqlab_list_insert(struct list_head *new, struct list_head *prev, struct list_head *next,
				      IRQLAB_SITE_ARGS)
{
	if (!irqlab_list_add_valid(new, prev, next, file, line, func))
		return;
	next->prev = new;
	new->next = next;
	new->prev = prev;
	WRITE_ONCE(prev->next, new);
}

static inline bool irqlab_list_unlink(struct list_head *entry, IRQLAB_SITE_ARGS)
{
	if (!irqlab_list_del_valid(entry, file, line, func))
		return false;
	entry->next->prev = entry->prev;
	WRITE_ONCE(entry->prev->next, entry->next);
	return true;
}

#define list_add(new, head) irqlab_list_insert(new, head, (head)->next, IRQLAB_SITE)
#define list_add_tail(new, head) irqlab_list_insert(new, (head)->prev, head, IRQLAB_SITE)
#define list_del(entry) ({ \
	struct list_head *__irqlab_e = (entry); \
	irqlab_list_unlink(__irqlab_e, IRQLAB_SITE); \
	__irqlab_e->next = LIST_POISON1; \
	__irqlab_e->prev = LIST_POISON2; \
})
#define list_del_init(entry) ({ \
	struct list_head *__irqlab_e = (entry); \
	irqlab_list_unlink(__irqlab_e, IRQLAB_SITE); \
	INIT_LIST_HEAD(__irqlab_e); \
})
#define list_empty(head) (READ_ONCE((head)->next) == (head))
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_next_entry(pos, member) list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_entry_is_head(pos, head, member) (&(pos)->member == (head))

/*
 * A walk counts its steps; one that never gets back to its head is cut short by the emulated
 * kernel's watchdog (a soft lockup) instead of spinning for ever.
 */
int irqlab_walk_begin(const char *what, IRQLAB_SITE_ARGS);
int irqlab_walk_step(void);
#define list_for_each_entry(pos, head, member) \
	for (pos = (irqlab_walk_begin("list_for_each_entry(" #head ")", IRQLAB_SITE), \
		    list_first_entry(head, __typeof__(*pos), member)); \
	     !list_entry_is_head(pos, head, member) && irqlab_walk_step(); \
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member) \
	for (pos = (irqlab_walk_begin("list_for_each_entry_safe(" #head ")", IRQLAB_SITE), \
		    list_first_entry(head, __typeof__(*pos), member)), \
	     n = list_next_entry(pos, member); \
	     !list_entry_is_head(pos, head, member) && irqlab_walk_step(); \
	     pos = n, n = list_next_entry(n, member))

/* ------------------------------------------------------------------ xarray */

struct xarray {
	const char *irqlab_name;
};
#define XA_FLAGS_ALLOC 0x1u
#define XARRAY_INIT(name, flags) { .irqlab_name = #name }
#define DEFINE_XARRAY(name) struct xarray name = XARRAY_INIT(name, 0)
#define DEFINE_XARRAY_FLAGS(name, flags) struct xarray name = XARRAY_INIT(name, flags)
#define xa_init(xa) ((xa)->irqlab_name = #xa)
#define xa_init_flags(xa, flags) ((xa)->irqlab_name = #xa)

void *irqlab_xa_load(struct xarray *xa, unsigned long index, IRQLAB_SITE_ARGS);
void *irqlab_xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp, IRQLAB_SITE_ARGS);
int irqlab_xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp, IRQLAB_SITE_ARGS);
void *irqlab_xa_erase(struct xarray *xa, unsigned long index, IRQLAB_SITE_ARGS);
void irqlab_xa_destroy(struct xarray *xa, IRQLAB_SITE_ARGS);
void *irqlab_xa_find(struct xarray *xa, unsigned long *index, IRQLAB_SITE_ARGS);
bool irqlab_xa_empty(struct xarray *xa, IRQLAB_SITE_ARGS);
#define xa_load(xa, index) irqlab_xa_load(xa, index, IRQLAB_SITE)
#define xa_store(xa, index, entry, gfp) irqlab_xa_store(xa, index, entry, gfp, IRQLAB_SITE)
#define xa_insert(xa, index, entry, gfp) irqlab_xa_insert(xa, index, entry, gfp, IRQLAB_SITE)
#define xa_erase(xa, index) irqlab_xa_erase(xa, index, IRQLAB_SITE)
#define xa_destroy(xa) irqlab_xa_destroy(xa, IRQLAB_SITE)
#define xa_empty(xa) irqlab_xa_empty(xa, IRQLAB_SITE)
#define xa_for_each(xa, index, entry) \
	for (index = 0, entry = irqlab_xa_find(xa, &index, IRQLAB_SITE); entry; \
	     index++, entry = index ? irqlab_xa_find(xa, &index, IRQLAB_SITE) : NULL)

static inline bool xa_is_err(const void *entry)
{
	return ((unsigned long)entry & 3) == 2 && (unsigned long)entry >= (((unsigned long)-MAX_ERRNO << 2) | 2);
}
static inline int xa_err(void *entry)
{
	return xa_is_err(entry) ? (int)((long)entry >> 2) : 0;
}

/* ------------------------------------------------------------------ eventfd */

struct eventfd_ctx;

#endif /* IRQLAB_KERNEL_H */
