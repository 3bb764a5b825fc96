package dev.irqlab.conformance;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The conformance suite: its scenarios and the clauses that read their traces.
 *
 * @param scenarios every scenario a clause reads, in order
 * @param clauses every clause, in order
 */
public record Suite(List<Scenario> scenarios, List<Clause> clauses) {
  public Suite {
    scenarios = List.copyOf(scenarios);
    clauses = List.copyOf(clauses);
    Set<String> ids = new HashSet<>();
    scenarios.forEach(s -> {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("two scenarios are called " + s.id());
      }
    });
    Set<String> clauseIds = new HashSet<>();
    for (Clause c : clauses) {
      if (!clauseIds.add(c.id())) {
        throw new IllegalArgumentException("two clauses are called " + c.id());
      }
      for (String s : c.scenarios()) {
        if (!ids.contains(s)) {
          throw new IllegalArgumentException("clause " + c.id() + " reads scenario " + s + ", which the suite does not have");
        }
      }
    }
  }

  /** The standard suite: {@link Scenarios#all()} and {@link Clauses#all()}. */
  public static Suite standard() {
    return new Suite(Scenarios.all(), Clauses.all());
  }

  public Optional<Clause> clause(String id) {
    return clauses.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<Scenario> scenario(String id) {
    return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
