package dev.irqlab.conformance;

import dev.irqlab.conformance.io.Quote;
import dev.irqlab.kernel.Errno;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of one line of a scenario and what they may hold: numbers within a range, errno
 * names, choices, and the {@code key=value} options after a verb's positional arguments. Every
 * mistake is a {@link ScenarioException} at the word's line and column.
 */
final class ScenarioArgs {
  private static final Pattern NUMBER = Pattern.compile("(-?)(?:0[xX]([0-9a-fA-F]+)|([0-9]+))");
  private static final Pattern ERRNO = Pattern.compile("0|-[0-9]{1,4}|-[A-Za-z][A-Za-z0-9]*");

  /** A word of a line and its column, from 1. */
  record Word(String text, int column) {
    /** The column just past the word. */
    int end() {
      return column + text.length();
    }
  }

  private final String file;
  private final int line;
  private final List<Word> words;
  private final String usage;
  private final Map<String, Word> options = new TreeMap<>();
  private final List<String> used = new ArrayList<>();

  ScenarioArgs(String file, int line, List<Word> words, String usage) {
    this.file = file;
    this.line = line;
    this.words = words;
    this.usage = usage;
  }

  String file() {
    return file;
  }

  int line() {
    return line;
  }

  /** The text of word {@code i} (0 is the verb). */
  String text(int i) {
    return words.get(i).text;
  }

  Word word(int i) {
    return words.get(i);
  }

  int size() {
    return words.size();
  }

  ScenarioException error(Word w, String message) {
    return error(w.column, message);
  }

  ScenarioException error(int column, String message) {
    return new ScenarioException(file, line, column, message);
  }

  /** Between {@code min} and {@code max} words, verb included. */
  void need(int min, int max) {
    if (words.size() < min) {
      throw error(words.get(words.size() - 1).end() + 1, "missing argument: expected '" + usage + "'");
    }
    if (words.size() > max) {
      throw unexpected(words.get(max));
    }
  }

  private ScenarioException unexpected(Word w) {
    return error(w, "unexpected " + Quote.of(w.text) + ": expected '" + usage + "'");
  }

  /** The first {@code count} words (verb included) are positional; the rest are options. */
  void positional(int count) {
    if (words.size() < count) {
      need(count, count);
    }
    for (Word w : words.subList(count, words.size())) {
      int eq = w.text.indexOf('=');
      if (eq <= 0) {
        throw unexpected(w);
      }
      String key = w.text.substring(0, eq);
      if (options.put(key, w) != null) {
        throw error(w, "option " + Quote.of(key) + " given twice: expected it once");
      }
    }
  }

  boolean has(String key) {
    return options.containsKey(key);
  }

  /** The column just past the last word, where a missing option would go. */
  int endColumn() {
    return words.get(words.size() - 1).end() + 1;
  }

  private static String value(Word w) {
    return w.text.substring(w.text.indexOf('=') + 1);
  }

  private static int valueColumn(Word w) {
    return w.column + w.text.indexOf('=') + 1;
  }

  /** Option {@code key}: 0, {@code -EBUSY} or a negative number down to -4095; {@code dflt} when absent. */
  int errno(String key, int dflt) {
    used.add(key);
    Word w = options.get(key);
    if (w == null) {
      return dflt;
    }
    String v = value(w);
    if (ERRNO.matcher(v).matches()) {
      try {
        return Errno.parse(v);
      } catch (IllegalArgumentException e) {
        // an unknown name: said below
      }
    }
    throw error(valueColumn(w), Quote.of(v) + " is not an errno: expected 0 or a name such as -EBUSY");
  }

  /** Option {@code key} as a number from {@code min} to {@code max}; {@code dflt} when absent. */
  int number(String key, int dflt, int min, int max) {
    used.add(key);
    Word w = options.get(key);
    return w == null ? dflt : number(file, line, new Word(value(w), valueColumn(w)), min, max, "a number");
  }

  /** Word {@code i} as a number from {@code min} to {@code max}. */
  int number(int i, int min, int max) {
    return number(file, line, words.get(i), min, max, "a number");
  }

  /** Option {@code key}, one of {@code allowed}; {@code dflt} when absent. */
  String choice(String key, String dflt, String... allowed) {
    used.add(key);
    Word w = options.get(key);
    if (w == null) {
      return dflt;
    }
    String v = value(w);
    if (!List.of(allowed).contains(v)) {
      throw error(valueColumn(w), Quote.of(v) + " is not a choice of " + key + ": expected " + String.join(", ", allowed));
    }
    return v;
  }

  /**
   * Option {@code key} as written: its value and the value's column, or null when absent; the
   * caller checks the value.
   */
  Word option(String key) {
    used.add(key);
    Word w = options.get(key);
    return w == null ? null : new Word(value(w), valueColumn(w));
  }

  /** Every option was read by the operation. */
  void done() {
    for (Map.Entry<String, Word> e : options.entrySet()) {
      if (!used.contains(e.getKey())) {
        throw error(e.getValue(), "unknown option " + Quote.of(e.getKey()) + ": expected '" + usage + "'");
      }
    }
  }

  /**
   * {@code w} as a decimal or {@code 0x} hexadecimal number from {@code min} to {@code max}, in
   * ASCII digits; {@code what} names it in the message ({@code "a number"}, {@code "a vector"}).
   */
  static int number(String file, int line, Word w, int min, int max, String what) {
    String range = "expected " + what + " from " + min + " to " + max;
    Matcher m = NUMBER.matcher(w.text);
    if (!m.matches()) {
      throw new ScenarioException(file, line, w.column, Quote.of(w.text) + " is not a number: " + range);
    }
    String digits = m.group(2) != null ? m.group(2) : m.group(3);
    BigInteger value = digits.length() > 12 ? null : new BigInteger(digits, m.group(2) != null ? 16 : 10);
    if (value != null && !m.group(1).isEmpty()) {
      value = value.negate();
    }
    if (value == null || value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new ScenarioException(file, line, w.column, Quote.of(w.text) + " is out of range: " + range);
    }
    return value.intValueExact();
  }
}
