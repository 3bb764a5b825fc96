package dev.irqlab.bench;

import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The revisions a benchmark runs on: every revision on the class path, in history order, as the
 * conformance matrix has them, or those a user names.
 */
public final class Revisions {
  private Revisions() {}

  /** Every revision the {@link RevisionLoader} finds, in history order. */
  public static List<LoadedRevision> all() {
    return RevisionLoader.load();
  }

  /**
   * The revisions named in {@code ids}, in history order; every revision when {@code ids} is
   * empty.
   *
   * @throws IllegalArgumentException for an id no revision has, naming the ids there are
   */
  public static List<LoadedRevision> select(List<String> ids) {
    List<LoadedRevision> all = all();
    if (ids == null || ids.isEmpty()) {
      return all;
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
