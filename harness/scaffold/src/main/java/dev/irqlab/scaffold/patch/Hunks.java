package dev.irqlab.scaffold.patch;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The unified diff of two snippets, its hunks numbered by the lines of the files they come from
 * and headed, as git heads a hunk with its function, by the member they belong to.
 */
final class Hunks {
  /** Lines of context around a change, as {@code diff -u}. */
  static final int CONTEXT = 3;

  private Hunks() {}

  /**
   * The hunks turning {@code a} into {@code b}: {@code @@ -72,31 +72,45 @@ label} lines, each
   * followed by its context, {@code -} and {@code +} lines; empty when they are the same.
   */
  static List<String> of(Snippet a, Snippet b, String label) {
    List<AbstractDelta<String>> deltas = DiffUtils.diff(a.lines(), b.lines()).getDeltas();
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < deltas.size()) {
      int j = i;
      while (j + 1 < deltas.size()
          && deltas.get(j + 1).getSource().getPosition() - end(deltas.get(j)) <= 2 * CONTEXT) {
        j++;
      }
      hunk(a, b, deltas.subList(i, j + 1), label, out);
      i = j + 1;
    }
    return out;
  }

  /**
   * A hunk's header line: the ranges, then the member's label as the context (as git shows the
   * function), within {@link TextPatch#WIDTH} columns: when the label's parameter types do not
   * fit they show as {@code (...)}, and when the name alone does not fit there is none.
   */
  static String header(String ranges, String label) {
    String full = ranges + " " + label;
    int open = label.indexOf('(');
    String shorter = open < 0 ? full : ranges + " " + label.substring(0, open) + "(...)";
    if (full.length() <= TextPatch.WIDTH) {
      return full;
    }
    return shorter.length() <= TextPatch.WIDTH ? shorter : ranges;
  }

  /** One hunk: the deltas {@code group}, close enough to share their context. */
  private static void hunk(Snippet a, Snippet b, List<AbstractDelta<String>> group, String label, List<String> out) {
    AbstractDelta<String> first = group.get(0);
    AbstractDelta<String> last = group.get(group.size() - 1);
    int from = Math.max(0, first.getSource().getPosition() - CONTEXT);
    int to = Math.min(a.lines().size(), end(last) + CONTEXT);
    int fromB = first.getTarget().getPosition() - (first.getSource().getPosition() - from);
    int sizeB = (to - from) + group.stream().mapToInt(d -> d.getTarget().size() - d.getSource().size()).sum();
    out.add(header("@@ -" + range(a.begin() + from, to - from) + " +" + range(b.begin() + fromB, sizeB) + " @@", label));
    int at = from;
    for (AbstractDelta<String> d : group) {
      for (; at < d.getSource().getPosition(); at++) {
        out.add(" " + a.lines().get(at));
      }
      d.getSource().getLines().forEach(l -> out.add("-" + l));
      d.getTarget().getLines().forEach(l -> out.add("+" + l));
      at = end(d);
    }
    for (; at < to; at++) {
      out.add(" " + a.lines().get(at));
    }
  }

  /** The index just after the source lines of {@code d}. */
  private static int end(AbstractDelta<String> d) {
    return d.getSource().getPosition() + d.getSource().size();
  }

  /** {@code start,count} as {@code diff -u} writes it: an empty range names the line before it. */
  private static String range(int start, int count) {
    if (count == 1) {
      return Integer.toString(start);
    }
    return String.format(Locale.ROOT, "%d,%d", count == 0 ? start - 1 : start, count);
  }
}
