// SPDX-License-Identifier: GPL-2.0-only
/*
 * irqlab's host for a C revision: a fork server. It listens on a Unix socket; each connection
 * is one "insmod" of the manager, served by a child forked from the pristine parent, so every
 * load starts with the file's static data as the compiler laid it out.
 *
 * A child serves one emulated kernel. The emulated kernel (in the JVM) calls the manager's entry
 * points; the manager calls back into it for every kernel service it uses and for the
 * producers' and consumers' callbacks. The wire is lines of text, one request or reply each:
 *
 *   JVM -> C    H limit              hello: the watchdog's walk limit; answered "H pid"
 *               N id p|c             a zeroed struct for object id; answered "A address"
 *               S id mask token irq  the caller-owned fields: callbacks present, token, irq
 *               F id                 the struct is freed (its device freed it)
 *               C fn id eventfd irq  an entry point; answered "R ret fields" when it returns
 *               Q                    the registry as stored, answered by "L", "K", "P" lines, "E"
 *   C -> JVM    B cb self other f    a callback; answered "r ret"
 *               K op site args...    a kernel service; answered "r value"
 *               X length + text      an AddressSanitizer report (KASAN); answered "r 0"
 *               O kind addr w rip... the task faulted: an oops, no answer
 *   JVM -> C    d                    instead of "r": the task dies (an oops the kernel raised)
 *
 * While it waits for "r", the child serves any request that comes first: a callback may call
 * the manager again. A dying task unwinds to the top of the connection's loop, as the kernel
 * kills a task: nothing after the fault runs, locks stay as they were.
 */
#define _GNU_SOURCE
#include <execinfo.h>
#include <signal.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <ucontext.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>

#include "irqlab_kernel.h"
#include "irqlab_host.h"

const char *__asan_default_options(void)
{
	return "halt_on_error=0:handle_segv=0:handle_sigbus=0:handle_abort=0:detect_leaks=0:"
	       "allow_user_segv_handler=1:print_summary=0:detect_odr_violation=0:"
	       "detect_stack_use_after_return=0:symbolize=1:print_legend=0";
}

static int conn = -1;
static FILE *in;
static sigjmp_buf top;
static long walk_limit = 1L << 20;

/* ------------------------------------------------------------------ the wire */

static void write_all(const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(conn, buf, len);
		if (n <= 0)
			_exit(0);
		buf += n;
		len -= (size_t)n;
	}
}

void irqlab_send(const char *fmt, ...)
{
	char buf[8192];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	write_all(buf, (size_t)n);
}

static void send_blob(char tag, const char *text)
{
	char head[64];
	size_t len = strlen(text);

	snprintf(head, sizeof(head), "%c %zu\n", tag, len);
	write_all(head, strlen(head));
	write_all(text, len);
}

static int read_line(char *buf, size_t size)
{
	if (!fgets(buf, (int)size, in))
		return 0;
	buf[strcspn(buf, "\n")] = 0;
	return 1;
}

/* Waits for the JVM's answer, serving the requests that come before it. */
static long wait_reply(void)
{
	char line[1024];

	for (;;) {
		if (!read_line(line, sizeof(line)))
			_exit(0);
		if (line[0] == 'r')
			return strtol(line + 2, NULL, 0);
		if (line[0] == 'd')
			siglongjmp(top, 1);
		irqlab_glue_request(line);
	}
}

/* A kernel service: sends "K op site args" and returns the answer. */
static long service(const char *op, IRQLAB_SITE_ARGS, const char *fmt, ...)
{
	char args[2048] = "";
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(args, sizeof(args), fmt, ap);
		va_end(ap);
	}
	irqlab_send("K %s %s:%d:%s%s%s", op, file ? file : "?", line, func ? func : "?", fmt ? " " : "", args);
	return wait_reply();
}

long irqlab_callback(const char *name, int self, int other)
{
	char fields[4096];

	irqlab_glue_fields(fields, sizeof(fields));
	irqlab_send("B %s %d %d%s", name, self, other, fields);
	return wait_reply();
}

/* ------------------------------------------------------------------ kernel services */

void irqlab_warn(int once, const char *msg, IRQLAB_SITE_ARGS)
{
	(void)msg;
	service(once ? "warn_once" : "warn", file, line, func, NULL);
}

void irqlab_warn_fmt(int once, IRQLAB_SITE_ARGS, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	irqlab_send("K %s %s:%d:%s", once ? "warn_once_msg" : "warn_msg", file, line, func);
	send_blob('T', msg);
	wait_reply();
}

void irqlab_bug(IRQLAB_SITE_ARGS)
{
	service("bug", file, line, func, NULL);
	siglongjmp(top, 1);
}

void irqlab_might_sleep(IRQLAB_SITE_ARGS)
{
	service("might_sleep", file, line, func, NULL);
}

int irqlab_printk(IRQLAB_SITE_ARGS, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	irqlab_send("K printk %s:%d:%s", file, line, func);
	send_blob('T', msg);
	wait_reply();
	return n;
}

struct module __this_module;

