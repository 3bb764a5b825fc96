package dev.irqlab.scaffold.patch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the members of one file in both revisions side by side and collects those that differ,
 * in the order of the revision after, a removed member right after the one it followed before.
 */
final class Comparison {
  private final List<MemberChange> changes = new ArrayList<>();
  /** The last line walked in the file before: where an added member would go. */
  private int lineA;
  /** The last line walked in the file after: where a removed member was. */
  private int lineB;

  private Comparison() {}

  /** The members of {@code a} and {@code b} (one file, before and after) that differ. */
  static List<MemberChange> of(List<Entry> a, List<Entry> b) {
    Comparison c = new Comparison();
    c.walk(a, b);
    return c.changes;
  }

  private void walk(List<Entry> as, List<Entry> bs) {
    Map<String, Entry> before = index(as);
    Map<String, Entry> after = index(bs);
    Map<String, List<Entry>> removedAfter = new HashMap<>();
    String anchor = "";
    for (Entry a : as) {
      if (after.containsKey(a.key())) {
        anchor = a.key();
      } else {
        removedAfter.computeIfAbsent(anchor, k -> new ArrayList<>()).add(a);
      }
    }
    removedAfter.getOrDefault("", List.of()).forEach(this::removed);
    for (Entry b : bs) {
      Entry a = before.get(b.key());
      if (a == null) {
        added(b);
      } else {
        both(a, b);
        removedAfter.getOrDefault(b.key(), List.of()).forEach(this::removed);
      }
    }
  }

  private static Map<String, Entry> index(List<Entry> entries) {
    Map<String, Entry> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.key(), e));
    return out;
  }

  /** A member in both: a class's declaration is compared, then its members one by one. */
  private void both(Entry a, Entry b) {
    if (!a.code().equals(b.code())) {
      add(Change.CHANGED, b, a.head(), b.head());
    } else if (!a.comments().equals(b.comments())) {
      add(Change.COMMENTS, b, a.head(), b.head());
    }
    lineA = a.head().end();
    lineB = b.head().end();
    if (!a.members().isEmpty() || !b.members().isEmpty()) {
      walk(a.members(), b.members());
    }
    lineA = a.whole().end();
    lineB = b.whole().end();
  }

  private void added(Entry b) {
    add(Change.ADDED, b, Snippet.after(lineA), b.whole());
    lineB = b.whole().end();
  }

  private void removed(Entry a) {
    add(Change.REMOVED, a, a.whole(), Snippet.after(lineB));
    lineA = a.whole().end();
  }

  private void add(Change change, Entry e, Snippet a, Snippet b) {
    List<String> diff = Hunks.of(a, b, e.label());
    if (diff.isEmpty()) {
      return;
    }
    changes.add(new MemberChange(change, e.kind(), e.topClass(), e.label(), a.lines().isEmpty() ? 0 : a.begin(),
        b.lines().isEmpty() ? 0 : b.begin(), diff));
  }
}
