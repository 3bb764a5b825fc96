package dev.irqlab.scaffold.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The diffstat of the patch, as {@code git diff --stat} draws it. */
final class Diffstat {
  private Diffstat() {}

  /**
   * One line a file, {@code  IrqBypassManager.java | 120 ++++----}, the bars scaled to fit
   * {@code width}, then the totals: {@code  3 files changed, 80 insertions(+), 70 deletions(-)}.
   */
  static List<String> of(List<FileDiff> files, int width) {
    int nameWidth = files.stream().mapToInt(f -> f.path().length()).max().orElse(0);
    int most = files.stream().mapToInt(f -> f.insertions() + f.deletions()).max().orElse(0);
    int numberWidth = Integer.toString(most).length();
    int bar = Math.max(10, width - (1 + nameWidth + 3 + numberWidth + 1));
    List<String> out = new ArrayList<>();
    for (FileDiff f : files) {
      int plus = scale(f.insertions(), bar, most);
      int minus = scale(f.deletions(), bar, most);
      if (plus + minus > bar) {
        if (plus > minus) {
          plus = bar - minus;
        } else {
          minus = bar - plus;
        }
      }
      out.add(String.format(Locale.ROOT, " %-" + nameWidth + "s | %" + numberWidth + "d %s%s", f.path(),
          f.insertions() + f.deletions(), "+".repeat(plus), "-".repeat(minus)).stripTrailing());
    }
    int insertions = files.stream().mapToInt(FileDiff::insertions).sum();
    int deletions = files.stream().mapToInt(FileDiff::deletions).sum();
    StringBuilder total = new StringBuilder(" " + count(files.size(), "file") + " changed");
    if (insertions > 0) {
      total.append(", ").append(count(insertions, "insertion")).append("(+)");
    }
    if (deletions > 0) {
      total.append(", ").append(count(deletions, "deletion")).append("(-)");
    }
    out.add(total.toString());
    return out;
  }

  /** {@code n} of {@code most} on a bar {@code bar} wide: as is when it fits, else in proportion, at least 1. */
  private static int scale(int n, int bar, int most) {
    if (most <= bar || n == 0) {
      return n;
    }
    return Math.max(1, (int) Math.round((double) n * bar / most));
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