bool irqlab_try_module_get(struct module *module, IRQLAB_SITE_ARGS)
{
	if (!module)
		return true;
	return service("try_module_get", file, line, func, NULL) != 0;
}

void irqlab_module_put(struct module *module, IRQLAB_SITE_ARGS)
{
	if (module)
		service("module_put", file, line, func, NULL);
}

void __module_get(struct module *module)
{
	if (module)
		service("module_get", "?", 0, "__module_get", NULL);
}

static irqlab_initcall_t init_fn;
static irqlab_exitcall_t exit_fn;

void irqlab_module_init(irqlab_initcall_t fn)
{
	init_fn = fn;
}

void irqlab_module_exit(irqlab_exitcall_t fn)
{
	exit_fn = fn;
}

int irqlab_call_init(void)
{
	return init_fn ? init_fn() : 0;
}

void irqlab_call_exit(void)
{
	if (exit_fn)
		exit_fn();
}

/* Allocations: the emulated kernel decides (fault injection) and tracks them (kmemleak, KASAN). */
struct allocation {
	void *ptr;
	long id;
	int freed;
};
static struct allocation *allocations;
static size_t nallocations, allocations_size;

void *irqlab_kmalloc(size_t size, gfp_t flags, IRQLAB_SITE_ARGS)
{
	long id = service("kmalloc", file, line, func, "%zu %u", size, flags);
	void *ptr;

	if (id <= 0)
		return NULL;
	ptr = malloc(size ? size : 1);
	if (!ptr)
		abort();
	/* kmalloc's memory is not zeroed; the pattern makes a read before a write visible */
	memset(ptr, (flags & __GFP_ZERO) ? 0 : 0x6b, size);
	if (nallocations == allocations_size) {
		allocations_size = allocations_size ? 2 * allocations_size : 64;
		allocations = realloc(allocations, allocations_size * sizeof(*allocations));
		if (!allocations)
			abort();
	}
	allocations[nallocations++] = (struct allocation){ ptr, id, 0 };
	return ptr;
}

void irqlab_kfree(const void *ptr, IRQLAB_SITE_ARGS)
{
	size_t i;

	if (!ptr)
		return;
	for (i = nallocations; i-- > 0;) {
		if (allocations[i].ptr == ptr) {
			service("kfree", file, line, func, "%ld", allocations[i].id);
			if (!allocations[i].freed) {
				allocations[i].freed = 1;
				free((void *)ptr);
			}
			return;
		}
	}
	service("kfree_unknown", file, line, func, "%p", ptr);
}

void irqlab_mutex_lock(struct mutex *m, IRQLAB_SITE_ARGS)
{
	service("mutex_lock", file, line, func, "%s", m->irqlab_name ? m->irqlab_name : "?");
}

int irqlab_mutex_trylock(struct mutex *m, IRQLAB_SITE_ARGS)
{
	return (int)service("mutex_trylock", file, line, func, "%s", m->irqlab_name ? m->irqlab_name : "?");
}

void irqlab_mutex_unlock(struct mutex *m, IRQLAB_SITE_ARGS)
{
	service("mutex_unlock", file, line, func, "%s", m->irqlab_name ? m->irqlab_name : "?");
}

bool irqlab_mutex_is_locked(struct mutex *m, IRQLAB_SITE_ARGS)
{
	return service("mutex_is_locked", file, line, func, "%s", m->irqlab_name ? m->irqlab_name : "?") != 0;
}

void irqlab_lockdep_assert_held(struct mutex *m, IRQLAB_SITE_ARGS)
{
	service("lockdep_assert_held", file, line, func, "%s", m->irqlab_name ? m->irqlab_name : "?");
}

void irqlab_list_corruption(enum irqlab_list_check check, const void *a, const void *b, const void *c,
			    IRQLAB_SITE_ARGS)
{
	service("list_corruption", file, line, func, "%d %lx %lx %lx", (int)check, (unsigned long)a,
		(unsigned long)b, (unsigned long)c);
}

static const char *walk_what;
static char walk_site[512];
static long walk_steps;

int irqlab_walk_begin(const char *what, IRQLAB_SITE_ARGS)
{
	walk_what = what;
	walk_steps = 0;
	snprintf(walk_site, sizeof(walk_site), "%s:%d:%s", file, line, func);
	return 0;
}

int irqlab_walk_step(void)
{
	if (++walk_steps > walk_limit) {
		irqlab_send("K soft_lockup %s %ld %s", walk_site, walk_limit, walk_what);
		wait_reply();
		siglongjmp(top, 1);
	}
	return 1;
}

void *irqlab_xa_load(struct xarray *xa, unsigned long index, IRQLAB_SITE_ARGS)
{
	return (void *)service("xa_load", file, line, func, "%s %lu", xa->irqlab_name, index);
}

void *irqlab_xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp, IRQLAB_SITE_ARGS)
{
	return (void *)service("xa_store", file, line, func, "%s %lu %lx %u", xa->irqlab_name, index,
			       (unsigned long)entry, gfp);
}

