package dev.irqlab.crev;

import dev.irqlab.kernel.EventKind;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.ListHead;
import dev.irqlab.kernel.LogLevel;
import dev.irqlab.kernel.Module;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.kernel.Oops;
import dev.irqlab.kernel.Site;
import dev.irqlab.kernel.XArray;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassObject;
import dev.irqlab.spi.IrqBypassProducer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One load of a C revision: the manager runs in its own process (a child of the {@link CHost}),
 * and this class is its emulated kernel's side of the wire. Entry points go to the C; what the C
 * asks of the kernel (locks, WARN, allocation, the module refcount, the xarray, printk) and of
 * the producers and consumers (their callbacks) is answered here, by the same emulated kernel
 * and the same objects as for a Java port, with the C's file and line as the place reports name.
 *
 * <p>Each producer and consumer the manager sees has a struct of the C's own layout in the C
 * process, zeroed when first seen. Before each call the caller-owned members (callbacks present,
 * {@code token}, {@code irq}) are copied to it and structs their devices freed are freed (so a
 * manager that touches one is caught by AddressSanitizer); after it, and before each callback,
 * what the manager set in them ({@code token}, {@code irq}) is copied back.
 *
 * <p>A fault of the C (an AddressSanitizer report, a NULL dereference) becomes the kernel's
 * report of it; a task the kernel ends (a soft lockup, recursive locking, an oops in a callback)
 * unwinds the C as well, which then waits for the next load.
 */
final class CManager implements IrqBypass {
  private static final long POISON_DELTA = 0xdead000000000000L;

  private final Kernel kernel;
  private final CHeader header;
  private final String file;
  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;
  private final long pid;
  private final Module thisModule;
  private final Map<String, Mutex> mutexes = new LinkedHashMap<>();
  private final Map<String, XArray<Object>> xarrays = new LinkedHashMap<>();
  private final Map<IrqBypassObject<?, ?>, Mirror> mirrors = new IdentityHashMap<>();
  private final List<Mirror> byId = new ArrayList<>();
  private final Map<Long, KObject> allocations = new HashMap<>();
  private final Map<String, Long> heads = new LinkedHashMap<>();
  private final java.util.Set<Long> reported = new java.util.HashSet<>();
  private long nextAllocation = 1;
  /** Calls of the C in progress (a callback may call again). */
  private int depth;

  /** A producer or consumer as the C sees it: its id on the wire and its struct's address there. */
  private static final class Mirror {
    final int id;
    final IrqBypassObject<?, ?> object;
    final long address;
    boolean freed;

    Mirror(int id, IrqBypassObject<?, ?> object, long address) {
      this.id = id;
      this.object = object;
      this.address = address;
    }
  }

  /** A pointer the C stored that is no producer or consumer: kept by value. */
  private record Pointer(long value) {}

  /** Memory the C allocated with kmalloc: an object of the emulated kernel, for kmemleak and KASAN. */
  private static final class Allocation extends KObject {
    Allocation(Kernel kernel, int size) {
      super(kernel, "kmalloc-" + size, size);
    }
  }

