package dev.irqlab.scaffold;

import java.util.List;

/**
 * A revision module the scaffold made.
 *
 * @param id the new revision's id, also its folder under revisions/
 * @param parent the revision it was copied from
 * @param packageName the package of its sources
 * @param created the files created, relative to the repository root, sorted
 * @param added the lines added to the files that list the revision modules
 * @param placeholders the text left for the user to write, in the order of {@code created}
 */
public record Scaffolded(String id, String parent, String packageName, List<String> created, List<Insertion> added,
    List<Placeholder> placeholders) {
  public Scaffolded {
    created = List.copyOf(created);
    added = List.copyOf(added);
    placeholders = List.copyOf(placeholders);
  }
}
