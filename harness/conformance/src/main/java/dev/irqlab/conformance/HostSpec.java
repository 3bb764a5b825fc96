package dev.irqlab.conformance;

import dev.irqlab.conformance.ScenarioArgs.Word;
import dev.irqlab.conformance.io.Quote;
import dev.irqlab.devices.HostSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Host settings as text: the {@code host KEY=VALUE...} line of a scenario, and the {@code
 * KEY=VALUE[,KEY=VALUE...]} of {@code ./irqlab run --host}. The keys and values are {@link
 * HostSettings#with}'s; a key may be given once.
 */
public final class HostSpec {
  /** The usage line of a scenario's host line. */
  static final String USAGE = "host KEY=VALUE... (" + String.join(", ", HostSettings.KEYS) + ")";

  private HostSpec() {}

  /**
   * {@code base} with the settings of a scenario's host line ({@code words}, the verb first).
   *
   * @throws ScenarioException at the word that is not a setting
   */
  static HostSettings apply(String file, int line, List<Word> words, HostSettings base) {
    if (words.size() < 2) {
      throw new ScenarioException(file, line, words.get(0).end() + 1, "missing setting: expected '" + USAGE + "'");
    }
    HostSettings out = base;
    Set<String> seen = new HashSet<>();
    for (Word w : words.subList(1, words.size())) {
      int eq = w.text().indexOf('=');
      if (eq <= 0) {
        throw new ScenarioException(file, line, w.column(), "unexpected " + Quote.of(w.text()) + ": expected '" + USAGE + "'");
      }
      String key = w.text().substring(0, eq);
      String value = w.text().substring(eq + 1);
      if (!HostSettings.KEYS.contains(canonical(key))) {
        throw new ScenarioException(file, line, w.column(), "unknown host setting " + Quote.of(key) + ": expected one of "
            + String.join(", ", HostSettings.KEYS));
      }
      if (!seen.add(canonical(key))) {
        throw new ScenarioException(file, line, w.column(), "host setting " + Quote.of(key) + " given twice: expected it once");
      }
      try {
        out = out.with(key, value);
      } catch (HostSettings.BadValue e) {
        throw new ScenarioException(file, line, w.column() + eq + 1, message(e));
      }
    }
    return out;
  }

  /**
   * {@code base} with {@code spec}, {@code KEY=VALUE[,KEY=VALUE...]}, applied over it.
   *
   * @throws IllegalArgumentException with one line that names what was expected
   */
  public static HostSettings parse(String spec, HostSettings base) {
    HostSettings out = base;
    List<String> seen = new ArrayList<>();
    for (String item : spec.split(",", -1)) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(Quote.of(item) + " is not a host setting: expected KEY=VALUE with KEY one of "
            + String.join(", ", HostSettings.KEYS));
      }
      String key = item.substring(0, eq);
      if (!HostSettings.KEYS.contains(canonical(key))) {
        throw new IllegalArgumentException("unknown host setting " + Quote.of(key) + ": expected " + String.join(", ", HostSettings.KEYS));
      }
      if (seen.contains(canonical(key))) {
        throw new IllegalArgumentException("host setting " + Quote.of(key) + " given twice: expected it once");
      }
      seen.add(canonical(key));
      try {
        out = out.with(key, item.substring(eq + 1));
      } catch (HostSettings.BadValue e) {
        throw new IllegalArgumentException(message(e), e);
      }
    }
    return out;
  }

  /** {@code 'arm6' is not a value of arch: expected x86 or arm64}, the value quoted so that it shows. */
  private static String message(HostSettings.BadValue e) {
    return Quote.of(e.value()) + " is not a value of " + e.key() + ": expected " + e.expected();
  }

  private static String canonical(String key) {
    return "enable_apicv".equals(key) ? "apicv" : key;
  }
}
