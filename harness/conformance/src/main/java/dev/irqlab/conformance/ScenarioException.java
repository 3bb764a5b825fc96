package dev.irqlab.conformance;

import dev.irqlab.conformance.io.PlacedException;

/**
 * A scenario that cannot run as written: where (file, line, column) and what was expected. Its
 * message is one line, ready for the user: {@code demo.irq:4:10: unknown name 'efd9': expected
 * an eventfd declared above}.
 */
public final class ScenarioException extends PlacedException {
  private static final long serialVersionUID = 1L;

  public ScenarioException(String file, int line, int column, String message) {
    super(file, line, column, message);
  }
}
