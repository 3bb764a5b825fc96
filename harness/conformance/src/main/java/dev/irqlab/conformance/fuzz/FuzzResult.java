package dev.irqlab.conformance.fuzz;

import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.Trace;
import java.util.List;

/**
 * What a fuzzing run found.
 *
 * @param a the revision fuzzed, as {@link Fuzzer.Side#label}
 * @param b the one it was compared with, or null
 * @param seed the seed: the same seed and budget of runs find the same
 * @param scenarios scenarios generated
 * @param runs scenario runs while searching (two a scenario when comparing)
 * @param setAside scenarios whose caller broke the manager's rules on a side, so not read
 * @param searchMillis time searching
 * @param shrinkRuns scenario runs while shrinking
 * @param shrinkMillis time shrinking
 * @param findings every signature found, in the order first found
 */
public record FuzzResult(String a, String b, long seed, long scenarios, long runs, long setAside, long searchMillis,
    long shrinkRuns, long shrinkMillis, List<Finding> findings) {

  public FuzzResult {
    findings = List.copyOf(findings);
  }

  /**
   * One signature: its first scenario, shrunk.
   *
   * @param signature what differs and where
   * @param count how many scenarios showed it
   * @param index the number of its first scenario in the run (from 0)
   * @param first that scenario, as generated
   * @param minimal the smallest scenario found that still shows it
   * @param oneMinimal true when no single operation of it can go; false when shrinking ran out of
   *     time first
   * @param shown the difference in the minimal scenario's traces
   * @param traceA the minimal scenario's trace on A
   * @param traceB its trace on B, or null
   */
  public record Finding(String signature, long count, long index, Scenario first, Scenario minimal, boolean oneMinimal,
      Difference shown, Trace traceA, Trace traceB) {}
}
