package dev.irqlab.rev.cases;

import static java.util.Collections.emptyList; // BUG: no-collections

import dev.irqlab.spi.IrqBypass;
import java.util.*; // BUG: no-collections
import java.util.ArrayList; // BUG: no-collections
import java.util.HashMap; // BUG: no-collections
import java.util.List; // BUG: no-collections
import java.util.Map; // BUG: no-collections
import java.util.stream.Collectors; // BUG: no-collections

/** Collections, imported or fully qualified, and the snapshot exception not leaking. */
abstract class NoCollectionsPositiveCases implements IrqBypass {
  private final Map<Long, String> byToken = new HashMap<>();
  private final java.util.Deque<String> queue = new java.util.ArrayDeque<>(); // BUG: no-collections

  /** List and ArrayList are used outside snapshot(): their imports are reported. */
  List<String> names() {
    return new ArrayList<>();
  }

  int none() {
    return java.util.Collections.emptyList().size(); // BUG: no-collections
  }

  java.util.Optional<String> find() { // BUG: no-collections
    return java.util.stream.Stream.of("a").findFirst(); // BUG: no-collections
  }

  @Override
  public Snapshot snapshot() {
    java.util.LinkedList<Connection> connections = new java.util.LinkedList<>(); // BUG: no-collections
    return new Snapshot(emptyList(), emptyList(), connections, 0);
  }
}
