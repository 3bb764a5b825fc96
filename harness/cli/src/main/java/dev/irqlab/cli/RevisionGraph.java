package dev.irqlab.cli;

import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import dev.irqlab.spi.LoadedRevision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The revision history as a graph: an edge from each revision's parent to it. It branches (the
 * 2023 and 2025 designs each start from v6.16), so a chain between two revisions is the path
 * from the later back to the earlier by parents.
 */
final class RevisionGraph {
  private final ImmutableGraph<String> graph;

  private RevisionGraph(ImmutableGraph<String> graph) {
    this.graph = graph;
  }

  /** The graph of {@code revisions}: a parent that is not among them is left out. */
  static RevisionGraph of(List<LoadedRevision> revisions) {
    ImmutableGraph.Builder<String> b = GraphBuilder.directed().allowsSelfLoops(false).<String>immutable();
    revisions.forEach(r -> b.addNode(r.id()));
    Set<String> ids = revisions.stream().map(LoadedRevision::id).collect(Collectors.toSet());
    for (LoadedRevision r : revisions) {
      String parent = r.info().parent();
      if (parent != null && ids.contains(parent)) {
        b.putEdge(parent, r.id());
      }
    }
    return new RevisionGraph(b.build());
  }

  /** {@code id}, its parent, its parent's parent, and so on to a revision without one (or not in the graph). */
  List<String> ancestry(String id) {
    List<String> out = new ArrayList<>();
    for (String at = id; at != null; ) {
      out.add(at);
      Set<String> parents = graph.nodes().contains(at) ? graph.predecessors(at) : Set.of();
      at = parents.isEmpty() ? null : parents.iterator().next();
    }
    return out;
  }

  /**
   * The revisions from {@code from} to {@code to}, both included, each the parent of the next; a
   * usage error when {@code from} is not an ancestor of {@code to}.
   */
  List<String> chain(String from, String to) {
    if (from.equals(to)) {
      throw new UsageException("bisect needs two different revisions, and both are " + from);
    }
    List<String> up = ancestry(to);
    int at = up.indexOf(from);
    if (at < 0) {
      if (ancestry(from).contains(to)) {
        throw new UsageException(from + " comes after " + to + ": name the earlier revision first (" + to + " " + from + ")");
      }
      throw new UsageException(from + " is not an ancestor of " + to + (up.size() == 1 ? ": " + to + " has no parent here"
          : ": the parents of " + to + " are " + String.join(" <- ", up.subList(1, up.size()))));
    }
    List<String> out = new ArrayList<>(up.subList(0, at + 1));
    Collections.reverse(out);
    return out;
  }
}
