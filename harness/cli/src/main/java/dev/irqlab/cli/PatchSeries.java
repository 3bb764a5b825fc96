package dev.irqlab.cli;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.Multimaps;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.Series;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A patch series as the revisions on the class path have it: the modules that say they are
 * patches of one series, in patch order, and the revision the first patch applies to.
 *
 * @param name the series' name ({@code sean-v2})
 * @param cover its cover letter's subject
 * @param of how many patches it has, as its patches say
 * @param patches the patches on the class path, in patch order (all {@code of} of them in a
 *     whole series)
 * @param base the parent of patch 1 when patch 1 is on the class path and has one, else empty
 */
record PatchSeries(String name, String cover, int of, List<LoadedRevision> patches, Optional<LoadedRevision> base) {
  PatchSeries {
    patches = List.copyOf(patches);
  }

  /** Every series among {@code revisions}, in the order their first patches have there. */
  static List<PatchSeries> all(List<LoadedRevision> revisions) {
    ImmutableListMultimap<String, LoadedRevision> byName = Multimaps.index(
        revisions.stream().filter(r -> r.info().series() != null).iterator(), r -> r.info().series().name());
    return byName.keySet().stream().map(name -> of(revisions, byName.get(name))).toList();
  }

  /**
   * The series {@code name} among {@code revisions}; a usage error naming the series there are
   * when there is none.
   */
  static PatchSeries named(List<LoadedRevision> revisions, String name) {
    List<PatchSeries> all = all(revisions);
    return all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new UsageException(
        "unknown series '" + name + "': the series are " + (all.isEmpty() ? "none"
            : String.join(", ", all.stream().map(PatchSeries::name).toList()))));
  }

  private static PatchSeries of(List<LoadedRevision> revisions, List<LoadedRevision> members) {
    List<LoadedRevision> patches = members.stream().sorted(Comparator.comparingInt(r -> r.info().series().patch())).toList();
    Series first = patches.get(0).info().series();
    String parent = first.patch() == 1 ? patches.get(0).info().parent() : null;
    Optional<LoadedRevision> base = revisions.stream().filter(r -> r.id().equals(parent)).findFirst();
    return new PatchSeries(first.name(), first.cover(), first.of(), patches, base);
  }

  /** True when every patch of the series is on the class path. */
  boolean whole() {
    return patches.size() == of;
  }

  /** {@code 3/8} for a patch, padded on the right to the width of the series' widest position. */
  String position(LoadedRevision patch) {
    int width = (of + "/" + of).length();
    return String.format(Locale.ROOT, "%-" + width + "s", patch.info().series().position());
  }
}
