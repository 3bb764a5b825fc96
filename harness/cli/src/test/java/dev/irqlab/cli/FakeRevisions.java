package dev.irqlab.cli;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.RevisionLoader;
import dev.irqlab.spi.Status;
import java.util.List;
import java.util.function.UnaryOperator;

/** Revisions that only describe themselves, for the commands that list and pick revisions. */
final class FakeRevisions {
  private FakeRevisions() {}

  /** A revision {@code id} on {@code parent} (null for a root), dated {@code date}, with what {@code more} adds. */
  static LoadedRevision of(String id, String parent, String date, UnaryOperator<RevisionInfo.Builder> more) {
    RevisionInfo info = more.apply(RevisionInfo.builder(id)
            .title(id + "'s title")
            .author("Ann Dev <ann@example.org>")
            .date(date)
            .status(Status.PROPOSAL)
            .parent(parent)
            .defaultEra("v6.16")
            .summary("What " + id + " changes."))
        .build();
    Revision r = new Revision() {
      @Override
      public RevisionInfo info() {
        return info;
      }

      @Override
      public IrqBypass load(Kernel kernel) {
        throw new UnsupportedOperationException(id + " only describes itself");
      }
    };
    return new LoadedRevision(r, info, "file:/repo/revisions/" + id + "/target/classes/");
  }

  /** {@link #of} with nothing more. */
  static LoadedRevision of(String id, String parent, String date) {
    return of(id, parent, date, b -> b);
  }

  /**
   * A base, a three-patch series {@code fix-1} to {@code fix-3} ("fix", the last also {@code
   * fix-final}) on it, and a revision on the series' last patch, in history order.
   */
  static List<LoadedRevision> withSeries() {
    return RevisionLoader.inHistoryOrder(List.of(
        of("base", null, "2025-01-01"),
        of("fix-1", "base", "2025-02-01", b -> b.series("fix", "irqbypass: fix it in three steps", 1, 3)),
        of("fix-2", "fix-1", "2025-02-01", b -> b.series("fix", "irqbypass: fix it in three steps", 2, 3)),
        of("fix-3", "fix-2", "2025-02-01", b -> b.series("fix", "irqbypass: fix it in three steps", 3, 3).alias("fix-final")),
        of("after", "fix-3", "2025-03-01")));
  }
}
