package dev.irqlab.scaffold.patch;

import java.util.List;

/**
 * One member that differs between the two revisions, with its diff.
 *
 * @param change added, removed, changed or comments only
 * @param kind what the member is
 * @param topClass the top-level class it is in (named as in the revision after, unless it was
 *     removed), or "" for the package declaration and imports
 * @param label how the output names it: {@code IrqBypassManager.connect(IrqBypassProducer,
 *     IrqBypassConsumer)}
 * @param fromLine its first line in the revision before, or 0 if added
 * @param toLine its first line in the revision after, or 0 if removed
 * @param diff its unified diff: hunk headers ({@code @@ -72,31 +72,45 @@ label}) and lines
 */
public record MemberChange(Change change, MemberKind kind, String topClass, String label, int fromLine, int toLine,
    List<String> diff) {
  public MemberChange {
    diff = List.copyOf(diff);
  }

  /** The lines the diff adds. */
  public int insertions() {
    return (int) diff.stream().filter(l -> l.startsWith("+")).count();
  }

  /** The lines the diff removes. */
  public int deletions() {
    return (int) diff.stream().filter(l -> l.startsWith("-")).count();
  }
}
