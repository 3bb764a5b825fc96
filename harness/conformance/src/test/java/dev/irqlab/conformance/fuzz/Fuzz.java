package dev.irqlab.conformance.fuzz;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * How many inputs a fuzz test tries and from which seeds: input {@code i} of a run comes from
 * seed {@code first + i}, so one failing input is reproduced with {@code
 * -Dirqlab.fuzz.seed=SEED -Dirqlab.fuzz.inputs=1}. {@code -Dirqlab.fuzz.inputs=100000} runs a
 * larger search than the build's.
 */
public final class Fuzz {
  /** A line of a Java stack trace. */
  public static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at \\S");
  /** A Java exception's class name, as a stack trace or a careless message prints it. */
  public static final Pattern EXCEPTION_NAME = Pattern.compile("\\b(?:java\\.|javax\\.|com\\.fasterxml\\.)?[A-Za-z.]*(?:Exception|Error)\\b");

  private Fuzz() {}

  /** The seeds of this run: {@code irqlab.fuzz.inputs} of them (default {@code inputs}) from {@code irqlab.fuzz.seed} (default {@code first}). */
  public static LongStream seeds(long first, int inputs) {
    long from = Long.getLong("irqlab.fuzz.seed", first);
    int count = Integer.getInteger("irqlab.fuzz.inputs", inputs);
    return LongStream.range(from, from + count);
  }

  /** What a failure message shows of an input: the seed to reproduce it and the input itself, escaped. */
  public static String describe(long seed, String input) {
    return "seed " + seed + " (reproduce with -Dirqlab.fuzz.seed=" + seed + " -Dirqlab.fuzz.inputs=1), input:\n" + escape(input);
  }

  /** {@code text} with every character outside printable ASCII, except the line end, as a Java escape. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> {
      if (c == '\n' || (c >= 0x20 && c < 0x7f && c != '\\')) {
        out.append((char) c);
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      }
    });
    return out.toString();
  }

  /** A one-line message: no line end, no character that does not show (controls, format characters). */
  public static boolean oneVisibleLine(String message) {
    return message.codePoints().allMatch(c -> c == ' ' || switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
      default -> true;
    });
  }
}
