package dev.irqlab.conformance;

import dev.irqlab.devices.kvm.KvmIrqfd;
import dev.irqlab.devices.vdpa.VhostVirtqueue;
import dev.irqlab.devices.vfio.VfioPciIrqCtx;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Symbolic names for what a trace mentions, so that the traces of two revisions diff line by
 * line: {@code efd2} for an eventfd, {@code p0} for a scenario's producer, {@code vfio0.msix3}
 * for a VFIO vector's producer, {@code vdpa0.vq1} for a virtqueue's, {@code vm0.irqfd(efd2)} for
 * a KVM irqfd's consumer. A VM is created with its scenario name, so the model itself names it
 * as the scenario does, in interrupt lines ({@code vm0/vcpu1}) as in irqfd names. Kernel addresses and hashed pointers in log lines are replaced by the
 * name of what they point to, or by {@code <addr>}.
 */
final class Names {
  private static final Pattern ADDRESS = Pattern.compile("\\b(?:0x)?[0-9a-f]{16}\\b");

  private final Kernel kernel;
  private final Map<Long, String> byAddress = new HashMap<>();
  private final Map<String, String> vhostDevices = new HashMap<>();
  private final Map<String, String> hashed = new LinkedHashMap<>();

  Names(Kernel kernel) {
    this.kernel = kernel;
    byAddress.put(0L, "NULL");
  }

  /** Names the object at {@code object}'s address. */
  void name(KObject object, String name) {
    byAddress.put(object.address(), name);
    hashed.put(kernel.hashedPointer(object.address()), name);
  }

  /** The vhost-vdpa device {@code vhostName} ({@code vhost-vdpa-0}) is {@code name}. */
  void vhost(String vhostName, String name) {
    vhostDevices.put(vhostName, name);
  }

  /** The key a registry holds an object under: the name of the eventfd at that address. */
  String key(long key) {
    String name = byAddress.get(key);
    return name != null ? name : String.format(Locale.ROOT, "%016x", key);
  }

  /** The symbolic name of a struct, read with KASAN quiet (it may be freed). */
  String of(KObject object) {
    if (object == null) {
      return "NULL";
    }
    String known = byAddress.get(object.address());
    if (known != null) {
      return known;
    }
    try (Kernel.Scope quiet = kernel.kasanDisableCurrent()) {
      return derive(object);
    }
  }

  private String derive(KObject object) {
    KObject container = object.container();
    if (object instanceof IrqBypassProducer && container instanceof VfioPciIrqCtx ctx) {
      return ctx.name();
    }
    if (object instanceof IrqBypassProducer && container instanceof VhostVirtqueue vq) {
      return vhostName(vq.name());
    }
    if (object instanceof IrqBypassConsumer c && container instanceof KvmIrqfd) {
      KvmIrqfd irqfd = KvmIrqfd.of(c);
      EventfdCtx efd = irqfd.eventfd();
      return irqfd.kvm().name() + ".irqfd(" + (efd == null ? "NULL" : of(efd)) + ")";
    }
    if (object instanceof EventfdCtx) {
      return object.name() == null ? "eventfd@" + key(object.address()) : object.name();
    }
    return object.toString();
  }

  private String vhostName(String name) {
    int dot = name.indexOf('.');
    String dev = dot < 0 ? name : name.substring(0, dot);
    String mapped = vhostDevices.get(dev);
    return mapped == null ? name : mapped + name.substring(dev.length());
  }

  /** A log line with hashed pointers and raw addresses replaced by names. */
  String scrub(String line) {
    String out = line;
    for (Map.Entry<String, String> h : hashed.entrySet()) {
      out = out.replace(h.getKey(), h.getValue());
    }
    for (Map.Entry<String, String> d : vhostDevices.entrySet()) {
      out = out.replace(d.getKey(), d.getValue());
    }
    Matcher m = ADDRESS.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String hex = m.group().startsWith("0x") ? m.group().substring(2) : m.group();
      String name = byAddress.get(Long.parseUnsignedLong(hex, 16));
      m.appendReplacement(sb, Matcher.quoteReplacement(name != null ? name : "<addr>"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Scrubs each line. */
  List<String> scrub(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    lines.forEach(l -> out.add(scrub(l)));
    return out;
  }
}
