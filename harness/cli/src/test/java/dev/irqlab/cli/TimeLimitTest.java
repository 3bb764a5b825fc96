package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --time-limit SECONDS} on the commands that run scenarios. */
class TimeLimitTest {
  @Test
  void everyCommandThatRunsScenariosTakesIt() {
    for (String command : new String[] {"matrix", "run", "diff", "explain"}) {
      Cli.Run help = Cli.run(command, "--help");
      assertTrue(help.out().contains("--time-limit=SECONDS"), command + ": " + help.out());
    }
  }

  @Test
  void aLimitBelowOneSecondOrAboveADayIsAUsageError() {
    Cli.run("matrix", "--time-limit", "0").assertUsageError("--time-limit 0: expected 1 to 86400 seconds");
    Cli.run("explain", "ERR-02", "--time-limit", "86401").assertUsageError("--time-limit 86401: expected 1 to 86400 seconds");
    assertEquals(Main.USAGE, Cli.run("run", "--time-limit", "x", "f.irq").code());
  }

  @Test
  void aFewSecondsArePlentyForTheRealRevisions() {
    Cli.Run r = Cli.run("matrix", "--revisions", "v6.16", "--time-limit", "3");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains(", 0 unexpected"), r.out());
  }
}
