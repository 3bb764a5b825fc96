package dev.irqlab.cli;

import dev.irqlab.conformance.Conformance;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.Workers;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import dev.irqlab.spi.Status;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The revisions on the class path as the commands pick them, and runs of the suite on them. */
final class Revisions {
  private final List<LoadedRevision> all;
  /** The revisions made from ids such as {@code c:PATH@REF}, made once each. */
  private final Map<String, LoadedRevision> made = new HashMap<>();

  private Revisions(List<LoadedRevision> all) {
    this.all = all;
  }

  /** The revisions on the class path, in history order. */
  static Revisions load() {
    return new Revisions(RevisionLoader.load());
  }

  /** {@code revisions}, in the history order {@link RevisionLoader#inHistoryOrder} checks and gives them. */
  static Revisions of(List<LoadedRevision> revisions) {
    return new Revisions(RevisionLoader.inHistoryOrder(revisions));
  }

  List<LoadedRevision> all() {
    return all;
  }

  /**
   * True for a module's id or one of its aliases, and for an id a revision is made from ({@code
   * c:PATH[@REF]}), usable or not.
   */
  boolean has(String id) {
    return module(id).isPresent() || RevisionInfo.isMadeId(id);
  }

  /** The module revision whose id is {@code id} or that answers to it as an alias. */
  private Optional<LoadedRevision> module(String id) {
    Optional<LoadedRevision> own = all.stream().filter(r -> r.id().equals(id)).findFirst();
    return own.isPresent() ? own : all.stream().filter(r -> r.info().aliases().contains(id)).findFirst();
  }

  /**
   * The id of the module revision that answers to {@code id}: its own id for an alias
   * ({@code v6.17} for {@code v6.17-8}), {@code id} itself otherwise, known or not. For the
   * commands that read a module's folder or hand ids on.
   */
  String canonical(String id) {
    return module(id).map(LoadedRevision::id).orElse(id);
  }

  /** {@link #canonical} of each of {@code ids}; null for null. */
  List<String> canonical(List<String> ids) {
    return ids == null ? null : ids.stream().map(id -> canonical(id.strip())).toList();
  }

  /**
   * The revision called {@code id}: a module's (by its id or an alias), or one made from the id
   * ({@code c:PATH[@REF]}); a usage error naming the revisions there are when there is none, or
   * saying why the made one cannot be used.
   */
  LoadedRevision byId(String id) {
    Optional<LoadedRevision> module = module(id);
    if (module.isPresent()) {
      return module.get();
    }
    if (RevisionInfo.isMadeId(id)) {
      LoadedRevision known = made.get(id);
      if (known != null) {
        return known;
      }
      Revision r;
      try {
        r = RevisionLoader.resolve(id).orElseThrow(() -> new UsageException(
            "unknown revision '" + id + "': no kind of revision is made from '" + id.substring(0, id.indexOf(':') + 1)
                + "' (c:PATH[@REF] names a kernel tree's irqbypass.c)"));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      LoadedRevision loaded = new LoadedRevision(r, r.info(), id);
      made.put(id, loaded);
      return loaded;
    }
    throw new UsageException("unknown revision '" + id + "': the revisions are " + ids());
  }

  /** The revisions called {@code ids}, in history order, each once; all of them when null. */
  List<LoadedRevision> select(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return all;
    }
    if (ids.stream().anyMatch(String::isBlank)) {
      throw new UsageException("--revisions has an empty id: expected ids separated by commas, such as v6.16,v6.17");
    }
    Set<String> wanted = new LinkedHashSet<>();
    List<LoadedRevision> named = new ArrayList<>();
    for (String id : ids) {
      LoadedRevision r = byId(id.strip());
      if (wanted.add(r.id())) {
        named.add(r);
      }
    }
    if (named.stream().anyMatch(r -> RevisionInfo.isMadeId(r.id()))) {
      return named; // with a made revision among them, the columns go in the order given
    }
    List<LoadedRevision> out = new ArrayList<>();
    all.stream().filter(r -> wanted.contains(r.id())).forEach(out::add);
    return out;
  }

  /** The newest merged revision: the last in history order with status merged. */
  LoadedRevision newestMerged() {
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).info().status() == Status.MERGED) {
        return all.get(i);
      }
    }
    throw new UsageException("no merged revision on the class path: name one with --revision (the revisions are " + ids() + ")");
  }

  /** {@code rfc-2015, v4.4, ...}, or {@code none}. */
  String ids() {
    return all.isEmpty() ? "none" : String.join(", ", all.stream().map(LoadedRevision::id).toList());
  }

  /** Checks an era given on the command line: null (each revision's own) or a documented era. */
  static String era(String era) {
    if (era != null) {
      try {
        DriverEra.byId(era);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return era;
  }

  /**
   * Runs {@code suite} on {@code revisions} with {@code era}'s drivers (null: each its own), on
   * {@code workers} (the commands' {@link TimeLimit#supervisor}).
   */
  static Matrix run(Suite suite, List<LoadedRevision> revisions, String era, Workers workers) {
    return new Conformance(suite, workers).run(revisions, era(era));
  }
}
