package dev.irqlab.spi;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the revisions on the class path through {@link ServiceLoader} and puts them in history
 * order: a parent before its children, and among revisions whose parents are placed, the
 * earlier date first (then the id). A new module on the class path joins with no edit here.
 *
 * <p>Fails loudly ({@link RevisionLoadException}) on two modules with one id, on a parent no
 * module provides, and on a cycle.
 */
public final class RevisionLoader {
  private RevisionLoader() {}

  /** The revisions visible to {@code loader}, in history order. */
  public static List<LoadedRevision> load(ClassLoader loader) {
    List<LoadedRevision> found = new ArrayList<>();
    try {
      for (Revision r : ServiceLoader.load(Revision.class, loader)) {
        found.add(new LoadedRevision(r, r.info(), sourceOf(r.getClass())));
      }
    } catch (ServiceConfigurationError e) {
      throw new RevisionLoadException("a revision module could not be loaded: " + e.getMessage(), e);
    }
    return inHistoryOrder(found);
  }

  /** The revisions visible to this class's loader, in history order. */
  public static List<LoadedRevision> load() {
    return load(RevisionLoader.class.getClassLoader());
  }

  /**
   * The revision a {@link RevisionFactory} on the class path makes from {@code id}, or empty
   * when no factory knows the id's kind.
   *
   * @throws IllegalArgumentException from the factory, when the id names nothing usable
   */
  public static java.util.Optional<Revision> resolve(String id) {
    for (RevisionFactory f : ServiceLoader.load(RevisionFactory.class, RevisionLoader.class.getClassLoader())) {
      java.util.Optional<Revision> r = f.resolve(id);
      if (r.isPresent()) {
        return r;
      }
    }
    return java.util.Optional.empty();
  }

  /** Puts found revisions in history order, checking ids and parents. */
  public static List<LoadedRevision> inHistoryOrder(List<LoadedRevision> found) {
    Map<String, LoadedRevision> byId = new LinkedHashMap<>();
    for (LoadedRevision r : found) {
      LoadedRevision other = byId.putIfAbsent(r.id(), r);
      if (other != null) {
        throw new RevisionLoadException(
            "two modules provide revision '" + r.id() + "': " + describe(other) + " and " + describe(r));
      }
    }
    Map<String, LoadedRevision> aliased = new HashMap<>();
    for (LoadedRevision r : found) {
      for (String alias : r.info().aliases()) {
        LoadedRevision other = byId.get(alias);
        if (other != null) {
          throw new RevisionLoadException("revision '" + r.id() + "' (" + describe(r) + ") takes the alias '" + alias
              + "', which is the id of " + describe(other));
        }
        other = aliased.putIfAbsent(alias, r);
        if (other != null) {
          throw new RevisionLoadException("revisions '" + other.id() + "' and '" + r.id() + "' both take the alias '" + alias + "'");
        }
      }
    }
    checkSeries(byId);
    Map<String, List<LoadedRevision>> children = new HashMap<>();
    Comparator<LoadedRevision> byDate =
        Comparator.comparing((LoadedRevision r) -> r.info().date()).thenComparing(LoadedRevision::id);
    PriorityQueue<LoadedRevision> ready = new PriorityQueue<>(byDate);
    for (LoadedRevision r : byId.values()) {
      String parent = r.info().parent();
      if (parent == null) {
        ready.add(r);
      } else if (!byId.containsKey(parent)) {
        throw new RevisionLoadException(
            "revision '" + r.id() + "' (" + describe(r) + ") names parent '" + parent + "', which no module on the class path provides");
      } else {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r);
      }
    }
    List<LoadedRevision> ordered = new ArrayList<>(byId.size());
    while (!ready.isEmpty()) {
      LoadedRevision r = ready.poll();
      ordered.add(r);
      ready.addAll(children.getOrDefault(r.id(), List.of()));
    }
    if (ordered.size() != byId.size()) {
      List<String> stuck = byId.keySet().stream().filter(id -> ordered.stream().noneMatch(o -> o.id().equals(id))).sorted().toList();
      throw new RevisionLoadException("the parents of these revisions form a cycle: " + String.join(", ", stuck));
    }
    return List.copyOf(ordered);
  }

  /**
   * A series' patches agree on its cover letter and length, no two take the same number, and
   * each patch after the first names the one before it as its parent.
   */
  private static void checkSeries(Map<String, LoadedRevision> byId) {
    Map<String, Map<Integer, LoadedRevision>> series = new HashMap<>();
    for (LoadedRevision r : byId.values()) {
      Series s = r.info().series();
      if (s == null) {
        continue;
      }
      Map<Integer, LoadedRevision> patches = series.computeIfAbsent(s.name(), k -> new HashMap<>());
      for (LoadedRevision o : patches.values()) {
        Series t = o.info().series();
        if (!t.cover().equals(s.cover()) || t.of() != s.of()) {
          throw new RevisionLoadException("revisions '" + o.id() + "' and '" + r.id() + "' disagree on series " + s.name()
              + ": '" + t.cover() + "' in " + t.of() + " patches, and '" + s.cover() + "' in " + s.of());
        }
      }
      LoadedRevision other = patches.putIfAbsent(s.patch(), r);
      if (other != null) {
        throw new RevisionLoadException("revisions '" + other.id() + "' and '" + r.id() + "' are both patch "
            + s.position() + " of series " + s.name());
      }
    }
    for (Map<Integer, LoadedRevision> patches : series.values()) {
      for (LoadedRevision r : patches.values()) {
        Series s = r.info().series();
        LoadedRevision before = patches.get(s.patch() - 1);
        if (before != null && !before.id().equals(r.info().parent())) {
          throw new RevisionLoadException("revision '" + r.id() + "', patch " + s.position() + " of series " + s.name()
              + ", names parent '" + r.info().parent() + "', not patch " + (s.patch() - 1) + " ('" + before.id() + "')");
        }
      }
    }
  }

  private static String describe(LoadedRevision r) {
    return r.revision().getClass().getName() + " from " + r.source();
  }

  private static String sourceOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null ? "(unknown)" : source.getLocation().toString();
  }
}
