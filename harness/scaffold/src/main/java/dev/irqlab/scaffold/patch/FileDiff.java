package dev.irqlab.scaffold.patch;

import java.util.List;

/**
 * The members of one source file that differ between the two revisions.
 *
 * @param path the file's path under {@code src/main/java}, with {@code /} between folders
 * @param status whether the file is in both revisions, or only in one
 * @param changes the members that differ: by the order of the revision after, a removed member
 *     after the one it followed in the revision before
 */
public record FileDiff(String path, Status status, List<MemberChange> changes) {
  /** Whether the file is in both revisions, or only in one. */
  public enum Status {
    ADDED,
    REMOVED,
    MODIFIED
  }

  public FileDiff {
    changes = List.copyOf(changes);
  }

  /** The lines the diffs of this file add. */
  public int insertions() {
    return changes.stream().mapToInt(MemberChange::insertions).sum();
  }

  /** The lines the diffs of this file remove. */
  public int deletions() {
    return changes.stream().mapToInt(MemberChange::deletions).sum();
  }
}