int irqlab_xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp, IRQLAB_SITE_ARGS)
{
	return (int)service("xa_insert", file, line, func, "%s %lu %lx %u", xa->irqlab_name, index,
			    (unsigned long)entry, gfp);
}

void *irqlab_xa_erase(struct xarray *xa, unsigned long index, IRQLAB_SITE_ARGS)
{
	return (void *)service("xa_erase", file, line, func, "%s %lu", xa->irqlab_name, index);
}

void irqlab_xa_destroy(struct xarray *xa, IRQLAB_SITE_ARGS)
{
	service("xa_destroy", file, line, func, "%s", xa->irqlab_name);
}

bool irqlab_xa_empty(struct xarray *xa, IRQLAB_SITE_ARGS)
{
	return service("xa_empty", file, line, func, "%s", xa->irqlab_name) != 0;
}

/* The first entry at or after *index; sets *index to it. NULL when there is none. */
void *irqlab_xa_find(struct xarray *xa, unsigned long *index, IRQLAB_SITE_ARGS)
{
	char line_buf[256];
	unsigned long found, entry;

	irqlab_send("K xa_find %s:%d:%s %s %lu", file, line, func, xa->irqlab_name, *index);
	for (;;) {
		if (!read_line(line_buf, sizeof(line_buf)))
			_exit(0);
		if (line_buf[0] == 'd')
			siglongjmp(top, 1);
		if (line_buf[0] == 'r')
			break;
		irqlab_glue_request(line_buf);
	}
	if (sscanf(line_buf + 2, "%lx %lx", &entry, &found) != 2 || !entry)
		return NULL;
	*index = found;
	return (void *)entry;
}

/* ------------------------------------------------------------------ sanitizers and faults */

static void asan_report(const char *report)
{
	send_blob('X', report);
	wait_reply();
}

/* "function file:line" of pc, or "? ?" */
static void symbolize(void *pc, char *out, size_t size)
{
	out[0] = 0;
	__sanitizer_symbolize_pc(pc, "%f %s:%l", out, size);
	if (!out[0] || strstr(out, "<null>"))
		snprintf(out, size, "? ?");
	for (char *s = out; *s; s++)
		if (*s == '\n')
			*s = 0;
}

static void on_fault(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	unsigned long addr = (unsigned long)info->si_addr;
	void *rip = (void *)uc->uc_mcontext.gregs[REG_RIP];
	int write = (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
	char where[512], msg[4096];
	void *frames[32];
	int n, i, found = 0;
	size_t len;

	(void)sig;
	symbolize(rip, where, sizeof(where));
	len = (size_t)snprintf(msg, sizeof(msg), "O %s %lx %d %s", sig == SIGSEGV ? "segv" : "bus", addr, write, where);
	n = backtrace(frames, 32);
	for (i = 0; i < n && len < sizeof(msg) - 600; i++) {
		char frame[512];

		if (!found) {
			found = frames[i] == rip;
			continue;
		}
		symbolize((char *)frames[i] - 1, frame, sizeof(frame));
		if (!strncmp(frame, "irqlab_", 7))
			break;
		len += (size_t)snprintf(msg + len, sizeof(msg) - len, " | %s", frame);
	}
	irqlab_send("%s", msg);
	siglongjmp(top, 1);
}

static void catch_faults(void)
{
	static char stack[1 << 16];
	stack_t ss = { .ss_sp = stack, .ss_size = sizeof(stack) };
	struct sigaction sa;

	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

/* ------------------------------------------------------------------ one connection, the server */

static void serve(int fd)
{
	char line[1024];

	conn = fd;
	in = fdopen(fd, "r");
	if (!in)
		_exit(1);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	catch_faults();
	__asan_set_error_report_callback(asan_report);
	if (!read_line(line, sizeof(line)) || line[0] != 'H')
		_exit(1);
	walk_limit = strtol(line + 2, NULL, 0);
	irqlab_send("H %d", (int)getpid());
	sigsetjmp(top, 1);
	while (read_line(line, sizeof(line)))
		irqlab_glue_request(line);
	_exit(0);
}

int main(int argc, char **argv)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int listener;

	if (argc != 2 || strlen(argv[1]) >= sizeof(addr.sun_path)) {
		fprintf(stderr, "usage: %s SOCKET\n", argv[0]);
		return 2;
	}
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	signal(SIGCHLD, SIG_IGN);
	strcpy(addr.sun_path, argv[1]);
	listener = socket(AF_UNIX, SOCK_STREAM, 0);
	if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof(addr)) || listen(listener, 64)) {
		perror("irqlab host: socket");
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	for (;;) {
		struct pollfd fds[2] = { { listener, POLLIN, 0 }, { 0, POLLIN, 0 } };
		int fd;

		if (poll(fds, 2, -1) < 0)
			continue;
		if (fds[1].revents) {
			char c;

			if (read(0, &c, 1) <= 0)
				return 0;
		}
		if (!(fds[0].revents & POLLIN))
			continue;
		fd = accept(listener, NULL, NULL);
		if (fd < 0)
			continue;
		if (fork() == 0) {
			close(listener);
			serve(fd);
		}
		close(fd);
	}
}