  CManager(Kernel kernel, CHeader header, String file, SocketChannel channel) throws IOException {
    this.kernel = kernel;
    this.header = header;
    this.file = file;
    this.channel = channel;
    this.in = new BufferedInputStream(Channels.newInputStream(channel));
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel));
    this.thisModule = Module.loadable(kernel, "irqbypass");
    send("H " + kernel.watchdog().limit());
    String hello = readLine();
    if (hello == null || !hello.startsWith("H ")) {
      throw new IOException("the C host did not answer: " + hello);
    }
    this.pid = Long.parseLong(hello.substring(2).strip());
    kernel.atPowerOff(this::close);
    snapshot();
    call("init", null, 0, 0);
    thisModule.setExit(() -> call("exit", null, 0, 0));
  }

  // ------------------------------------------------------------------ the entry points, as the era's callers call them

  @Override
  public int registerProducer(IrqBypassProducer producer, EventfdCtx eventfd, int irq) {
    if (header.api() == CHeader.Api.TOKEN) {
      producer.setToken(eventfd == null ? 0 : eventfd.address());
    }
    if (header.api() != CHeader.Api.EVENTFD_IRQ) {
      producer.setIrq(irq);
    }
    return call("rp", producer, eventfd == null ? 0 : eventfd.address(), irq);
  }

  @Override
  public void unregisterProducer(IrqBypassProducer producer) {
    call("up", producer, 0, 0);
  }

  @Override
  public int registerConsumer(IrqBypassConsumer consumer, EventfdCtx eventfd) {
    if (header.api() == CHeader.Api.TOKEN) {
      consumer.setToken(eventfd == null ? 0 : eventfd.address());
    }
    return call("rc", consumer, eventfd == null ? 0 : eventfd.address(), 0);
  }

  @Override
  public void unregisterConsumer(IrqBypassConsumer consumer) {
    call("uc", consumer, 0, 0);
  }

  @Override
  public Module module() {
    return thisModule;
  }

  // ------------------------------------------------------------------ the registry, as stored

  /**
   * The lists of the file (each {@code LIST_HEAD}) walked in the C without KASAN, and the
   * xarrays in index order; a producer or consumer is registered when one of them holds it. The
   * key is the xarray index, or the member the list version matches on ({@code token}, or
   * {@code eventfd}). The manager holds a pair as connected when the producer's {@code consumer}
   * member points to it, or, in a version without that member, when a producer and a consumer
   * are held under one key.
   */
  @Override
  public Snapshot snapshot() {
    syncFreed();
    send("Q");
    List<Registration<IrqBypassProducer>> prods = new ArrayList<>();
    List<Registration<IrqBypassConsumer>> conss = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    Map<Integer, Long> keys = new HashMap<>();
    Map<Integer, Integer> bound = new LinkedHashMap<>();
    List<List<Integer>> lists = new ArrayList<>();
    for (String line; (line = readLine()) != null && !line.equals("E"); ) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "L" -> {
          heads.put(f[1], Long.parseUnsignedLong(f[2], 16));
          List<Integer> ids = new ArrayList<>();
          for (int i = 3; i < f.length && !f[i].startsWith("?"); i++) {
            ids.add(Integer.parseInt(f[i]));
          }
          lists.add(ids);
        }
        case "K" -> keys.put(Integer.parseInt(f[1]), Long.parseUnsignedLong(f[2], 16));
        case "P" -> bound.put(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
        default -> throw new IllegalStateException("unexpected line from the C host: " + line);
      }
    }
    for (List<Integer> ids : lists) {
      for (int id : ids) {
        add(byId.get(id).object, keys.getOrDefault(id, 0L), prods, conss);
      }
    }
    for (XArray<Object> xa : xarrays.values()) {
      xa.forEach((index, entry) -> add(entry, index, prods, conss));
    }
    if (header.producerHas("CONSUMER")) {
      for (Registration<IrqBypassProducer> p : prods) {
        Integer c = bound.get(mirrors.get(p.object()).id);
        if (c != null && c >= 0 && byId.get(c).object instanceof IrqBypassConsumer cons) {
          connections.add(new Connection(p.object(), cons));
        }
      }
    } else {
      for (Registration<IrqBypassProducer> p : prods) {
        conss.stream().filter(c -> c.key() == p.key()).findFirst()
            .ifPresent(c -> connections.add(new Connection(p.object(), c.object())));
      }
    }
    return new Snapshot(prods, conss, connections, thisModule.refcount());
  }

  private static void add(Object entry, long key, List<Registration<IrqBypassProducer>> prods, List<Registration<IrqBypassConsumer>> conss) {
    if (entry instanceof IrqBypassProducer p) {
      prods.add(new Registration<>(key, p));
    } else if (entry instanceof IrqBypassConsumer c) {
      conss.add(new Registration<>(key, c));
    }
  }

  // ------------------------------------------------------------------ calls

  /** Calls entry point {@code fn} of the C with {@code object} and serves it until it returns. */
  private int call(String fn, IrqBypassObject<?, ?> object, long eventfd, int irq) {
    int id = object == null ? -1 : mirror(object).id;
    syncFreed();
    syncFields();
    send(String.format(Locale.ROOT, "C %s %d %x %d", fn, id, eventfd, irq));
    String line;
    depth++;
    try {
      line = serve();
    } finally {
      depth--;
    }
    String[] f = line.split(" ");
    applyFields(f, 2);
    return Integer.parseInt(f[1]);
  }

  /** Serves the C's requests until its call returns; the return line ("R ..."). */
  private String serve() {
    while (true) {
      String line = readLine();
      if (line == null) {
        throw died("the C process of this revision ended in the middle of a call");
      }
      switch (line.charAt(0)) {
        case 'R':
          return line;
        case 'B':
          answer(() -> callback(line.split(" ")));
          break;
        case 'K':
          String[] request = line.split(" ");
          if (request[1].equals("xa_find")) {
            send(xaFind(request));
          } else {
            answer(() -> service(request));
          }
          break;
        case 'X':
          String report = readBlob(line);
          answer(() -> {
            asan(report);
            return 0;
          });
          break;
        case 'O':
          throw fault(line);
        default:
          throw new IllegalStateException("unexpected line from the C host: " + line);
      }
    }
  }

  /** Answers a request of the C with what {@code body} returns; when the task dies in it, tells the C to unwind. */
  private void answer(java.util.function.LongSupplier body) {
    long value;
    try {
      value = body.getAsLong();
    } catch (RuntimeException | Error e) {
      send("d");
      throw e;
    }
    send("r " + value);
  }

  private long callback(String[] f) {
    applyFields(f, 4);
    String name = f[1];
    IrqBypassObject<?, ?> self = object(Integer.parseInt(f[2]));
    IrqBypassObject<?, ?> other = object(Integer.parseInt(f[3]));
    long ret = 0;
    if (self instanceof IrqBypassProducer p) {
      IrqBypassConsumer c = other instanceof IrqBypassConsumer oc ? oc : null;
      switch (name) {
        case "add_consumer" -> ret = nonNull(quiet(p::addConsumer), name).call(p, c);
        case "del_consumer" -> nonNull(quiet(p::delConsumer), name).call(p, c);
        case "stop" -> nonNull(quiet(p::stop), name).call(p);
        case "start" -> nonNull(quiet(p::start), name).call(p);
        default -> throw new IllegalStateException("unknown callback " + name);
      }
    } else if (self instanceof IrqBypassConsumer c) {
      IrqBypassProducer p = other instanceof IrqBypassProducer op ? op : null;
      switch (name) {
        case "add_producer" -> ret = nonNull(quiet(c::addProducer), name).call(c, p);
        case "del_producer" -> nonNull(quiet(c::delProducer), name).call(c, p);
        case "stop" -> nonNull(quiet(c::stop), name).call(c);
        case "start" -> nonNull(quiet(c::start), name).call(c);
        default -> throw new IllegalStateException("unknown callback " + name);
      }
    } else {
      throw kernel.oops(EventKind.BUG, "BUG: unable to handle page fault: " + name + " called on a struct irqlab does not know", List.of());
    }
    syncFreed();
    syncFields();
    return ret;
  }

  /** The callback the C called, which the caller has since cleared: the call jumps to NULL. */
  private <T> T nonNull(T fn, String name) {
    if (fn == null) {
      throw kernel.oops(EventKind.BUG, "BUG: kernel NULL pointer dereference, address: 0000000000000000",
          List.of("#PF: supervisor instruction fetch in kernel mode", "the manager called ->" + name + ", which is NULL now"));
    }
    return fn;
  }

  private <T> T quiet(java.util.function.Supplier<T> read) {
    try (Kernel.Scope q = kernel.kasanDisableCurrent()) {
      return read.get();
    }
  }

  // ------------------------------------------------------------------ kernel services

  private long service(String[] f) {
    Site site = site(f[2]);
    try (Kernel.Scope at = kernel.at(site)) {
      return service(f[1], f, site);
    }
  }

  private long service(String op, String[] f, Site site) {
    switch (op) {
      case "warn" -> kernel.warnOn(true);
      case "warn_once" -> kernel.warnOnOnce(true);
      case "warn_msg" -> kernel.warn(true, "%s", readBlob(readLine()));
      case "warn_once_msg" -> kernel.warnOnce(true, "%s", readBlob(readLine()));
      case "printk" -> printk(readBlob(readLine()));
      case "bug" -> throw kernel.bug("BUG()");
      case "might_sleep" -> kernel.mightSleep();
      case "try_module_get" -> {
        return thisModule.tryGet() ? 1 : 0;
      }
      case "module_put" -> thisModule.put();
      case "module_get" -> thisModule.get();
      case "mutex_lock" -> mutex(f[3]).lock();
      case "mutex_trylock" -> {
        return mutex(f[3]).tryLock() ? 1 : 0;
      }
      case "mutex_unlock" -> mutex(f[3]).unlock();
      case "mutex_is_locked" -> {
        return mutex(f[3]).isLocked() ? 1 : 0;
      }
      case "lockdep_assert_held" -> mutex(f[3]).assertHeld();
      case "kmalloc" -> {
        int size = Integer.parseInt(f[3]);
        KObject o = kernel.memory().kzalloc("kmalloc-" + size, gfp(Integer.parseInt(f[4])), () -> new Allocation(kernel, size));
        if (o == null) {
          return 0;
        }
        long id = nextAllocation++;
        allocations.put(id, o);
        return id;
      }
      case "kfree" -> kernel.memory().kfree(allocations.get(Long.parseLong(f[3])));
      case "kfree_unknown" -> kernel.report(EventKind.KASAN, "BUG: KASAN: invalid-free in " + site.method(),
          List.of("kfree(" + f[3] + "): the pointer is no allocation of kmalloc"));
      case "list_corruption" -> listCorruption(f);
      case "soft_lockup" -> {
        String what = String.join(" ", List.of(f).subList(4, f.length)).replace("(&", "(");
        throw kernel.watchdog().lockup(what, Long.parseLong(f[3]));
      }
      case "xa_load" -> {
        return pointer(xarray(f[3]).load(Long.parseUnsignedLong(f[4])));
      }
      case "xa_store" -> {
        Object old = xarray(f[3]).store(Long.parseUnsignedLong(f[4]), entry(f[5]), gfp(Integer.parseInt(f[6])));
        return XArray.xaIsErr(old) ? ((long) XArray.xaErr(old) << 2) | 2 : pointer(old);
      }
      case "xa_insert" -> {
        return xarray(f[3]).insert(Long.parseUnsignedLong(f[4]), entry(f[5]), gfp(Integer.parseInt(f[6])));
      }
      case "xa_erase" -> {
        return pointer(xarray(f[3]).erase(Long.parseUnsignedLong(f[4])));
      }
      case "xa_destroy" -> xarray(f[3]).destroy();
      case "xa_empty" -> {
        return xarray(f[3]).isEmpty() ? 1 : 0;
      }
      case "xa_find" -> throw new IllegalStateException("xa_find is answered apart");
      default -> throw new IllegalStateException("unknown kernel service from the C: " + op);
    }
    return 0;
  }

  /** {@code xa_find}: "r ENTRY INDEX" for the first entry at or after the index, "r 0 0" for none. */
  private String xaFind(String[] f) {
    long from = Long.parseUnsignedLong(f[4]);
    long[] found = {0, 0};
    xarray(f[3]).forEach((index, entry) -> {
      if (found[0] == 0 && Long.compareUnsigned(index, from) >= 0 && entry != null) {
        found[0] = pointer(entry);
        found[1] = index;
      }
    });
    return String.format(Locale.ROOT, "r %x %x", found[0], found[1]);
  }

  private void printk(String text) {
    LogLevel level = LogLevel.INFO;
    String message = text;
    if (text.length() >= 3 && text.charAt(0) == '<' && text.charAt(2) == '>' && Character.isDigit(text.charAt(1))) {
      level = LogLevel.values()[Math.min(LogLevel.values().length - 1, text.charAt(1) - '0')];
      message = text.substring(3);
    }
    kernel.printk(level, "%s", message.endsWith("\n") ? message.substring(0, message.length() - 1) : message);
  }

  private static Gfp gfp(int flags) {
    if ((flags & 0x8) != 0) {
      return Gfp.ATOMIC;
    }
    if ((flags & 0x4) != 0) {
      return Gfp.NOWAIT;
    }
    return (flags & 0x2) != 0 ? Gfp.KERNEL_ACCOUNT : Gfp.KERNEL;
  }

  private Mutex mutex(String name) {
    return mutexes.computeIfAbsent(name, n -> new Mutex(kernel, n));
  }

  private XArray<Object> xarray(String name) {
    return xarrays.computeIfAbsent(name, n -> new XArray<>(kernel, n));
  }

  /** What the C stores: the producer or consumer whose struct is at {@code hex}, else the pointer itself. */
  private Object entry(String hex) {
    long value = Long.parseUnsignedLong(hex, 16);
    if (value == 0) {
      return null;
    }
    for (Mirror m : byId) {
      if (m.address == value) {
        return m.object;
      }
    }
    return new Pointer(value);
  }

  /** The C pointer for what an xarray holds. */
  private long pointer(Object entry) {
    if (entry == null) {
      return 0;
    }
    if (entry instanceof Pointer p) {
      return p.value();
    }
    if (entry instanceof IrqBypassObject<?, ?> o && mirrors.containsKey(o)) {
      return mirrors.get(o).address;
    }
    throw new IllegalStateException("an xarray of the C holds " + entry);
  }

  private void listCorruption(String[] f) {
    ListHead.Check check = ListHead.Check.values()[Integer.parseInt(f[3])];
    List<ListHead.Pointer> pointers = new ArrayList<>();
    for (int i = 0; i < check.pointers(); i++) {
      pointers.add(listPointer(Long.parseUnsignedLong(f[4 + i], 16)));
    }
    ListHead.reportCorruption(kernel, check, pointers);
  }

  /** A C list pointer as a list report names it: NULL, a poison value, a head of the file, a node of an object. */
  private ListHead.Pointer listPointer(long p) {
    if (p == 0) {
      return new ListHead.Pointer(0, "NULL");
    }
    if (p == 0x100) {
      return ListHead.POISON1;
    }
    if (p == 0x122) {
      return ListHead.POISON2;
    }
    for (Map.Entry<String, Long> h : heads.entrySet()) {
      if (h.getValue() == p) {
        return new ListHead.Pointer(ListHead.headAddress(h.getKey()), "LIST_HEAD(" + h.getKey() + ")");
      }
    }
    Mirror m = containing(p);
    if (m != null) {
      return new ListHead.Pointer(m.object.address() + (p - m.address), "node of " + m.object);
    }
    return new ListHead.Pointer(p, String.format(Locale.ROOT, "%016x", p));
  }

  private Mirror containing(long p) {
    for (int i = byId.size() - 1; i >= 0; i--) {
      Mirror m = byId.get(i);
      if (p >= m.address && p < m.address + m.object.size()) {
        return m;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ faults

  /**
   * An AddressSanitizer report. On a producer or consumer (the C poisons the struct of one its
   * owner freed), it is the emulated kernel's own KASAN check of that object, made at the C's
   * line: the same report as a port's access, once per object, whoever touches it first. On other
   * memory of the C, a report of the same shape with what the sanitizer says of it.
   */
  private void asan(String report) {
    CAsan.Report r = CAsan.parse(report);
    Mirror m = r.region() == 0 ? null : containing(r.region());
    try (Kernel.Scope at = kernel.at(r.site())) {
      if (m != null && m.object.isFreed()) {
        m.object.access();
        return;
      }
      if (!reported.add(r.region())) {
        return;
      }
      List<String> details = new ArrayList<>();
      details.add(String.format(Locale.ROOT, "%s by task %s", r.access(), kernel.current()));
      if (m != null) {
        details.add("The buggy address belongs to " + m.object.describe());
        details.add(String.format(Locale.ROOT, "located %d bytes from its start, in a struct of %d bytes as this revision's header lays it out",
            r.address() - m.address, r.size()));
      } else {
        details.addAll(r.details());
      }
      kernel.report(EventKind.KASAN, "BUG: KASAN: " + r.kind() + " in " + r.site().method(), details);
    }
  }

  /** The C faulted ("O kind addr write rip | frame | ..."): the oops the CPU's fault raises. */
  private Oops fault(String line) {
    String[] parts = line.split(" \\| ");
    String[] f = parts[0].split(" ");
    long addr = Long.parseUnsignedLong(f[2], 16);
    boolean write = f[3].equals("1");
    Site rip = frame(f, 4);
    String headline;
    List<String> details = new ArrayList<>();
    if (addr >= 0x100 && addr < 0x200) {
      headline = String.format(Locale.ROOT, "general protection fault, probably for non-canonical address 0x%016x: 0000 [#1] PREEMPT SMP",
          POISON_DELTA + addr);
      details.add((write ? "write" : "read") + " through " + (addr < 0x122 ? "LIST_POISON1" : "LIST_POISON2"));
    } else if (addr < 0x1000) {
      headline = String.format(Locale.ROOT, "BUG: kernel NULL pointer dereference, address: %016x", addr);
      details.add("#PF: supervisor " + (write ? "write" : "read") + " access in kernel mode");
    } else {
      headline = String.format(Locale.ROOT, "BUG: unable to handle page fault for address: %016x", addr);
      details.add("#PF: supervisor " + (write ? "write" : "read") + " access in kernel mode");
    }
    details.add("RIP: " + rip);
    if (parts.length > 1) {
      details.add("Call Trace:");
      for (int i = 1; i < parts.length && i <= 4; i++) {
        details.add(" " + frame(parts[i].split(" "), 0));
      }
    }
    try (Kernel.Scope at = kernel.at(rip)) {
      return kernel.oops(EventKind.BUG, headline, details);
    }
  }

  /** {@code function file:line} at {@code f[i]}, {@code f[i + 1]}. */
  private static Site frame(String[] f, int i) {
    String function = i < f.length ? f[i] : "?";
    String where = i + 1 < f.length ? f[i + 1] : "?";
    int colon = where.lastIndexOf(':');
    int line = 0;
    if (colon > 0) {
      try {
        line = Integer.parseInt(where.substring(colon + 1));
        where = where.substring(0, colon);
      } catch (NumberFormatException e) {
        line = 0;
      }
    }
    return Site.c(function, where, line);
  }

  private Oops died(String why) {
    return kernel.oops(EventKind.BUG, "BUG: " + why, List.of("the host program of " + file + " exited; see IRQLAB_C_LOG"));
  }

  /** {@code file:line:function}. */
  private static Site site(String text) {
    int last = text.lastIndexOf(':');
    int before = text.lastIndexOf(':', last - 1);
    if (last < 0 || before < 0) {
      return Site.c(text, "?", 0);
    }
    int line;
    try {
      line = Integer.parseInt(text.substring(before + 1, last));
    } catch (NumberFormatException e) {
      line = 0;
    }
    return Site.c(text.substring(last + 1), text.substring(0, before), line);
  }

  // ------------------------------------------------------------------ the structs

  private Mirror mirror(IrqBypassObject<?, ?> object) {
    Mirror m = mirrors.get(object);
    if (m != null) {
      return m;
    }
    int id = byId.size();
    send("N " + id + " " + (object instanceof IrqBypassProducer ? "p" : "c"));
    String reply = readLine();
    if (reply == null || !reply.startsWith("A ")) {
      throw new IllegalStateException("the C host did not allocate a struct: " + reply);
    }
    m = new Mirror(id, object, Long.parseUnsignedLong(reply.substring(2).strip(), 16));
    mirrors.put(object, m);
    byId.add(m);
    return m;
  }

  private IrqBypassObject<?, ?> object(int id) {
    return id >= 0 && id < byId.size() ? byId.get(id).object : null;
  }

  /** Frees the structs whose devices freed them. */
  private void syncFreed() {
    for (Mirror m : byId) {
      if (!m.freed && m.object.isFreed()) {
        m.freed = true;
        send("F " + m.id);
      }
    }
  }

  /** Copies the caller-owned members of every live struct to the C. */
  private void syncFields() {
    try (Kernel.Scope q = kernel.kasanDisableCurrent()) {
      for (Mirror m : byId) {
        if (m.freed) {
          continue;
        }
        IrqBypassObject<?, ?> o = m.object;
        int mask = 0;
        int irq = 0;
        if (o instanceof IrqBypassProducer p) {
          mask = (p.addConsumer() != null ? 1 : 0) | (p.delConsumer() != null ? 2 : 0);
          irq = p.irq();
        } else if (o instanceof IrqBypassConsumer c) {
          mask = (c.addProducer() != null ? 1 : 0) | (c.delProducer() != null ? 2 : 0);
        }
        mask |= (o.stop() != null ? 4 : 0) | (o.start() != null ? 8 : 0);
        send(String.format(Locale.ROOT, "S %d %d %x %d", m.id, mask, o.token(), irq));
      }
    }
  }

  /** Copies back what the manager set: {@code id:token:irq} from {@code f[from]} on. */
  private void applyFields(String[] f, int from) {
    try (Kernel.Scope q = kernel.kasanDisableCurrent()) {
      for (int i = from; i < f.length; i++) {
        String[] v = f[i].split(":");
        IrqBypassObject<?, ?> o = object(Integer.parseInt(v[0]));
        if (o == null || o.isFreed()) {
          continue;
        }
        boolean token = o instanceof IrqBypassProducer ? header.producerHas("TOKEN") : header.consumerHas("TOKEN");
        if (token) {
          o.setToken(Long.parseUnsignedLong(v[1], 16));
        }
        if (o instanceof IrqBypassProducer p && header.producerHas("IRQ")) {
          p.setIrq(Integer.parseInt(v[2]));
        }
      }
    }
  }

  // ------------------------------------------------------------------ the wire

  private void send(String line) {
    try {
      out.write(line.getBytes(StandardCharsets.US_ASCII));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the C host of " + file + " is gone", e);
    }
  }

  private String readLine() {
    try {
      ByteArrayOutputStream line = new ByteArrayOutputStream(64);
      for (int b; (b = in.read()) != '\n'; ) {
        if (b < 0) {
          return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        }
        line.write(b);
      }
      return line.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** The text after a "T length" or "X length" line. */
  private String readBlob(String head) {
    if (head == null) {
      throw died("the C process of this revision ended in the middle of a message");
    }
    int length = Integer.parseInt(head.substring(2).strip());
    try {
      return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw died("the C process of this revision ended in the middle of a message");
    }
  }

  /**
   * Powers off: the C process of this load ends when its socket closes; one still in a call
   * (powered off from another thread) is killed.
   */
  private void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // it is gone already
    }
    if (depth > 0) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Override
  public String toString() {
    return "C revision " + file + " (pid " + pid + ")";
  }
}
