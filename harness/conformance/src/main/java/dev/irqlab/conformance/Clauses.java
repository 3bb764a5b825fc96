package dev.irqlab.conformance;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contract of the IRQ bypass manager, clause by clause: what include/linux/irqbypass.h and
 * the kernel-doc promise, and what the reviews and reverts of every redesign established. Each
 * clause reads only traces; none names a revision.
 *
 * <p>Each {@link Category} has its file, as Guava testlib gives each feature its tester ({@code
 * RegistrationClauses}, {@code PairingClauses}, ...), in the order of the matrix's sections; the
 * sources they cite and the readings they share are in {@code ClauseKit}.
 */
public final class Clauses {
  private Clauses() {}

  private static final List<Clause> ALL = Stream.of(
          RegistrationClauses.all(),
          PairingClauses.all(),
          OrderClauses.all(),
          UnregistrationClauses.all(),
          ErrorClauses.all(),
          AllocationClauses.all(),
          ModuleClauses.all(),
          LockingClauses.all(),
          LifetimeClauses.all(),
          SystemClauses.all(),
          Arm64Clauses.all(),
          InvariantClauses.all())
      .flatMap(List::stream)
      // One category's clauses may come from more than one file (SystemClauses, Arm64Clauses): by number within it.
      .sorted(Comparator.comparing(Clause::category).thenComparingInt(c -> Integer.parseInt(c.id().substring(c.id().indexOf('-') + 1))))
      .toList();

  /** Every clause of the standard suite, in order: by category, as {@link Category} lists them. */
  public static List<Clause> all() {
    return ALL;
  }
}
