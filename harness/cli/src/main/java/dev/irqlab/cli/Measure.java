package dev.irqlab.cli;

import java.util.function.Supplier;
import picocli.CommandLine;

/** What the performance commands share: checking their options. */
final class Measure {
  private Measure() {}

  /** Fails with a usage error unless {@code format} is text or json. */
  static void checkFormat(CommandLine cl, String format) {
    if (!format.equals("text") && !format.equals("json")) {
      throw new CommandLine.ParameterException(cl, "--format must be text or json, not " + format);
    }
  }

  /** What {@code make} returns; its IllegalArgumentException becomes a usage error. */
  static <T> T parse(CommandLine cl, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
  }
}
