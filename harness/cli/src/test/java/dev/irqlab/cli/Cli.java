package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in the test's JVM and keeps what it printed. */
final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {
    /** A usage error: exit 2, one line {@code irqlab: <message>} and no stack trace. */
    Run assertUsageError(String message) {
      assertTrue(code == Main.USAGE, "exit " + code + ", err: " + err);
      assertEquals("irqlab: " + message, err.stripTrailing(), "one line on the standard error");
      assertFalse(err.contains("Exception") || err.contains("\tat "), err);
      return this;
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** Every line is at most 80 columns wide, except a line that is only a URL. */
  static void fitsEightyColumns(String text) {
    text.lines().filter(l -> !l.strip().matches("https?://\\S+"))
        .forEach(l -> assertTrue(l.length() <= 80, "longer than 80 columns (" + l.length() + "): " + l));
  }
}
