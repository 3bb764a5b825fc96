package dev.irqlab.cli;

import dev.irqlab.conformance.Conformance;
import dev.irqlab.conformance.supervise.Supervisor;
import picocli.CommandLine.Option;

/** {@code --time-limit SECONDS}, for the commands that run scenarios. */
final class TimeLimit {
  /** The longest limit: a day. */
  static final long MAX_SECONDS = 86_400;

  @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "" + Conformance.TIME_LIMIT_SECONDS,
      description = "How long one scenario may run (a real one takes milliseconds) before its run is"
          + " stopped and its trace says it hung or deadlocked. Default: ${DEFAULT-VALUE}.")
  long seconds;

  /** The limit in milliseconds; a usage error unless it is 1 to {@value #MAX_SECONDS} seconds. */
  long millis() {
    if (seconds < 1 || seconds > MAX_SECONDS) {
      throw new UsageException("--time-limit " + seconds + ": expected 1 to " + MAX_SECONDS + " seconds");
    }
    return seconds * 1000;
  }

  /** A worker JVM with this limit, started now: it boots while the command loads what it runs. */
  Supervisor supervisor() {
    return new Supervisor(millis()).start();
  }
}
