package dev.irqlab.scaffold;

import dev.irqlab.spi.Series;
import dev.irqlab.spi.Status;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Lays out a patch series as revision modules, as a patch set is laid out in mail: {@code
 * <stem>-1} to {@code <stem>-N}, patch 1 a copy of the parent and patch k a copy of patch k-1
 * (each made by {@link NewRevision}, with its placeholders), each naming the one before as its
 * parent and carrying {@code .series(name, cover, k, N)}. Until their authors change them, every
 * patch behaves as the parent does; then patch k holds the code with patches 1 to k applied, so
 * that the matrix of the series and bisect show what each patch changes.
 *
 * <p>Everything that can be checked is checked before the first module is written: the series'
 * name and length, that no module already puts a revision in a series of that name, the parent,
 * and every id. A refusal writes nothing.
 */
public final class NewSeries {
  /** The most patches one series may have here. */
  public static final int MAX_PATCHES = 99;

  private NewSeries() {}

  /**
   * What to make.
   *
   * @param stem the patches' ids are {@code stem-1} to {@code stem-N}
   * @param parent the id of the revision patch 1 applies to
   * @param name the series' name
   * @param patches how many patches, N
   * @param cover the subject of the cover letter, or null for a placeholder
   * @param authors every patch's authors, or empty for a placeholder
   * @param status every patch's status
   * @param date every patch's date, or null to keep the parent's
   */
  public record Request(String stem, String parent, String name, int patches, String cover, List<String> authors,
      Status status, LocalDate date) {
    public Request {
      authors = List.copyOf(authors);
    }

    /** The id of patch {@code k}: {@code stem-k}. */
    public String id(int k) {
      return stem + "-" + k;
    }

    /** Patch {@code k} as one revision: a copy of the one before it, or of the parent for patch 1. */
    NewRevision.Request patch(int k) {
      return new NewRevision.Request(id(k), k == 1 ? parent : id(k - 1), null, authors, status, date,
          new Series(name, cover != null ? cover : InfoRewriter.COVER, k, patches));
    }
  }

  /** Makes the modules, patch 1 first; the list has one {@link Scaffolded} per patch, in order. */
  public static List<Scaffolded> create(Path root, Request request, Collection<String> loadedIds) {
    check(root, request, loadedIds);
    List<Scaffolded> made = new ArrayList<>();
    for (int k = 1; k <= request.patches(); k++) {
      try {
        made.add(NewRevision.create(root, request.patch(k), loadedIds));
      } catch (ScaffoldException e) {
        if (made.isEmpty()) {
          throw e;
        }
        throw new ScaffoldException(e.getMessage() + " (" + request.id(1) + (made.size() > 1 ? " to " + request.id(made.size()) : "")
            + (made.size() > 1 ? " were" : " was") + " made before it: remove them as 'new-revision' says for one)");
      }
    }
    return made;
  }

  private static void check(Path root, Request r, Collection<String> loadedIds) {
    if (r.patches() < 1 || r.patches() > MAX_PATCHES) {
      throw new ScaffoldException("a series of " + r.patches() + " patches: give 1 to " + MAX_PATCHES);
    }
    try {
      r.patch(1);
    } catch (IllegalArgumentException e) {
      throw new ScaffoldException(e.getMessage());
    }
    for (RevisionModules.Module m : RevisionModules.scan(root)) {
      if (r.name().equals(m.series())) {
        throw new ScaffoldException("series '" + r.name() + "' exists: " + m.infoFile() + " puts revision " + m.id() + " in it");
      }
    }
    NewRevision.plan(root, r.patch(1), loadedIds);
    NewRevision.checkFree(root, IntStream.rangeClosed(2, r.patches()).mapToObj(r::id).toList(), loadedIds);
  }
}
