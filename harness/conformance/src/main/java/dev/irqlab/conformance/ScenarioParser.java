package dev.irqlab.conformance;

import dev.irqlab.conformance.ScenarioArgs.Word;
import dev.irqlab.conformance.io.Quote;
import dev.irqlab.conformance.io.TextFile;
import dev.irqlab.devices.HostSettings;
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
 * optional {@code label:} names a step. A {@code scenario ID} line, a {@code title ...} line and
 * {@code host KEY=VALUE...} lines ({@link HostSpec}) may come first. Every error names the file, line and column and what was expected. A file is
 * UTF-8; a leading byte order mark is dropped.
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
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  /** The largest scenario file read: far more than any scenario needs. */
  public static final long MAX_BYTES = 1 << 20;

  /** Every verb, with its arguments as the usage line of an error shows them. */
  static final Map<String, String> VERBS = new TreeMap<>(Map.ofEntries(
      Map.entry("producer", "producer NAME [add=ERRNO] [callbacks=all|none]"),
      Map.entry("consumer", "consumer NAME [add=ERRNO] [callbacks=all|required|none]"),
      Map.entry("script", "script NAME add=ERRNO"),
      Map.entry("eventfd", "eventfd NAME"),
      Map.entry("register", "register NAME EVENTFD|NULL"),
      Map.entry("unregister", "unregister NAME"),
      Map.entry("free", "free NAME"),
      Map.entry("fail", "fail off|POINT [nth=N] [times=K] [in=FUNCTION]"),
      Map.entry("rmmod", "rmmod"),
      Map.entry("vm", "vm NAME [vcpus=N]"),
      Map.entry("vfio", "vfio NAME [msi=N] [msix=N]"),
      Map.entry("vdpa", "vdpa NAME [vqs=N]"),
      Map.entry("route", "route VM GSI vcpu=N vector=N | vcpus=N,N... vector=N [delivery=fixed|lowest-priority]"
          + " | irqchip=ioapic|pic-master|pic-slave pin=N"),
      Map.entry("unroute", "unroute VM GSI"),
      Map.entry("irqfd", "irqfd VM EVENTFD GSI [flags=no-irqbypass|resample=EVENTFD]"),
      Map.entry("deassign", "deassign VM EVENTFD GSI"),
      Map.entry("kvm-vfio", "kvm-vfio VM DEVICE"),
      Map.entry("kvm-vfio-del", "kvm-vfio-del VM DEVICE"),
      Map.entry("set-irqs", "set-irqs DEVICE msi|msix START EVENTFD|-... or set-irqs DEVICE intx|intx-unmask EVENTFD|-"),
      Map.entry("disable-irqs", "disable-irqs DEVICE msi|msix|intx"),
      Map.entry("trigger", "trigger DEVICE msi|msix N [bool=0|1] or trigger DEVICE intx [bool=0|1]"),
      Map.entry("eoi", "eoi VM GSI"),
      Map.entry("read", "read EVENTFD"),
      Map.entry("poll", "poll EVENTFD"),
      Map.entry("vring-call", "vring-call DEVICE VQ EVENTFD|-"),
      Map.entry("status", "status DEVICE driver-ok|reset"),
      Map.entry("fire", "fire DEVICE.msixN|DEVICE.msiN|DEVICE.intx|DEVICE.vqN"),
      Map.entry("signal", "signal EVENTFD"),
      Map.entry("close", "close NAME")));

  private ScenarioParser() {}

  /**
   * Reads {@code file}; the scenario id defaults to the file's name without its extension.
   *
   * @throws dev.irqlab.conformance.io.TextFileException when it is not a readable UTF-8 file
   * @throws ScenarioException when it is not a scenario
   */
  public static Scenario parse(Path file) {
    String text = TextFile.read(file, "a scenario file", MAX_BYTES);
    return parse(file.toString(), defaultId(file), text);
  }

  /** The file's name without its extension, made a scenario id: {@code My Test.irq} is {@code my-test}. */
  static String defaultId(Path file) {
    Path last = file.getFileName();
    String name = last == null ? "" : last.toString();
    int dot = name.lastIndexOf('.');
    String base = (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    String id = base.replaceAll("[^a-z0-9.-]+", "-").replaceAll("^[.-]+", "");
    return id.isEmpty() ? "scenario" : id;
  }

  /** {@code vfio0.msix3} as a fire operation, for a scenario built in Java. */
  static Op.Fire fireOf(String source, String file, int line, int column) {
    return ScenarioOps.fireOf(source, file, line, column);
  }

  /** Reads {@code text}, named {@code file} in errors. */
  public static Scenario parse(String file, String defaultId, String text) {
    String id = defaultId;
    String title = null;
    HostSettings host = HostSettings.defaults();
    List<Step> steps = new ArrayList<>();
    String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      int hash = line.indexOf('#');
      String code = hash >= 0 ? line.substring(0, hash) : line;
      List<Word> words = words(code);
      if (words.isEmpty()) {
        continue;
      }
      String label = label(file, lineNo, words.get(0), code);
      if (label != null) {
        words = words.subList(1, words.size());
      }
      Word verb = words.get(0);
      if (verb.text().equals("scenario") || verb.text().equals("title") || verb.text().equals("host")) {
        if (!steps.isEmpty()) {
          throw new ScenarioException(file, lineNo, verb.column(), "'" + verb.text() + "' after the first operation: expected it at the top");
        }
        if (verb.text().equals("scenario")) {
          id = id(file, lineNo, words);
        } else if (verb.text().equals("host")) {
          host = HostSpec.apply(file, lineNo, words, host);
        } else {
          title = code.substring(verb.end() - 1).strip();
        }
        continue;
      }
      Op op = ScenarioOps.op(new ScenarioArgs(file, lineNo, words, VERBS.get(verb.text())));
      steps.add(new Step(lineNo, label, op, words.stream().map(Word::column).toList()));
    }
    if (steps.isEmpty()) {
      throw new ScenarioException(file, Math.max(1, lines.length), 1, "no operations: expected at least one line such as 'eventfd efd0'");
    }
    return new Scenario(id, title == null ? id : title, file, steps, host);
  }

  /** The label {@code first} names, or null when it is not one. */
  private static String label(String file, int line, Word first, String code) {
    Matcher lm = LABEL.matcher(first.text());
    if (lm.matches()) {
      if (words(code).size() == 1) {
        throw new ScenarioException(file, line, first.end(), "label '" + lm.group(1) + "' names nothing: expected an operation after it");
      }
      return lm.group(1);
    }
    if (first.text().endsWith(":")) {
      throw new ScenarioException(file, line, first.column(),
          "bad label " + Quote.of(first.text()) + ": expected lower-case letters, digits and '-', then ':'");
    }
    return null;
  }

  private static String id(String file, int line, List<Word> words) {
    new ScenarioArgs(file, line, words, "scenario ID").need(2, 2);
    Word w = words.get(1);
    if (!ID.matcher(w.text()).matches()) {
      throw new ScenarioException(file, line, w.column(),
          "bad scenario id " + Quote.of(w.text()) + ": expected lower-case letters, digits, '.' and '-'");
    }
    return w.text();
  }

  private static List<Word> words(String code) {
    List<Word> out = new ArrayList<>();
    Matcher m = WORD.matcher(code);
    while (m.find()) {
      out.add(new Word(m.group(), m.start() + 1));
    }
    return out;
  }
}
