package dev.irqlab.conformance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places a trace's reports name: a Java port's method and line ({@code
 * IrqBypassManager.irqBypassRegisterProducer(IrqBypassManager.java:139)}) or a C revision's
 * function and line ({@code irq_bypass_register_producer(virt/lib/irqbypass.c:100)}). Between a
 * port and C they cannot agree, so a diff of the two compares the traces without them first.
 */
public final class Places {
  private static final Pattern PLACE = Pattern.compile("[\\w.$<>]+\\([\\w./-]+\\.(java|c):\\d+\\)");
  /** The function a KASAN headline names, which is the place's method or function. */
  private static final Pattern KASAN_FUNCTION = Pattern.compile("(BUG: KASAN: [\\w-]+ in )\\S+");

  private Places() {}

  /**
   * True when one trace names a place in C and the other none: a C revision against a port (the
   * drivers' places, in Java, are on both sides alike).
   */
  public static boolean ofOtherLanguages(List<String> a, List<String> b) {
    return namesC(a) != namesC(b);
  }

  private static boolean namesC(List<String> lines) {
    for (String line : lines) {
      Matcher m = PLACE.matcher(line);
      while (m.find()) {
        if (m.group(1).equals("c")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The lines with each place, and the function of a KASAN headline, masked. */
  public static List<String> masked(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(KASAN_FUNCTION.matcher(PLACE.matcher(line).replaceAll("<place>")).replaceAll("$1<function>"));
    }
    return out;
  }
}
