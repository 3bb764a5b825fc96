package dev.irqlab.conformance;

import dev.irqlab.devices.DriverChange;
import dev.irqlab.spi.Feature;
import dev.irqlab.spi.Link;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One statement of the IRQ bypass contract, checked on every revision.
 *
 * @param id a stable id: its category's prefix and a number ({@code ERR-02})
 * @param category what part of the contract it is about
 * @param statement one line, in the present tense: what must hold
 * @param rationale why it matters, with who said so
 * @param sources the header, kernel-doc, commits and review mails it comes from
 * @param scenarios the scenarios whose traces it reads
 * @param needs the interface features it needs (N/A for a revision without one)
 * @param driverChanges the driver changes it needs in the era (N/A for an era without one)
 * @param absentDriverChanges the driver changes it needs the era not to have (N/A for an era
 *     with one): the absent side of a requirement, as Guava testlib's {@code @Require(absent =
 *     ...)}
 * @param check the check, which reads only traces
 */
public record Clause(
    String id,
    Category category,
    String statement,
    String rationale,
    List<Link> sources,
    List<String> scenarios,
    Set<Feature> needs,
    Set<DriverChange> driverChanges,
    Set<DriverChange> absentDriverChanges,
    Check check) {

  private static final Pattern ID = Pattern.compile("[A-Z]+-[0-9]{2}");

  /** Reads the traces of one revision and concludes. */
  @FunctionalInterface
  public interface Check {
    Verdict check(Evidence e);
  }

  public Clause {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches() || !id.startsWith(category.prefix() + "-")) {
      throw new IllegalArgumentException("clause id " + id + ": expected " + category.prefix() + "-NN");
    }
    sources = List.copyOf(sources);
    scenarios = List.copyOf(scenarios);
    needs = ordered(needs);
    driverChanges = ordered(driverChanges);
    absentDriverChanges = ordered(absentDriverChanges);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("clause " + id + " cites no source");
    }
  }

  /**
   * An unmodifiable copy in the order given: the first need a revision or era lacks is the one
   * its N/A cell names, the same on every run ({@code Set.copyOf} iterates in an order that
   * changes from one JVM to the next).
   */
  static <T> Set<T> ordered(Collection<T> items) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(items));
  }
}
