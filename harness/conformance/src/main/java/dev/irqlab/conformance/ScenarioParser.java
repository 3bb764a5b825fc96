package dev.irqlab.conformance;

import dev.irqlab.kernel.Errno;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text format of scenarios: one operation per line, {@code #} starts a comment, an
 * optional {@code label:} names a step. A {@code scenario ID} line and a {@code title ...} line
 * may come first. Every error names the file, line and column and what was expected.
 *
 * <pre>
 * # A consumer whose connect fails, then a producer with the same eventfd.
 * scenario connect-fails
 * title the consumer refuses the producer
 * eventfd efd0
 * consumer c0 add=-EBUSY
 * producer p0
 * register c0 efd0
 * connect: register p0 efd0     # the connect fails here
 * unregister p0
 * unregister c0
 * </pre>
 */
public final class ScenarioParser {
  private static final Pattern LABEL = Pattern.compile("([a-z][a-z0-9-]*):");
  private static final Pattern FIRE = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\.(msix|msi|vq)([0-9]+)");

  /** Every verb, with its arguments as the usage line of an error shows them. */
  static final Map<String, String> VERBS = new TreeMap<>(Map.ofEntries(
      Map.entry("producer", "producer NAME [add=ERRNO] [callbacks=all|none]"),
      Map.entry("consumer", "consumer NAME [add=ERRNO] [callbacks=all|required|none]"),
      Map.entry("script", "script NAME add=ERRNO"),
      Map.entry("eventfd", "eventfd NAME"),
      Map.entry("register", "register NAME EVENTFD|NULL"),
      Map.entry("unregister", "unregister NAME"),
      Map.entry("free", "free NAME"),
      Map.entry("fail", "fail kmalloc|try_module_get|irq_set_vcpu_affinity|off"),
      Map.entry("rmmod", "rmmod"),
      Map.entry("vm", "vm NAME [vcpus=N]"),
      Map.entry("vfio", "vfio NAME [msi=N] [msix=N]"),
      Map.entry("vdpa", "vdpa NAME [vqs=N]"),
      Map.entry("route", "route VM GSI vcpu=N vector=N"),
      Map.entry("unroute", "unroute VM GSI"),
      Map.entry("irqfd", "irqfd VM EVENTFD GSI [flags=no-irqbypass]"),
      Map.entry("deassign", "deassign VM EVENTFD GSI"),
      Map.entry("set-irqs", "set-irqs DEVICE msi|msix START EVENTFD|-..."),
      Map.entry("disable-irqs", "disable-irqs DEVICE msi|msix"),
      Map.entry("vring-call", "vring-call DEVICE VQ EVENTFD|-"),
      Map.entry("status", "status DEVICE driver-ok|reset"),
      Map.entry("fire", "fire DEVICE.msixN|DEVICE.msiN|DEVICE.vqN"),
      Map.entry("signal", "signal EVENTFD"),
      Map.entry("close", "close NAME")));

  private ScenarioParser() {}

  /** Reads {@code file}; the scenario id defaults to the file's name without its extension. */
  public static Scenario parse(Path file) throws IOException {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return parse(file.toString(), base.toLowerCase(Locale.ROOT), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Reads {@code text}, named {@code file} in errors. */
  public static Scenario parse(String file, String defaultId, String text) {
    String id = defaultId;
    String title = null;
    List<Step> steps = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      int hash = line.indexOf('#');
      String code = hash >= 0 ? line.substring(0, hash) : line;
      List<Word> words = words(code);
      if (words.isEmpty()) {
        continue;
      }
      String label = null;
      Matcher lm = LABEL.matcher(words.get(0).text);
      if (lm.matches()) {
        label = lm.group(1);
        words = words.subList(1, words.size());
        if (words.isEmpty()) {
          throw new ScenarioException(file, lineNo, code.length() + 1, "label '" + label + "' names nothing: expected an operation after it");
        }
      } else if (words.get(0).text.endsWith(":")) {
        throw new ScenarioException(file, lineNo, words.get(0).column,
            "bad label '" + words.get(0).text + "': expected lower-case letters, digits and '-', then ':'");
      }
      Word verb = words.get(0);
      if (verb.text.equals("scenario") || verb.text.equals("title")) {
        if (!steps.isEmpty()) {
          throw new ScenarioException(file, lineNo, verb.column, "'" + verb.text + "' after the first operation: expected it at the top");
        }
        if (verb.text.equals("scenario")) {
          need(file, lineNo, words, 2, 2, "scenario ID");
          id = words.get(1).text;
        } else {
          title = code.substring(code.indexOf("title") + 5).strip();
        }
        continue;
      }
      Op op = op(file, lineNo, words);
      steps.add(new Step(lineNo, label, op, words.stream().map(w -> w.column).toList()));
    }
    if (steps.isEmpty()) {
      throw new ScenarioException(file, Math.max(1, lines.length), 1, "no operations: expected at least one line such as 'eventfd efd0'");
    }
    return new Scenario(id, title == null ? id : title, file, steps);
  }

  private record Word(String text, int column) {}

  private static List<Word> words(String code) {
    List<Word> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\S+").matcher(code);
    while (m.find()) {
      out.add(new Word(m.group(), m.start() + 1));
    }
    return out;
  }

  private static void need(String file, int line, List<Word> w, int min, int max, String usage) {
    if (w.size() < min) {
      int col = w.get(w.size() - 1).column + w.get(w.size() - 1).text.length() + 1;
      throw new ScenarioException(file, line, col, "missing argument: expected '" + usage + "'");
    }
    if (w.size() > max) {
      throw new ScenarioException(file, line, w.get(max).column, "unexpected '" + w.get(max).text + "': expected '" + usage + "'");
    }
  }

  private static Op op(String file, int line, List<Word> w) {
    String verb = w.get(0).text;
    String usage = VERBS.get(verb);
    if (usage == null) {
      throw new ScenarioException(file, line, w.get(0).column,
          "unknown operation '" + verb + "': expected one of " + String.join(", ", VERBS.keySet()));
    }
    Options o = new Options(file, line, w, usage);
    switch (verb) {
      case "producer" -> {
        o.positional(2);
        int add = o.errno("add", 0);
        String cb = o.choice("callbacks", "all", "all", "none");
        o.done();
        return new Op.NewProducer(w.get(1).text, add, cb.equals("all"));
      }
      case "consumer" -> {
        o.positional(2);
        int add = o.errno("add", 0);
        String cb = o.choice("callbacks", "all", "all", "required", "none");
        o.done();
        return new Op.NewConsumer(w.get(1).text, add, Op.Callbacks.valueOf(cb.toUpperCase(Locale.ROOT)));
      }
      case "script" -> {
        o.positional(2);
        if (!o.has("add")) {
          throw new ScenarioException(file, line, w.get(w.size() - 1).column + w.get(w.size() - 1).text.length() + 1,
              "missing add=ERRNO: expected '" + usage + "'");
        }
        int add = o.errno("add", 0);
        o.done();
        return new Op.Script(w.get(1).text, add);
      }
      case "eventfd", "unregister", "free", "signal", "close" -> {
        need(file, line, w, 2, 2, usage);
        String n = w.get(1).text;
        return switch (verb) {
          case "eventfd" -> new Op.Eventfd(n);
          case "unregister" -> new Op.Unregister(n);
          case "free" -> new Op.Free(n);
          case "signal" -> new Op.Signal(n);
          default -> new Op.Close(n);
        };
      }
      case "register" -> {
        need(file, line, w, 3, 3, usage);
        return new Op.Register(w.get(1).text, w.get(2).text);
      }
      case "fail" -> {
        need(file, line, w, 2, 2, usage);
        String what = w.get(1).text;
        if (!List.of("kmalloc", "try_module_get", "irq_set_vcpu_affinity", "off").contains(what)) {
          throw new ScenarioException(file, line, w.get(1).column,
              "unknown fault '" + what + "': expected kmalloc, try_module_get, irq_set_vcpu_affinity or off");
        }
        return new Op.Fail(what);
      }
      case "rmmod" -> {
        need(file, line, w, 1, 1, usage);
        return new Op.Rmmod();
      }
      case "vm" -> {
        o.positional(2);
        int vcpus = o.number("vcpus", 2, 1, 64);
        o.done();
        return new Op.Vm(w.get(1).text, vcpus);
      }
      case "vfio" -> {
        o.positional(2);
        int msi = o.number("msi", 1, 0, 32);
        int msix = o.number("msix", 4, 0, 2048);
        o.done();
        return new Op.Vfio(w.get(1).text, msi, msix);
      }
      case "vdpa" -> {
        o.positional(2);
        int vqs = o.number("vqs", 2, 1, 64);
        o.done();
        return new Op.Vdpa(w.get(1).text, vqs);
      }
      case "route" -> {
        o.positional(3);
        int gsi = number(file, line, w.get(2), 0, 4095);
        if (!o.has("vcpu") || !o.has("vector")) {
          throw new ScenarioException(file, line, w.get(w.size() - 1).column + w.get(w.size() - 1).text.length() + 1,
              "missing vcpu= or vector=: expected '" + usage + "'");
        }
        int vcpu = o.number("vcpu", 0, 0, 63);
        int vector = o.number("vector", 0, 16, 255);
        o.done();
        return new Op.Route(w.get(1).text, gsi, vcpu, vector);
      }
      case "unroute" -> {
        need(file, line, w, 3, 3, usage);
        return new Op.Unroute(w.get(1).text, number(file, line, w.get(2), 0, 4095));
      }
      case "irqfd" -> {
        o.positional(4);
        boolean noIrqBypass = o.choice("flags", "", "no-irqbypass").equals("no-irqbypass");
        o.done();
        return new Op.Irqfd(w.get(1).text, w.get(2).text, number(file, line, w.get(3), 0, 4095), true, noIrqBypass);
      }
      case "deassign" -> {
        need(file, line, w, 4, 4, usage);
        return new Op.Irqfd(w.get(1).text, w.get(2).text, number(file, line, w.get(3), 0, 4095), false);
      }
      case "set-irqs" -> {
        need(file, line, w, 5, Integer.MAX_VALUE, usage);
        String index = index(file, line, w.get(2));
        int start = number(file, line, w.get(3), 0, 2047);
        return new Op.SetIrqs(w.get(1).text, index, start, w.subList(4, w.size()).stream().map(x -> x.text).toList());
      }
      case "disable-irqs" -> {
        need(file, line, w, 3, 3, usage);
        return new Op.DisableIrqs(w.get(1).text, index(file, line, w.get(2)));
      }
      case "vring-call" -> {
        need(file, line, w, 4, 4, usage);
        return new Op.VringCall(w.get(1).text, number(file, line, w.get(2), 0, 63), w.get(3).text);
      }
      case "status" -> {
        need(file, line, w, 3, 3, usage);
        String s = w.get(2).text;
        if (!s.equals("driver-ok") && !s.equals("reset")) {
          throw new ScenarioException(file, line, w.get(2).column, "unknown status '" + s + "': expected driver-ok or reset");
        }
        return new Op.Status(w.get(1).text, s.equals("driver-ok"));
      }
      case "fire" -> {
        need(file, line, w, 2, 2, usage);
        return fireOf(w.get(1).text, file, line, w.get(1).column);
      }
      default -> throw new IllegalStateException(verb);
    }
  }

  /** {@code vfio0.msix3} as a fire operation. */
  static Op.Fire fireOf(String source, String file, int line, int column) {
    Matcher m = FIRE.matcher(source);
    if (!m.matches()) {
      throw new ScenarioException(file, line, column, "bad interrupt source '" + source + "': expected DEVICE.msixN, DEVICE.msiN or DEVICE.vqN");
    }
    return new Op.Fire(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
  }

  private static String index(String file, int line, Word w) {
    if (!w.text.equals("msi") && !w.text.equals("msix")) {
      throw new ScenarioException(file, line, w.column, "unknown interrupt index '" + w.text + "': expected msi or msix");
    }
    return w.text;
  }

  private static int number(String file, int line, Word w, int min, int max) {
    int value;
    try {
      value = w.text.startsWith("0x") ? Integer.parseInt(w.text.substring(2), 16) : Integer.parseInt(w.text);
    } catch (NumberFormatException e) {
      throw new ScenarioException(file, line, w.column, "'" + w.text + "' is not a number: expected a number from " + min + " to " + max);
    }
    if (value < min || value > max) {
      throw new ScenarioException(file, line, w.column, value + " is out of range: expected a number from " + min + " to " + max);
    }
    return value;
  }

  /** The {@code key=value} options after a verb's positional arguments. */
  private static final class Options {
    private final String file;
    private final int line;
    private final List<Word> words;
    private final String usage;
    private final Map<String, Word> options = new TreeMap<>();
    private final List<String> used = new ArrayList<>();

    Options(String file, int line, List<Word> words, String usage) {
      this.file = file;
      this.line = line;
      this.words = words;
      this.usage = usage;
    }

    /** The first {@code count} words (verb included) are positional; the rest are options. */
    void positional(int count) {
      need(file, line, words.subList(0, Math.min(count, words.size())), count, count, usage);
      for (Word w : words.subList(count, words.size())) {
        int eq = w.text.indexOf('=');
        if (eq <= 0) {
          throw new ScenarioException(file, line, w.column, "unexpected '" + w.text + "': expected '" + usage + "'");
        }
        options.put(w.text.substring(0, eq), w);
      }
    }

    boolean has(String key) {
      return options.containsKey(key);
    }

    private String value(Word w) {
      return w.text.substring(w.text.indexOf('=') + 1);
    }

    int errno(String key, int dflt) {
      used.add(key);
      Word w = options.get(key);
      if (w == null) {
        return dflt;
      }
      try {
        return Errno.parse(value(w));
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(file, line, w.column + key.length() + 1,
            "'" + value(w) + "' is not an errno: expected 0 or a name such as -EBUSY");
      }
    }

    int number(String key, int dflt, int min, int max) {
      used.add(key);
      Word w = options.get(key);
      if (w == null) {
        return dflt;
      }
      return ScenarioParser.number(file, line, new Word(value(w), w.column + key.length() + 1), min, max);
    }

    String choice(String key, String dflt, String... allowed) {
      used.add(key);
      Word w = options.get(key);
      if (w == null) {
        return dflt;
      }
      String v = value(w);
      if (!List.of(allowed).contains(v)) {
        throw new ScenarioException(file, line, w.column + key.length() + 1,
            "'" + v + "' is not a choice of " + key + ": expected " + String.join(", ", allowed));
      }
      return v;
    }

    void done() {
      for (Map.Entry<String, Word> e : options.entrySet()) {
        if (!used.contains(e.getKey())) {
          throw new ScenarioException(file, line, e.getValue().column, "unknown option '" + e.getKey() + "': expected '" + usage + "'");
        }
      }
    }
  }
}
