package dev.irqlab.bench;

import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The revisions a benchmark runs on: by default every design on the class path, in history
 * order, a patch series counted once by its last patch (its earlier patches are the same design
 * on the way there, and each list one costs minutes in a stress); or those a user names.
 */
public final class Revisions {
  private Revisions() {}

  /** Every revision the {@link RevisionLoader} finds, in history order. */
  public static List<LoadedRevision> all() {
    return RevisionLoader.load();
  }

  /**
   * Every revision but the patches of a series before its last, in history order: what a
   * benchmark runs when no revision is named.
   */
  public static List<LoadedRevision> designs() {
    return all().stream()
        .filter(r -> r.info().series() == null || r.info().series().patch() == r.info().series().of())
        .toList();
  }

  /**
   * The revisions named in {@code ids}, in history order; {@link #designs()} when {@code ids} is
   * empty.
   *
   * @throws IllegalArgumentException for an id no revision has, naming the ids there are
   */
  public static List<LoadedRevision> select(List<String> ids) {
    List<LoadedRevision> all = all();
    if (ids == null || ids.isEmpty()) {
      return designs();
    }
    List<String> known = all.stream().map(LoadedRevision::id).toList();
    List<String> unknown = new ArrayList<>(ids);
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("no revision " + String.join(", ", unknown) + " on the class path; there are " + String.join(", ", known));
    }
    return all.stream().filter(r -> ids.contains(r.id())).toList();
  }

  /** The revision with {@code id}. */
  public static LoadedRevision byId(String id) {
    return select(List.of(id)).get(0);
  }
}
