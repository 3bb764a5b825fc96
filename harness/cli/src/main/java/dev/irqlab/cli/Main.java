package dev.irqlab.cli;

import dev.irqlab.conformance.report.ReportException;
import dev.irqlab.scaffold.ScaffoldException;
import dev.irqlab.spi.RevisionLoadException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./irqlab}: the command line of irqbypass-lab.
 *
 * <p>Exit codes: 0 when everything is as declared, 1 for an unexpected outcome or failure, 2
 * for a usage error.
 */
@Command(
    name = "irqlab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Every historical design of the Linux IRQ bypass manager, run on one emulated kernel.",
    subcommands = {
      MatrixCommand.class,
      DiffCommand.class,
      SourceDiffCommand.class,
      RunCommand.class,
      ExplainCommand.class,
      ListCommand.class,
      InfoCommand.class,
      NewRevisionCommand.class,
      StressCommand.class,
      ScaleCommand.class,
      JmhCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for everything as declared. */
  public static final int OK = 0;
  /** Exit code for an unexpected outcome. */
  public static final int UNEXPECTED = 1;
  /** Exit code for a usage error. */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'irqlab matrix' or 'irqlab help'.");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : UNEXPECTED);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UsageException || e instanceof ReportException || e instanceof ScaffoldException) {
            commandLine.getErr().println("irqlab: " + e.getMessage());
            return USAGE;
          }
          if (e instanceof RevisionLoadException) {
            commandLine.getErr().println("irqlab: " + e.getMessage());
            return UNEXPECTED;
          }
          throw e;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"irqlab " + (v == null ? "development" : v)};
    }
  }
}
